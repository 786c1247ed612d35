using DiploPortal.Core.Common;

namespace DiploPortal.Core.Exercises;

/// <summary>An after-action observation as a planner edits it, with the <see cref="Version"/> it was read at.</summary>
public sealed class ObservationForm : IRecordForm
{
    public const int TextMaxLength = 4000;

    /// <summary>The exercise it is recorded against; fixed once recorded.</summary>
    public int ExerciseId { get; set; }

    public string Observation { get; set; } = "";

    public string? Lesson { get; set; }

    public string? Recommendation { get; set; }

    public DateOnly? RecordedOn { get; set; }

    /// <summary>The row version (xmin) the form was read at; 0 for a new observation.</summary>
    public uint Version { get; set; }
}

/// <summary>What the rules need to know of the exercise an observation is recorded against.</summary>
public sealed record ObservedExercise(ExerciseStatus Status, DateOnly StartsOn);
