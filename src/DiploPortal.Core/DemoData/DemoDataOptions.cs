namespace DiploPortal.Core.DemoData;

/// <summary>What the demo generator makes.</summary>
public sealed record DemoDataOptions
{
    /// <summary>The same seed, count and anchor give the same records.</summary>
    public int Seed { get; init; } = 20261125;

    /// <summary>How many engagements to make; attachés, exercises, missions and assessments scale with it.</summary>
    public int Engagements { get; init; } = 5000;

    /// <summary>
    /// The day the data is generated "as of": history covers the ten years before it and exercises
    /// are planned up to a year after it. Null means today (UTC); tests fix it to get stable records.
    /// </summary>
    public DateOnly? Anchor { get; init; }

    /// <summary>Do nothing when a demo engagement already exists (checked under a table lock, so two runs cannot both generate).</summary>
    public bool SkipIfDemoDataExist { get; init; } = true;
}

/// <summary>What one run of the generator wrote; <see cref="Skipped"/> when demo data already existed.</summary>
public sealed record DemoDataResult(
    bool Skipped,
    int Attaches,
    int AttacheReports,
    int Exercises,
    int ExerciseParticipants,
    int ExerciseMilestones,
    int ExerciseObservations,
    int ExerciseLiaisons,
    int Missions,
    int MissionContributions,
    int Engagements,
    int EngagementParticipants,
    int EngagementAttaches,
    int EngagementFollowUps,
    int Assessments,
    int IndicatorScores,
    TimeSpan Elapsed)
{
    public static DemoDataResult None(TimeSpan elapsed) => new(true, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, elapsed);

    /// <summary>Rows written to every table together.</summary>
    public long TotalRows =>
        (long)Attaches + AttacheReports + Exercises + ExerciseParticipants + ExerciseMilestones + ExerciseObservations
        + ExerciseLiaisons + Missions + MissionContributions + Engagements + EngagementParticipants + EngagementAttaches
        + EngagementFollowUps + Assessments + IndicatorScores;
}
