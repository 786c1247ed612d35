using DiploPortal.Core.Common;
using DiploPortal.Core.Exercises;
using DiploPortal.Core.Security;
using DiploPortal.Core.Tests.Common;
using DiploPortal.TestSupport;

namespace DiploPortal.Core.Tests.Exercises;

/// <summary>The exercise list's filters, orders, keyset paging and capped count against a real database.</summary>
public class ExerciseListing : IAsyncLifetime
{
    private static readonly CurrentUser SecretAmerican = new("analyst", Classification.Secret, "USA", ["NATO", "FVEY"]);
    private static readonly CurrentUser RestrictedFrench = new("analyst-restricted", Classification.Restricted, "FRA", ["NATO"]);

    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateWithReferenceDataAsync();
        // 30 exercises of ten days, two starting on the same day each month from January 2020, names repeating so that
        // both orders have ties; every third is Secret. Norway hosts the first ten, Japan the rest; exercise 12 is led by NATO.
        await _database.ExecuteAsync("""
            INSERT INTO exercises (name, kind, status, host_nation_id, location, starts_on, ends_on, objectives, classification, lead_alliance_id, is_demo)
            SELECT (ARRAY['Baltic Shield', 'Cold Response', 'Pacific Dawn'])[1 + i % 3] || ' ' || (i / 6),
                   (ARRAY['Naval', 'Air', 'Field'])[1 + i % 3],
                   (ARRAY['Planning', 'Completed'])[1 + i % 2],
                   (SELECT id FROM nations WHERE code = CASE WHEN i < 10 THEN 'NOR' ELSE 'JPN' END),
                   CASE WHEN i = 9 THEN 'Bardufoss' END,
                   DATE '2020-01-01' + (i / 2) * 30,
                   DATE '2020-01-01' + (i / 2) * 30 + 9,
                   CASE WHEN i = 7 THEN 'Practise search and rescue in cold water' ELSE 'Interoperability of staffs' END,
                   CASE WHEN i % 3 = 2 THEN 'Secret' ELSE 'Unclassified' END,
                   CASE WHEN i = 12 THEN (SELECT id FROM alliances WHERE acronym = 'NATO') END,
                   false
            FROM generate_series(0, 29) AS i;
            INSERT INTO exercise_participants (exercise_id, nation_id, role, personnel, units, ships, aircraft)
            SELECT e.id, e.host_nation_id, 'Host', 500, 2, 1, 0 FROM exercises e;
            -- France takes part in those starting before June 2020 (the first twelve).
            INSERT INTO exercise_participants (exercise_id, nation_id, role, personnel, units, ships, aircraft)
            SELECT e.id, (SELECT id FROM nations WHERE code = 'FRA'), 'Participant', 120, 1, 0, 2 FROM exercises e WHERE e.starts_on < DATE '2020-06-01';
            """);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData(ExerciseSort.LatestStart)]
    [InlineData(ExerciseSort.EarliestStart)]
    [InlineData(ExerciseSort.NameAscending)]
    [InlineData(ExerciseSort.NameDescending)]
    public async Task PagesForwardAndBackThroughEveryRecordInOrderExactlyOnce(ExerciseSort sort)
    {
        var queries = QueriesFor(SecretAmerican);
        var filter = new ExerciseFilter { Sort = sort };
        var all = (await queries.ListAsync(filter, null, PageDirection.After, 100)).Items;
        Assert.Equal(30, all.Count);
        var expected = Expected(all, sort).Select(e => e.Id).ToList();
        Assert.Equal(expected, all.Select(e => e.Id));

        await KeysetWalk.AssertEveryRecordOnceAsync((cursor, direction, size) => queries.ListAsync(filter, cursor, direction, size), expected, e => e.Id, 7);
    }

    [Fact]
    public async Task CountsAndListsOnlyWhatTheUserMaySee()
    {
        var page = await QueriesFor(RestrictedFrench).ListAsync(new ExerciseFilter(), null, PageDirection.After, 100);

        Assert.Equal(new MatchCount(20, IsCapped: false), await QueriesFor(RestrictedFrench).CountAsync(new ExerciseFilter()));
        Assert.Equal(20, page.Items.Count);
        Assert.All(page.Items, e => Assert.Equal(Classification.Unclassified, e.Classification));
        Assert.Equal(new Dictionary<Classification, int> { [Classification.Unclassified] = 20 }, await QueriesFor(RestrictedFrench).CountByClassificationAsync(new ExerciseFilter()));
    }

    [Fact]
    public async Task FiltersByHostOrParticipatingNation()
    {
        Assert.Equal(10, (await CountAsync(new ExerciseFilter { Nation = "nor" })).Count);
        Assert.Equal(12, (await CountAsync(new ExerciseFilter { Nation = "FRA" })).Count);
        Assert.Equal(20, (await CountAsync(new ExerciseFilter { Nation = "JPN" })).Count);
        Assert.Empty((await ListAsync(new ExerciseFilter { Nation = "XXX" })).Items);
    }

    [Fact]
    public async Task FiltersByLeadAllianceOrAMemberTakingPart()
    {
        // Norway and France are in NATO throughout: the first twelve; the thirteenth, Japan's, is led by NATO.
        Assert.Equal(13, (await CountAsync(new ExerciseFilter { Alliance = "NATO" })).Count);
        Assert.Equal(0, (await CountAsync(new ExerciseFilter { Alliance = "CSTO" })).Count);
        Assert.Empty((await ListAsync(new ExerciseFilter { Alliance = "NOPE" })).Items);
    }

    [Fact]
    public async Task FiltersByKindStatusClassificationAndDaysOverlappingTheRange()
    {
        Assert.Equal(10, (await CountAsync(new ExerciseFilter { Kind = ExerciseKind.Naval })).Count);
        Assert.Equal(15, (await CountAsync(new ExerciseFilter { Status = ExerciseStatus.Completed })).Count);
        Assert.Equal(10, (await CountAsync(new ExerciseFilter { Classification = Classification.Secret })).Count);

        // The first two ran 1-10 January, the next two from 31 January: all four have days in the range.
        var range = await ListAsync(new ExerciseFilter { From = new DateOnly(2020, 1, 5), Until = new DateOnly(2020, 2, 1), Sort = ExerciseSort.EarliestStart });
        Assert.Equal(4, range.Items.Count);
        Assert.All(range.Items, e => Assert.True(e.StartsOn <= new DateOnly(2020, 2, 1) && e.EndsOn >= new DateOnly(2020, 1, 5)));
    }

    [Fact]
    public async Task FindsWordsPhrasesAndExclusionsInTheStoredText()
    {
        Assert.Equal(["Cold Response 1"], (await ListAsync(new ExerciseFilter { Text = "\"search and rescue\"" })).Items.Select(e => e.Name));
        Assert.Equal(["Baltic Shield 1"], (await ListAsync(new ExerciseFilter { Text = "Bardufoss" })).Items.Select(e => e.Name));
        Assert.Equal(10, (await CountAsync(new ExerciseFilter { Text = "baltic" })).Count);
        Assert.Equal(9, (await CountAsync(new ExerciseFilter { Text = "baltic -bardufoss" })).Count);
    }

    [Fact]
    public async Task CapsTheCountAtAThousand()
    {
        await _database.ExecuteAsync("""
            INSERT INTO exercises (name, kind, status, host_nation_id, starts_on, ends_on, classification, is_demo)
            SELECT 'Bulk drill ' || i, 'Field', 'Completed', (SELECT id FROM nations WHERE code = 'NOR'), DATE '2010-01-01' + i, DATE '2010-01-02' + i, 'Unclassified', true
            FROM generate_series(1, 1000) AS i;
            """);

        var count = await CountAsync(new ExerciseFilter());

        Assert.Equal(new MatchCount(1000, IsCapped: true), count);
        Assert.Equal("1,000+", count.Text);
        Assert.Equal(new MatchCount(1000, IsCapped: false), await CountAsync(new ExerciseFilter { Text = "bulk" }));
    }

    [Fact]
    public async Task StreamsTheExportInTheListsOrderWithParticipantsAndTheirRoles()
    {
        var rows = await QueriesFor(SecretAmerican).StreamAsync(new ExerciseFilter { Nation = "FRA", Sort = ExerciseSort.EarliestStart }).ToListAsync();

        Assert.Equal(12, rows.Count);
        Assert.Equal(["NOR:Host", "FRA:Participant"], rows[0].Participants);
        Assert.Equal(620, rows[0].Personnel);
        Assert.True(rows.Zip(rows.Skip(1)).All(p => p.First.StartsOn <= p.Second.StartsOn));
    }

    [Fact]
    public void DescribesTheFilterInWordsForExports()
    {
        var filter = new ExerciseFilter { Nation = "FRA", Status = ExerciseStatus.Planning, From = new DateOnly(2024, 1, 2), Text = "shield" };

        Assert.Equal(["nation: FRA", "status: Planning", "from: 2024-01-02", "text: shield", "sort: LatestStart"], filter.Describe());
    }

    private static IEnumerable<ExerciseListItem> Expected(IEnumerable<ExerciseListItem> items, ExerciseSort sort) => sort switch
    {
        ExerciseSort.LatestStart => items.OrderByDescending(e => e.StartsOn).ThenByDescending(e => e.Id),
        ExerciseSort.EarliestStart => items.OrderBy(e => e.StartsOn).ThenBy(e => e.Id),
        ExerciseSort.NameAscending => items.OrderBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Id),
        _ => items.OrderByDescending(e => e.Name, StringComparer.Ordinal).ThenByDescending(e => e.Id),
    };

    private Task<KeysetPage<ExerciseListItem>> ListAsync(ExerciseFilter filter) =>
        QueriesFor(SecretAmerican).ListAsync(filter, null, PageDirection.After, 100);

    private Task<MatchCount> CountAsync(ExerciseFilter filter) => QueriesFor(SecretAmerican).CountAsync(filter);

    private ExerciseQueries QueriesFor(CurrentUser user) => new(_database.FactoryFor(user));
}
