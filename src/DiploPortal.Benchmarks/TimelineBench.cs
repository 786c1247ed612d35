using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace DiploPortal.Benchmarks;

/// <summary>
/// The timeline's target year (docs/PERFORMANCE.md: a year holding 5,000 exercises): the demo data holds far fewer
/// in any year, so the benchmark adds 5,000 to <see cref="Year"/> once, hosted by nations in turn, each with its host
/// taking part and four milestones, one in ten Secret (hidden from the bench analyst, as the visibility rule would).
/// </summary>
internal static class TimelineBench
{
    public const int Year = 2040;

    public const int Exercises = 5_000;

    private const string Insert = """
        INSERT INTO exercises (name, series_name, kind, status, host_nation_id, starts_on, ends_on, classification, is_demo)
        SELECT 'Bench timeline ' || i, 'Bench series ' || (i % 40),
               (ARRAY['Field', 'Naval', 'Air', 'CommandPost'])[1 + i % 4], (ARRAY['Proposed', 'Planning', 'Approved'])[1 + i % 3],
               hosts.ids[1 + i % array_length(hosts.ids, 1)],
               DATE '2040-01-01' + (i % 350), DATE '2040-01-01' + (i % 350) + 3 + i % 12,
               CASE WHEN i % 10 = 0 THEN 'Secret' ELSE 'Unclassified' END, true
        FROM generate_series(1, 5000) AS i,
             (SELECT array_agg(id ORDER BY id) AS ids FROM nations WHERE code IN
                 ('FRA', 'DEU', 'GBR', 'USA', 'NOR', 'ESP', 'ITA', 'POL', 'JPN', 'AUS', 'THA', 'CAN', 'NLD', 'SWE', 'FIN', 'KOR', 'IND', 'BRA', 'ZAF', 'EGY')) AS hosts
        WHERE NOT EXISTS (SELECT 1 FROM exercises WHERE name = 'Bench timeline 1');
        INSERT INTO exercise_participants (exercise_id, nation_id, role, personnel, units, ships, aircraft)
        SELECT e.id, e.host_nation_id, 'Host', 500, 2, 0, 0 FROM exercises e
        WHERE e.name LIKE 'Bench timeline %' AND NOT EXISTS (SELECT 1 FROM exercise_participants p WHERE p.exercise_id = e.id);
        INSERT INTO exercise_milestones (exercise_id, kind, planned_on)
        SELECT e.id, m.kind, e.starts_on - m.lead FROM exercises e
        CROSS JOIN (VALUES ('InitialPlanningConference', 180), ('MainPlanningConference', 90), ('FinalPlanningConference', 30), ('AfterActionReview', -30)) AS m(kind, lead)
        WHERE e.name LIKE 'Bench timeline %' AND NOT EXISTS (SELECT 1 FROM exercise_milestones x WHERE x.exercise_id = e.id);
        ANALYZE exercises;
        ANALYZE exercise_milestones;
        """;

    /// <summary>Adds the year's exercises unless they are there already.</summary>
    public static async Task EnsureAsync(PooledDbContextFactory<PortalDbContext> pool)
    {
        await using var db = pool.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync(Insert);
        var inYear = await db.Exercises.IgnoreQueryFilters().CountAsync(e => e.StartsOn.Year == Year);
        Console.WriteLine($"exercises: {inYear:N0} starting in {Year} (the timeline's year)");
    }
}
