using DiploPortal.Core.Common;
using DiploPortal.Core.Exercises;
using DiploPortal.Core.Security;
using DiploPortal.TestSupport;

namespace DiploPortal.Core.Tests.Exercises;

/// <summary>The timeline's query against a real database: the period's overlap, the list's filters, groups, visibility and the cap.</summary>
public class ExerciseTimelineQuerying : IAsyncLifetime
{
    private static readonly CurrentUser SecretAmerican = new("analyst", Classification.Secret, "USA", ["NATO", "FVEY"]);
    private static readonly CurrentUser RestrictedFrench = new("analyst-restricted", Classification.Restricted, "FRA", ["NATO"]);
    private static readonly TimelinePeriod Year2026 = TimelinePeriod.Year(new DateOnly(2026, 1, 1));

    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateWithReferenceDataAsync();
        await _database.ExecuteAsync("""
            CREATE FUNCTION pg_temp.n(text) RETURNS int LANGUAGE sql AS $$ SELECT id FROM nations WHERE code = $1 $$;
            INSERT INTO exercises (name, series_name, kind, status, host_nation_id, lead_nation_id, lead_alliance_id, starts_on, ends_on, classification, is_demo)
            VALUES
                ('Cold Response 2026', 'Cold Response', 'Field', 'Approved', pg_temp.n('NOR'), NULL, (SELECT id FROM alliances WHERE acronym = 'NATO'), DATE '2026-03-02', DATE '2026-03-13', 'Unclassified', false),
                ('Cobra Gold 2026', 'Cobra Gold', 'Field', 'Planning', pg_temp.n('THA'), pg_temp.n('USA'), NULL, DATE '2026-02-24', DATE '2026-03-06', 'Unclassified', false),
                ('Cobra Gold Plus 2026', 'Cobra Gold Plus', 'Naval', 'Proposed', pg_temp.n('THA'), NULL, NULL, DATE '2026-05-04', DATE '2026-05-08', 'Unclassified', false),
                ('Year end drill', NULL, 'CommandPost', 'Planning', pg_temp.n('NOR'), NULL, NULL, DATE '2025-12-28', DATE '2026-01-04', 'Unclassified', false),
                ('Cold Response 2025', 'Cold Response', 'Field', 'Completed', pg_temp.n('NOR'), NULL, NULL, DATE '2025-03-03', DATE '2025-03-14', 'Unclassified', false),
                ('Silent Fjord 2026', NULL, 'Naval', 'Planning', pg_temp.n('NOR'), NULL, NULL, DATE '2026-06-01', DATE '2026-06-10', 'Secret', false);
            INSERT INTO exercise_participants (exercise_id, nation_id, role, personnel, units, ships, aircraft)
            SELECT e.id, e.host_nation_id, 'Host', 500, 1, 0, 0 FROM exercises e;
            INSERT INTO exercise_participants (exercise_id, nation_id, role, personnel, units, ships, aircraft)
            SELECT e.id, pg_temp.n('FRA'), 'Participant', 100, 1, 0, 0 FROM exercises e WHERE e.name IN ('Cold Response 2026', 'Cobra Gold 2026');
            INSERT INTO exercise_milestones (exercise_id, kind, planned_on)
            SELECT e.id, m.kind, m.day FROM exercises e
            CROSS JOIN (VALUES ('MainPlanningConference', DATE '2025-11-10'), ('FinalPlanningConference', DATE '2026-01-20')) AS m(kind, day)
            WHERE e.name = 'Cobra Gold 2026';
            """);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ReturnsEveryExerciseWithADayInThePeriodInStartOrder()
    {
        var timeline = await TimelineAsync(SecretAmerican, new ExerciseFilter(), TimelineGrouping.Host);

        Assert.Equal(["Year end drill", "Cobra Gold 2026", "Cold Response 2026", "Cobra Gold Plus 2026", "Silent Fjord 2026"],
            timeline.Groups.SelectMany(g => g.Rows).OrderBy(r => r.StartsOn).Select(r => r.Name));
        Assert.Equal(5, timeline.Total);
        Assert.False(timeline.IsCapped);
    }

    [Fact]
    public async Task GroupsByHostLeadAllianceOrSeries()
    {
        var byHost = await TimelineAsync(SecretAmerican, new ExerciseFilter(), TimelineGrouping.Host);
        var byLead = await TimelineAsync(SecretAmerican, new ExerciseFilter(), TimelineGrouping.Lead);
        var bySeries = await TimelineAsync(SecretAmerican, new ExerciseFilter(), TimelineGrouping.Series);

        Assert.Equal(["Norway: Year end drill, Cold Response 2026, Silent Fjord 2026", "Thailand: Cobra Gold 2026, Cobra Gold Plus 2026"], Describe(byHost));
        Assert.Equal(["NATO: Cold Response 2026", "United States: Cobra Gold 2026", "No lead named: Year end drill, Cobra Gold Plus 2026, Silent Fjord 2026"], Describe(byLead));
        Assert.Equal("Not part of a series", bySeries.Groups[^1].Label);
        Assert.Equal(["Cobra Gold", "Cobra Gold Plus", "Cold Response", "Not part of a series"], bySeries.Groups.Select(g => g.Label));
    }

    [Fact]
    public async Task FiltersByNationSeriesKindStatusAndWords()
    {
        Assert.Equal(["Cobra Gold 2026", "Cold Response 2026"], await NamesAsync(new ExerciseFilter { Nation = "FRA" }));
        Assert.Equal(["Cobra Gold 2026"], await NamesAsync(new ExerciseFilter { Nations = NationSet.Of(["FRA", "THA"]) }));
        // A series is matched whole and in any case: Cobra Gold is not Cobra Gold Plus.
        Assert.Equal(["Cobra Gold 2026"], await NamesAsync(new ExerciseFilter { Series = "cobra gold" }));
        Assert.Equal(["Cobra Gold Plus 2026", "Silent Fjord 2026"], await NamesAsync(new ExerciseFilter { Kind = ExerciseKind.Naval }));
        Assert.Equal(["Cobra Gold Plus 2026"], await NamesAsync(new ExerciseFilter { Status = ExerciseStatus.Proposed }));
        Assert.Equal(["Cold Response 2026"], await NamesAsync(new ExerciseFilter { Text = "response", Alliance = "NATO" }));
        Assert.Empty(await NamesAsync(new ExerciseFilter { Nation = "XXX" }));
    }

    [Fact]
    public async Task CarriesEachRowsMilestonesInDateOrder()
    {
        var timeline = await TimelineAsync(SecretAmerican, new ExerciseFilter { Series = "Cobra Gold" }, TimelineGrouping.Host);

        var row = Assert.Single(timeline.Groups.SelectMany(g => g.Rows));
        Assert.Equal([new TimelineMilestone(MilestoneKind.MainPlanningConference, new DateOnly(2025, 11, 10)), new TimelineMilestone(MilestoneKind.FinalPlanningConference, new DateOnly(2026, 1, 20))], row.Milestones);
        Assert.Equal(("THA", "Thailand", "United States", ExerciseStatus.Planning), (row.HostNationCode, row.HostNation, row.LeadNation, row.Status));
    }

    [Fact]
    public async Task LeavesOutWhatTheUserMayNotSee()
    {
        var timeline = await TimelineAsync(RestrictedFrench, new ExerciseFilter(), TimelineGrouping.Host);

        Assert.DoesNotContain("Silent Fjord 2026", timeline.Groups.SelectMany(g => g.Rows).Select(r => r.Name));
        Assert.Equal(4, timeline.Total);
    }

    [Fact]
    public async Task CutsABroadViewAtTheCapAndSaysHowManyMatchInAll()
    {
        var timeline = await new ExerciseTimelineQueries(_database.FactoryFor(SecretAmerican), new ExerciseQueries(_database.FactoryFor(SecretAmerican)))
            .TimelineAsync(new ExerciseFilter(), Year2026, TimelineGrouping.Host, cap: 3);

        Assert.Equal(3, timeline.Shown);
        Assert.Equal(5, timeline.Total);
        Assert.True(timeline.IsCapped);
        Assert.Equal(["Year end drill", "Cobra Gold 2026", "Cold Response 2026"], timeline.Groups.SelectMany(g => g.Rows).OrderBy(r => r.StartsOn).Select(r => r.Name));
    }

    private static IEnumerable<string> Describe(ExerciseTimeline timeline) =>
        timeline.Groups.Select(g => $"{g.Label}: {string.Join(", ", g.Rows.Select(r => r.Name))}");

    private async Task<IEnumerable<string>> NamesAsync(ExerciseFilter filter) =>
        (await TimelineAsync(SecretAmerican, filter, TimelineGrouping.Host)).Groups.SelectMany(g => g.Rows).Select(r => r.Name).Order(StringComparer.Ordinal);

    private Task<ExerciseTimeline> TimelineAsync(CurrentUser user, ExerciseFilter filter, TimelineGrouping grouping) =>
        new ExerciseTimelineQueries(_database.FactoryFor(user), new ExerciseQueries(_database.FactoryFor(user))).TimelineAsync(filter, Year2026, grouping);
}
