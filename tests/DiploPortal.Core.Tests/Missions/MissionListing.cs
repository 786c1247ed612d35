using DiploPortal.Core.Common;
using DiploPortal.Core.Missions;
using DiploPortal.Core.Security;
using DiploPortal.Core.Tests.Common;
using DiploPortal.TestSupport;

namespace DiploPortal.Core.Tests.Missions;

/// <summary>The mission list's filters, orders, keyset paging and capped count against a real database.</summary>
public class MissionListing : IAsyncLifetime
{
    private static readonly CurrentUser SecretAmerican = new("analyst", Classification.Secret, "USA", ["NATO", "FVEY"]);
    private static readonly CurrentUser RestrictedFrench = new("analyst-restricted", Classification.Restricted, "FRA", ["NATO"]);

    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateWithReferenceDataAsync();
        // 24 missions, two starting on the same day each month from 2019; the last four have no last day (active).
        // Every third is Secret; Türkiye is affected by the first eight, Haiti by the rest; names repeat for ties.
        await _database.ExecuteAsync("""
            INSERT INTO missions (name, kind, crisis, affected_nation_id, starts_on, ends_on, people_assisted, summary, classification, is_demo)
            SELECT (ARRAY['Operation Lifeline', 'Operation Safe Harbour', 'Operation Clear Water'])[1 + i % 3] || ' ' || (i / 6),
                   (ARRAY['DisasterRelief', 'MedicalAid'])[1 + i % 2],
                   (ARRAY['Earthquake', 'Flood', 'Epidemic', 'Cyclone'])[1 + i % 4],
                   (SELECT id FROM nations WHERE code = CASE WHEN i < 8 THEN 'TUR' ELSE 'HTI' END),
                   DATE '2019-01-01' + (i / 2) * 30,
                   CASE WHEN i < 20 THEN DATE '2019-01-01' + (i / 2) * 30 + 20 END,
                   1000 * i,
                   CASE WHEN i = 5 THEN 'Field hospitals and water purification after the floods' ELSE 'Relief flights and shelter' END,
                   CASE WHEN i % 3 = 2 THEN 'Secret' ELSE 'Unclassified' END,
                   false
            FROM generate_series(0, 23) AS i;
            -- Japan contributed to the first twelve, Türkiye to the last four.
            INSERT INTO mission_contributions (mission_id, nation_id, personnel, aircraft, ships, medical_teams, supplies_tonnes)
            SELECT m.id, (SELECT id FROM nations WHERE code = 'JPN'), 60, 2, 0, 1, 12.5 FROM missions m WHERE m.starts_on < DATE '2019-06-01';
            INSERT INTO mission_contributions (mission_id, nation_id, personnel, aircraft, ships, medical_teams, supplies_tonnes)
            SELECT m.id, (SELECT id FROM nations WHERE code = 'TUR'), 200, 0, 1, 4, 80 FROM missions m WHERE m.ends_on IS NULL;
            """);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData(MissionSort.LatestStart)]
    [InlineData(MissionSort.EarliestStart)]
    [InlineData(MissionSort.NameAscending)]
    [InlineData(MissionSort.NameDescending)]
    public async Task PagesForwardAndBackThroughEveryRecordInOrderExactlyOnce(MissionSort sort)
    {
        var queries = QueriesFor(SecretAmerican);
        var filter = new MissionFilter { Sort = sort };
        var all = (await queries.ListAsync(filter, null, PageDirection.After, 100)).Items;
        Assert.Equal(24, all.Count);
        var expected = Expected(all, sort).Select(m => m.Id).ToList();
        Assert.Equal(expected, all.Select(m => m.Id));

        await KeysetWalk.AssertEveryRecordOnceAsync((cursor, direction, size) => queries.ListAsync(filter, cursor, direction, size), expected, m => m.Id, 5);
    }

    [Fact]
    public async Task CountsAndListsOnlyWhatTheUserMaySee()
    {
        var page = await QueriesFor(RestrictedFrench).ListAsync(new MissionFilter(), null, PageDirection.After, 100);

        Assert.Equal(new MatchCount(16, IsCapped: false), await QueriesFor(RestrictedFrench).CountAsync(new MissionFilter()));
        Assert.All(page.Items, m => Assert.Equal(Classification.Unclassified, m.Classification));
    }

    [Fact]
    public async Task FiltersByTheAffectedOrContributingNation()
    {
        Assert.Equal(12, (await CountAsync(new MissionFilter { Nation = "tur" })).Count);
        Assert.Equal(8, (await CountAsync(new MissionFilter { Nation = "TUR", Role = MissionRole.Affected })).Count);
        Assert.Equal(4, (await CountAsync(new MissionFilter { Nation = "TUR", Role = MissionRole.Contributing })).Count);
        Assert.Equal(12, (await CountAsync(new MissionFilter { Nation = "JPN", Role = MissionRole.Contributing })).Count);
        Assert.Equal(0, (await CountAsync(new MissionFilter { Nation = "JPN", Role = MissionRole.Affected })).Count);
        Assert.Empty((await ListAsync(new MissionFilter { Nation = "XXX" })).Items);
    }

    [Fact]
    public async Task FiltersByKindCrisisStateClassificationAndDaysOverlappingTheRange()
    {
        Assert.Equal(12, (await CountAsync(new MissionFilter { Kind = MissionKind.MedicalAid })).Count);
        Assert.Equal(6, (await CountAsync(new MissionFilter { Crisis = CrisisKind.Flood })).Count);
        Assert.Equal(8, (await CountAsync(new MissionFilter { Classification = Classification.Secret })).Count);
        Assert.Equal(4, (await CountAsync(new MissionFilter { State = MissionState.Active })).Count);
        Assert.Equal(20, (await CountAsync(new MissionFilter { State = MissionState.Ended })).Count);

        // Missions run 21 days: the first two (1-21 January) and the next two (from 31 January) overlap 10 January to 1 February;
        // the active ones overlap any range after their start.
        Assert.Equal(4, (await CountAsync(new MissionFilter { From = new DateOnly(2019, 1, 10), Until = new DateOnly(2019, 2, 1) })).Count);
        Assert.Equal(4, (await CountAsync(new MissionFilter { From = new DateOnly(2030, 1, 1) })).Count);
    }

    [Fact]
    public async Task FindsWordsPhrasesAndExclusionsInTheStoredText()
    {
        Assert.Equal(["Operation Clear Water 0"], (await ListAsync(new MissionFilter { Text = "\"water purification\"" })).Items.Select(m => m.Name));
        Assert.Equal(8, (await CountAsync(new MissionFilter { Text = "lifeline" })).Count);
        Assert.Equal(7, (await CountAsync(new MissionFilter { Text = "water -hospitals" })).Count);
    }

    [Fact]
    public async Task CapsTheCountAtAThousand()
    {
        await _database.ExecuteAsync("""
            INSERT INTO missions (name, kind, crisis, affected_nation_id, starts_on, people_assisted, summary, classification, is_demo)
            SELECT 'Bulk relief ' || i, 'DisasterRelief', 'Flood', (SELECT id FROM nations WHERE code = 'BGD'), DATE '2000-01-01' + i, 0, '', 'Unclassified', true
            FROM generate_series(1, 1000) AS i;
            """);

        Assert.Equal(new MatchCount(1000, IsCapped: true), await CountAsync(new MissionFilter()));
        Assert.Equal(new MatchCount(1000, IsCapped: false), await CountAsync(new MissionFilter { Nation = "BGD" }));
    }

    [Fact]
    public async Task StreamsTheExportWithContributorsAndTheirTotals()
    {
        var rows = await QueriesFor(SecretAmerican).StreamAsync(new MissionFilter { State = MissionState.Active, Sort = MissionSort.EarliestStart }).ToListAsync();

        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal(["TUR"], r.Contributors));
        Assert.All(rows, r => Assert.Equal(80m, r.SuppliesTonnes));
        Assert.All(rows, r => Assert.Null(r.EndsOn));
    }

    private static IEnumerable<MissionListItem> Expected(IEnumerable<MissionListItem> items, MissionSort sort) => sort switch
    {
        MissionSort.LatestStart => items.OrderByDescending(m => m.StartsOn).ThenByDescending(m => m.Id),
        MissionSort.EarliestStart => items.OrderBy(m => m.StartsOn).ThenBy(m => m.Id),
        MissionSort.NameAscending => items.OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Id),
        _ => items.OrderByDescending(m => m.Name, StringComparer.Ordinal).ThenByDescending(m => m.Id),
    };

    private Task<KeysetPage<MissionListItem>> ListAsync(MissionFilter filter) =>
        QueriesFor(SecretAmerican).ListAsync(filter, null, PageDirection.After, 100);

    private Task<MatchCount> CountAsync(MissionFilter filter) => QueriesFor(SecretAmerican).CountAsync(filter);

    private MissionQueries QueriesFor(CurrentUser user) => new(_database.FactoryFor(user), TimeProvider.System);
}
