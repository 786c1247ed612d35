using DiploPortal.Core.Common;

namespace DiploPortal.Core.Exercises;

/// <summary>
/// The rules of an after-action observation. It is recorded against an exercise after execution: one
/// in execution or completed, or, whatever its status says, one whose first day has passed, unless it was
/// cancelled (a cancelled exercise did not run). It is dated between the exercise's first day and today.
/// </summary>
public static class ObservationRules
{
    /// <summary>Whether observations may be recorded against an exercise in this state on <paramref name="today"/>.</summary>
    public static bool IsAfterExecution(ObservedExercise exercise, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        return exercise.Status is ExerciseStatus.InExecution or ExerciseStatus.Completed
            || (exercise.Status != ExerciseStatus.Cancelled && exercise.StartsOn <= today);
    }

    /// <summary>Every rule of <paramref name="form"/>; <paramref name="exercise"/> is null when it does not exist or is not visible.</summary>
    public static FieldErrors Check(ObservationForm form, ObservedExercise? exercise, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new FieldErrors();
        FormRules.Required(errors, nameof(form.Observation), form.Observation, ObservationForm.TextMaxLength, "Say what was observed.");
        FormRules.Length(errors, nameof(form.Lesson), form.Lesson, ObservationForm.TextMaxLength);
        FormRules.Length(errors, nameof(form.Recommendation), form.Recommendation, ObservationForm.TextMaxLength);
        if (exercise is null)
        {
            errors.Add(SaveOutcome.RecordField, "The exercise does not exist, or you may not see it.");
            return errors;
        }

        if (!IsAfterExecution(exercise, today))
        {
            errors.Add(SaveOutcome.RecordField, exercise.Status == ExerciseStatus.Cancelled
                ? "The exercise was cancelled: it has no after action to record."
                : "Observations are recorded once the exercise has started.");
        }

        if (form.RecordedOn is not { } day)
        {
            errors.Add(nameof(form.RecordedOn), "Give the day the observation was recorded.");
        }
        else if (day < exercise.StartsOn)
        {
            errors.Add(nameof(form.RecordedOn), "This day comes before the exercise's first day.");
        }
        else if (day > today)
        {
            errors.Add(nameof(form.RecordedOn), "This day has not come yet.");
        }

        return errors;
    }
}
