namespace DiploPortal.Core.Exercises.Deconfliction;

/// <summary>What a conflict is about.</summary>
public enum ConflictKind
{
    /// <summary>A nation commits more personnel, ships or aircraft on one day than its capacity.</summary>
    OverCapacity,

    /// <summary>Two exercises use the same training area on overlapping days.</summary>
    TrainingAreaDoubleBooked,

    /// <summary>Milestones out of their order, or a planning milestone after execution starts.</summary>
    MilestonesOutOfOrder,

    /// <summary>A nation's exercise overlaps a humanitarian mission the nation contributes to.</summary>
    OverlapsHumanitarianMission,
}

/// <summary>
/// How much a conflict weighs: a <see cref="Hard"/> one blocks the save, a <see cref="Warning"/> can be
/// overridden with a reason (the override is audited).
/// </summary>
public enum ConflictSeverity
{
    Warning,
    Hard,
}

/// <summary>
/// One clash found by <see cref="DeconflictionRules"/>: in words, with the exercises (by id, ascending; the checked
/// exercise's own when it is stored), the nations (alpha-3 codes) and the missions involved. Only records the
/// planner may see are ever named or counted.
/// </summary>
public sealed record ExerciseConflict(
    ConflictKind Kind,
    ConflictSeverity Severity,
    string Message,
    IReadOnlyList<ConflictingExercise> Exercises,
    IReadOnlyList<string> NationCodes,
    IReadOnlyList<int> MissionIds)
{
    /// <summary>The ids of <see cref="Exercises"/>, ascending.</summary>
    public IReadOnlyList<int> ExerciseIds => [.. Exercises.Select(e => e.Id)];

    /// <summary>The other exercises involved: all but the checked one (those a planner may want to open).</summary>
    public IReadOnlyList<ConflictingExercise> OthersThan(int? exerciseId) => [.. Exercises.Where(e => e.Id != exerciseId)];

    /// <summary>The severity in words, for people (never colour alone).</summary>
    public string SeverityText => Severity == ConflictSeverity.Hard ? "Hard conflict (blocks saving)" : "Warning (can be overridden with a reason)";

    /// <summary>Equal conflicts found from either exercise's side (the conflicts API lists each once).</summary>
    public string Key => $"{Kind}|{string.Join(',', ExerciseIds)}|{string.Join(',', NationCodes)}|{string.Join(',', MissionIds)}|{Message}";
}

/// <summary>An exercise a conflict involves: its id and name (the checked one's own name when given, else "this exercise").</summary>
public sealed record ConflictingExercise(int Id, string Name);

/// <summary>A nation's part in a schedule: the forces it commits (units are not limited by capacity).</summary>
public sealed record ScheduledForces(string NationCode, int Personnel, int Ships, int Aircraft);

/// <summary>A milestone as the rules see it: its kind and planned day.</summary>
public sealed record ScheduledMilestone(MilestoneKind Kind, DateOnly PlannedOn);

/// <summary>
/// What a conflict check is asked about: the exercise (its id when stored, so it is not compared with itself),
/// its days, training area, participants with their forces and milestones.
/// </summary>
public sealed record ExerciseSchedule(
    int? ExerciseId,
    DateOnly StartsOn,
    DateOnly EndsOn,
    int? TrainingAreaId,
    IReadOnlyList<ScheduledForces> Participants,
    IReadOnlyList<ScheduledMilestone> Milestones,
    string? Name = null);

/// <summary>Another (visible) exercise the candidate is compared with; participants only of the candidate's nations.</summary>
public sealed record ScheduledExercise(
    int Id,
    string Name,
    DateOnly StartsOn,
    DateOnly EndsOn,
    int? TrainingAreaId,
    IReadOnlyList<ScheduledForces> Participants);

/// <summary>A (visible) humanitarian mission: its days (no end while active) and the contributing nations' codes.</summary>
public sealed record ScheduledMission(int Id, string Name, DateOnly StartsOn, DateOnly? EndsOn, IReadOnlyList<string> NationCodes);

/// <summary>What a nation can commit to exercises at once; <see cref="IsAssumption"/> when no source states it.</summary>
public sealed record ForceCapacity(string NationCode, int Personnel, int Ships, int Aircraft, bool IsAssumption);
