using DiploPortal.Core.Data;
using DiploPortal.Core.Exercises;
using DiploPortal.Core.Exercises.Deconfliction;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace DiploPortal.Benchmarks;

/// <summary>
/// The deconfliction target (docs/PERFORMANCE.md: one exercise checked against 50,000 others): the demo data at a
/// million engagements holds about 25,000 exercises (DemoDataGenerator.ExercisesFor), so the benchmark tops the
/// table up to <see cref="Exercises"/> once with generated exercises spread over twenty years, each with its host
/// and two more nations with forces, one in five on a training area, four milestones, one in ten Secret.
/// </summary>
internal static class DeconflictionBench
{
    public const int Exercises = 50_000;

    /// <summary>The index the check's main query must use to find the exercises on the same days.</summary>
    public const string DaysIndex = "ix_exercises_days";

    // Idempotent: inserts only the shortfall (none once the table holds 50,000), numbering on from the earlier top-ups.
    private const string TopUp = """
        WITH hosts AS (
            SELECT array_agg(id ORDER BY id) AS ids FROM nations WHERE code IN
                ('FRA', 'DEU', 'GBR', 'USA', 'NOR', 'ESP', 'ITA', 'POL', 'JPN', 'AUS', 'THA', 'CAN', 'NLD', 'SWE', 'FIN', 'KOR', 'IND', 'BRA', 'ZAF', 'EGY')),
        areas AS (SELECT array_agg(id ORDER BY id) AS ids FROM training_areas),
        need AS (SELECT GREATEST(0, 50000 - count(*))::int AS n FROM exercises),
        done AS (SELECT count(*)::int AS n FROM exercises WHERE name LIKE 'Bench deconfliction %'),
        made AS (
            INSERT INTO exercises (name, series_name, kind, status, host_nation_id, training_area_id, starts_on, ends_on, classification, is_demo)
            SELECT 'Bench deconfliction ' || (done.n + i), 'Bench deconfliction series ' || (i % 60),
                   (ARRAY['Field', 'Naval', 'Air', 'CommandPost'])[1 + i % 4], (ARRAY['Proposed', 'Planning', 'Approved'])[1 + i % 3],
                   hosts.ids[1 + i % array_length(hosts.ids, 1)],
                   CASE WHEN i % 5 = 0 THEN areas.ids[1 + i % array_length(areas.ids, 1)] END,
                   DATE '2016-01-01' + (i * 37) % 7300, DATE '2016-01-01' + (i * 37) % 7300 + 3 + i % 12,
                   CASE WHEN i % 10 = 0 THEN 'Secret' ELSE 'Unclassified' END, true
            FROM need, done, hosts, areas, generate_series(1, need.n) AS i
            RETURNING id, host_nation_id, starts_on),
        participants AS (
            INSERT INTO exercise_participants (exercise_id, nation_id, role, personnel, units, ships, aircraft)
            SELECT m.id, x.nation_id, x.role, x.personnel, 2, x.ships, x.aircraft
            FROM made m, hosts,
                 LATERAL (VALUES (m.host_nation_id, 'Host', 1500, 2, 12),
                                 (hosts.ids[1 + (m.id + 7) % array_length(hosts.ids, 1)], 'Participant', 800, 1, 6),
                                 (hosts.ids[1 + (m.id + 13) % array_length(hosts.ids, 1)], 'Participant', 400, 0, 4))
                     AS x(nation_id, role, personnel, ships, aircraft)
            ON CONFLICT DO NOTHING)
        INSERT INTO exercise_milestones (exercise_id, kind, planned_on)
        SELECT m.id, k.kind, m.starts_on - k.lead FROM made m
        CROSS JOIN (VALUES ('InitialPlanningConference', 180), ('MainPlanningConference', 90), ('FinalPlanningConference', 30), ('AfterActionReview', -30)) AS k(kind, lead);
        ANALYZE exercises;
        ANALYZE exercise_participants;
        ANALYZE exercise_milestones;
        """;

    /// <summary>Tops the exercises up to <see cref="Exercises"/> unless they are there already.</summary>
    public static async Task EnsureAsync(PooledDbContextFactory<PortalDbContext> pool)
    {
        await using var db = pool.CreateDbContext();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Database.ExecuteSqlRawAsync(TopUp);
        var total = await db.Exercises.IgnoreQueryFilters().CountAsync();
        Console.WriteLine($"exercises: {total:N0} in the database (the deconfliction check's haystack)");
    }

    /// <summary>
    /// The first day of the week in which the most (not cancelled) exercises start, the timeline's generated year left
    /// out so that the period does not depend on which measurements ran before.
    /// </summary>
    public static async Task<DateOnly> BusiestWeekAsync(PooledDbContextFactory<PortalDbContext> pool)
    {
        await using var db = pool.CreateDbContext();
        return await db.Database.SqlQuery<DateOnly>($"""
            SELECT date_trunc('week', starts_on)::date AS "Value" FROM exercises
            WHERE status <> 'Cancelled' AND name NOT LIKE 'Bench timeline %'
            GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1
            """).SingleAsync();
    }

    /// <summary>
    /// A new exercise in that week as a planner would propose it: five nations with forces, the first training area,
    /// the usual milestones.
    /// </summary>
    public static async Task<ExerciseSchedule> CandidateAsync(PooledDbContextFactory<PortalDbContext> pool, DateOnly week)
    {
        await using var db = pool.CreateDbContext();
        var area = await db.TrainingAreas.OrderBy(a => a.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync();
        var starts = week.AddDays(2);
        var ends = starts.AddDays(10);
        return new ExerciseSchedule(
            null,
            starts,
            ends,
            area,
            [
                new ScheduledForces("FRA", 2500, 4, 30),
                new ScheduledForces("DEU", 1200, 2, 12),
                new ScheduledForces("GBR", 900, 3, 8),
                new ScheduledForces("USA", 3000, 5, 40),
                new ScheduledForces("NOR", 400, 1, 4),
            ],
            [
                new ScheduledMilestone(MilestoneKind.InitialPlanningConference, starts.AddDays(-180)),
                new ScheduledMilestone(MilestoneKind.MainPlanningConference, starts.AddDays(-90)),
                new ScheduledMilestone(MilestoneKind.FinalPlanningConference, starts.AddDays(-30)),
                new ScheduledMilestone(MilestoneKind.AfterActionReview, ends.AddDays(30)),
            ],
            "Bench candidate");
    }

    /// <summary>The stored exercise starting in that week that the user sees with the most participants.</summary>
    public static async Task<int?> StoredInWeekAsync(IDbContextFactory<PortalDbContext> userFactory, DateOnly week)
    {
        await using var db = await userFactory.CreateDbContextAsync();
        var end = week.AddDays(7);
        return await db.Exercises.AsNoTracking()
            .Where(e => e.StartsOn >= week && e.StartsOn < end && e.Status != ExerciseStatus.Cancelled)
            .OrderByDescending(e => e.Participants.Count).ThenBy(e => e.Id)
            .Select(e => (int?)e.Id)
            .FirstOrDefaultAsync();
    }
}
