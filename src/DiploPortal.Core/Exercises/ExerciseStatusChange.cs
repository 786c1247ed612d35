namespace DiploPortal.Core.Exercises;

/// <summary>One step of an exercise's life cycle: from which status to which, when, by whom and why (<see cref="ExerciseTransitions"/>).</summary>
public class ExerciseStatusChange
{
    public long Id { get; set; }

    public int ExerciseId { get; set; }

    public JointExercise? Exercise { get; set; }

    public ExerciseStatus FromStatus { get; set; }

    public ExerciseStatus ToStatus { get; set; }

    /// <summary>The instant of the change, UTC.</summary>
    public DateTime ChangedAt { get; set; }

    /// <summary>The person who made it, named as the audit trail names people.</summary>
    public required string ChangedBy { get; set; }

    public string? Reason { get; set; }
}
