using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Exercises;

/// <summary>
/// Records, changes and deletes after-action observations (<see cref="RecordEditor{TEntity, TForm}"/>) with the
/// rules of <see cref="ObservationRules"/>. The context's filter lets the user reach only observations of
/// exercises they may see, and the exercise is looked up through the same filter.
/// </summary>
public sealed class ObservationEditor(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
    : RecordEditor<ExerciseObservation, ObservationForm>(dbFactory)
{
    /// <summary>Today, as the rules and a new form's default day see it.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>A new observation's form for an exercise: recorded today.</summary>
    public ObservationForm NewForm(int exerciseId) => new() { ExerciseId = exerciseId, RecordedOn = Today };

    protected override ExerciseObservation NewRecord() => new() { Observation = "" };

    protected override async Task<FormCheck<ExerciseObservation>> CheckAsync(PortalDbContext db, ObservationForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var exercise = await db.Exercises.AsNoTracking()
            .Where(e => e.Id == form.ExerciseId)
            .Select(e => new ObservedExercise(e.Status, e.StartsOn))
            .SingleOrDefaultAsync(cancellationToken);
        var errors = ObservationRules.Check(form, exercise, Today);
        var recordedBy = db.User.Name;
        return FormCheck.Of<ExerciseObservation>(errors, observation =>
        {
            // An observation stays with the exercise it was recorded against.
            if (observation.Id == 0)
            {
                observation.ExerciseId = form.ExerciseId;
                observation.RecordedBy = recordedBy;
            }

            observation.Observation = form.Observation.Trim();
            observation.Lesson = FormRules.OrNull(form.Lesson);
            observation.Recommendation = FormRules.OrNull(form.Recommendation);
            observation.RecordedOn = form.RecordedOn!.Value;
        });
    }

    protected override async Task<ObservationForm?> ReadFormAsync(PortalDbContext db, int id, CancellationToken cancellationToken) =>
        await db.ExerciseObservations.AsNoTracking()
            .Where(o => o.Id == id)
            .Select(o => new ObservationForm
            {
                ExerciseId = o.ExerciseId,
                Observation = o.Observation,
                Lesson = o.Lesson,
                Recommendation = o.Recommendation,
                RecordedOn = o.RecordedOn,
                Version = o.Version,
            })
            .SingleOrDefaultAsync(cancellationToken);
}
