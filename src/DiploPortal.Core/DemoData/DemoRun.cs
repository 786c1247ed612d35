using DiploPortal.Core.Common;
using DiploPortal.Core.Data;

namespace DiploPortal.Core.DemoData;

/// <summary>Ids of one table, handed out by the generator after the table's current maximum.</summary>
internal sealed class IdSequence(string table, int last)
{
    public string Table { get; } = table;

    public int Last { get; private set; } = last;

    public int Next() => ++Last;
}

/// <summary>
/// What every part of one generator run shares: the reference data, the calendar (all dates
/// derive from the anchor, never from the clock), the seeded randomness and the id sequences.
/// </summary>
internal sealed class DemoRun(DemoWorld world, DateOnly anchor, int seed, IReadOnlyDictionary<string, int> maxIds)
{
    // About 60 % unclassified, 20 % restricted, 15 % confidential, 5 % secret across all records; the
    // unclassified share is drawn a little higher because hotline calls are never below restricted.
    private static readonly int[] ClassificationWeights = [63, 18, 14, 5];

    public DemoWorld World { get; } = world;

    /// <summary>The generator's "today".</summary>
    public DateOnly Anchor { get; } = anchor;

    /// <summary>History starts ten years before the anchor.</summary>
    public DateOnly HistoryStart { get; } = anchor.AddYears(-10);

    /// <summary>Exercises are planned up to a year after the anchor.</summary>
    public DateOnly PlanningHorizon { get; } = anchor.AddYears(1);

    public IdSequence Attaches { get; } = new("attaches", maxIds["attaches"]);

    public IdSequence AttacheReports { get; } = new("attache_reports", maxIds["attache_reports"]);

    public IdSequence Exercises { get; } = new("exercises", maxIds["exercises"]);

    public IdSequence ExerciseMilestones { get; } = new("exercise_milestones", maxIds["exercise_milestones"]);

    public IdSequence ExerciseObservations { get; } = new("exercise_observations", maxIds["exercise_observations"]);

    public IdSequence Missions { get; } = new("missions", maxIds["missions"]);

    public IdSequence Engagements { get; } = new("engagements", maxIds["engagements"]);

    public IdSequence EngagementFollowUps { get; } = new("engagement_follow_ups", maxIds["engagement_follow_ups"]);

    public IdSequence Assessments { get; } = new("assessments", maxIds["assessments"]);

    /// <summary>The tables whose ids the generator assigns (and whose identity sequences it resets).</summary>
    public static IReadOnlyList<string> IdentityTables { get; } =
    [
        "attaches", "attache_reports", "exercises", "exercise_milestones", "exercise_observations",
        "missions", "engagements", "engagement_follow_ups", "assessments",
    ];

    /// <summary>
    /// A random source per part of the run, so that changing how one part draws does not change
    /// what the others make.
    /// </summary>
    public Random RandomFor(int part) => new(unchecked((seed * 397) ^ (part * 7919)));

    public int DaysOfHistory => Anchor.DayNumber - HistoryStart.DayNumber;

    public DateOnly Clamp(DateOnly day) => day > Anchor ? Anchor : day;

    /// <summary>
    /// An instant on <paramref name="day"/> during office hours (UTC), never later than the day before the
    /// anchor, so a record is never stamped after the moment the data is generated "as of".
    /// </summary>
    public DateTime Stamp(Random rng, DateOnly day)
    {
        var latest = Anchor.AddDays(-1);
        if (day > latest)
        {
            day = latest;
        }

        return day.ToDateTime(new TimeOnly(rng.Between(6, 18), rng.Next(60), rng.Next(60)), DateTimeKind.Utc);
    }

    public static Classification DrawClassification(Random rng, Classification atLeast = Classification.Unclassified)
    {
        var drawn = (Classification)rng.Weighted(ClassificationWeights);
        return drawn < atLeast ? atLeast : drawn;
    }

    /// <summary>
    /// A marking with, for some classified records, a caveat: releasable only to the nations taking
    /// part, or only to an alliance the lead nation belongs to.
    /// </summary>
    public Marking Mark(Random rng, Classification classification, DemoNation lead, IReadOnlyList<DemoNation> nations, DateTime createdAt, DateTime updatedAt)
    {
        string[] toNations = [];
        string[] toAlliances = [];
        if (classification > Classification.Unclassified)
        {
            var draw = rng.NextDouble();
            var alliances = World.AlliancesOf(lead);
            if (draw < 0.3 && nations.Count > 0)
            {
                toNations = nations.Select(n => n.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            }
            else if (draw < 0.5 && alliances.Count > 0)
            {
                toAlliances = [rng.Pick(alliances).Acronym];
            }
        }

        return new Marking(classification, toNations, toAlliances, createdAt, updatedAt < createdAt ? createdAt : updatedAt);
    }
}
