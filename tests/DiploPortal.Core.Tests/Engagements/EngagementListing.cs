using DiploPortal.Core.Common;
using DiploPortal.Core.Engagements;
using DiploPortal.Core.Security;
using DiploPortal.TestSupport;

namespace DiploPortal.Core.Tests.Engagements;

/// <summary>The engagement list's filters, orders and keyset paging against a real database.</summary>
public class EngagementListing : IAsyncLifetime
{
    private static readonly CurrentUser SecretAmerican = new("analyst", Classification.Secret, "USA", ["NATO", "FVEY"]);
    private static readonly CurrentUser RestrictedFrench = new("analyst-restricted", Classification.Restricted, "FRA", ["NATO"]);

    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateWithReferenceDataAsync();
        // 30 engagements, two a month from January 2020; every third is Secret, titles cycle so that sorting by title has ties.
        await _database.ExecuteAsync("""
            INSERT INTO engagements (title, kind, channel, occurred_on, summary, location, outcome, classification, is_demo)
            SELECT (ARRAY['Harbour talks', 'Border dialogue', 'Cyber staff talks'])[1 + i % 3] || ' ' || lpad(i::text, 2, '0'),
                   (ARRAY['StaffTalks', 'BilateralDialogue', 'PortVisit'])[1 + i % 3],
                   (ARRAY['FaceToFace', 'Teleconference'])[1 + i % 2],
                   DATE '2020-01-01' + (i / 2) * 30 + (i % 2),
                   CASE WHEN i = 7 THEN 'Talks on maritime domain awareness and search and rescue' ELSE 'Routine meeting about logistics' END,
                   CASE WHEN i = 9 THEN 'Brest' END,
                   (ARRAY['Positive', 'Neutral', 'Pending'])[1 + i % 3],
                   CASE WHEN i % 3 = 2 THEN 'Secret' ELSE 'Unclassified' END,
                   false
            FROM generate_series(0, 29) AS i;
            -- Every engagement: the United States and one other, France until May 2020, Japan after.
            INSERT INTO engagement_participants (engagement_id, nation_id, is_lead)
            SELECT e.id, (SELECT id FROM nations WHERE code = 'USA'), true FROM engagements e;
            INSERT INTO engagement_participants (engagement_id, nation_id, is_lead)
            SELECT e.id, (SELECT id FROM nations WHERE code = CASE WHEN e.occurred_on < DATE '2020-06-01' THEN 'FRA' ELSE 'JPN' END), false FROM engagements e;
            """);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData(EngagementSort.Newest)]
    [InlineData(EngagementSort.Oldest)]
    [InlineData(EngagementSort.TitleAscending)]
    [InlineData(EngagementSort.TitleDescending)]
    public async Task PagesForwardAndBackThroughEveryRecordInOrderExactlyOnce(EngagementSort sort)
    {
        var queries = QueriesFor(SecretAmerican);
        var filter = new EngagementFilter { Sort = sort };
        var all = (await queries.ListAsync(filter, null, PageDirection.After, 100)).Items;
        Assert.Equal(30, all.Count);
        Assert.Equal(Expected(all, sort).Select(e => e.Id), all.Select(e => e.Id));

        var forward = new List<KeysetPage<EngagementListItem>>();
        var page = await queries.ListAsync(filter, null, PageDirection.After, 7);
        forward.Add(page);
        while (page.Next is { } next)
        {
            page = await queries.ListAsync(filter, next, PageDirection.After, 7);
            forward.Add(page);
        }

        Assert.Equal(all.Select(e => e.Id), forward.SelectMany(p => p.Items).Select(e => e.Id));
        Assert.Equal([7, 7, 7, 7, 2], forward.Select(p => p.Items.Count));
        Assert.Null(forward[0].Previous);
        Assert.Null(forward[^1].Next);

        // Back from the last page, one page at a time, lands on the same pages.
        for (var i = forward.Count - 1; i > 0; i--)
        {
            var back = await queries.ListAsync(filter, forward[i].Previous, PageDirection.Before, 7);
            Assert.Equal(forward[i - 1].Items.Select(e => e.Id), back.Items.Select(e => e.Id));
        }
    }

    [Fact]
    public async Task CountsAndListsOnlyWhatTheUserMaySee()
    {
        var page = await QueriesFor(RestrictedFrench).ListAsync(new EngagementFilter(), null, PageDirection.After, 100);
        var count = await QueriesFor(RestrictedFrench).CountAsync(new EngagementFilter());

        Assert.Equal(new MatchCount(20, IsCapped: false), count);
        Assert.All(page.Items, e => Assert.Equal(Classification.Unclassified, e.Classification));
    }

    [Fact]
    public async Task FiltersByParticipatingOrHostNation()
    {
        var page = await ListAsync(new EngagementFilter { Nation = "fra" });

        Assert.Equal(12, (await CountAsync(new EngagementFilter { Nation = "fra" })).Count);
        Assert.All(page.Items, e => Assert.Contains("France", e.ParticipantNations));
    }

    [Fact]
    public async Task FiltersBySeveralNationsEveryOneOfWhichTookPart()
    {
        Assert.Equal(12, (await CountAsync(new EngagementFilter { Nations = NationSet.Of("USA", "fra") })).Count);
        Assert.Equal(0, (await CountAsync(new EngagementFilter { Nations = NationSet.Of("FRA", "JPN") })).Count);
        Assert.Empty((await ListAsync(new EngagementFilter { Nations = NationSet.Of("USA", "XXX") })).Items);
        var page = await ListAsync(new EngagementFilter { Nations = NationSet.Of("JPN", "USA"), Sort = EngagementSort.Oldest });
        Assert.Equal(18, page.Items.Count);
        Assert.All(page.Items, e => Assert.Equal(["United States", "Japan"], e.ParticipantNations));
        await Assert.ThrowsAsync<ArgumentException>(() => CountAsync(new EngagementFilter { Nations = NationSet.Of(Enumerable.Range(0, 11).Select(i => $"N{i:00}")) }));
    }

    [Theory]
    [InlineData(EngagementSort.Newest)]
    [InlineData(EngagementSort.Oldest)]
    [InlineData(EngagementSort.TitleAscending)]
    [InlineData(EngagementSort.TitleDescending)]
    public async Task PagesThroughANationsEngagementsHostedOrAttendedOnceEachAndOnlyThoseTheUserMaySee(EngagementSort sort)
    {
        // Germany hosts four engagements and takes part in one of them; the United States takes part in all and hosts two.
        await _database.ExecuteAsync("""
            UPDATE engagements SET host_nation_id = (SELECT id FROM nations WHERE code = 'DEU')
            WHERE title IN ('Harbour talks 00', 'Border dialogue 01', 'Cyber staff talks 02', 'Harbour talks 03');
            INSERT INTO engagement_participants (engagement_id, nation_id, is_lead)
            SELECT id, (SELECT id FROM nations WHERE code = 'DEU'), false FROM engagements WHERE title = 'Harbour talks 03';
            UPDATE engagements SET host_nation_id = (SELECT id FROM nations WHERE code = 'USA') WHERE title IN ('Harbour talks 06', 'Border dialogue 07');
            """);

        Assert.Equal(
            ["Border dialogue 01", "Cyber staff talks 02", "Harbour talks 00", "Harbour talks 03"],
            (await ListAsync(new EngagementFilter { Nation = "DEU", Sort = sort })).Items.Select(e => e.Title).Order(StringComparer.Ordinal));
        // "Cyber staff talks 02" is Secret.
        var restricted = QueriesFor(RestrictedFrench);
        Assert.Equal(3, (await restricted.CountAsync(new EngagementFilter { Nation = "DEU", Sort = sort })).Count);
        Assert.Equal(3, (await restricted.ListAsync(new EngagementFilter { Nation = "DEU", Sort = sort }, null, PageDirection.After, 100)).Items.Count);

        var queries = QueriesFor(SecretAmerican);
        var filter = new EngagementFilter { Nation = "USA", Sort = sort };
        Assert.Equal(30, (await queries.CountAsync(filter)).Count);
        var all = (await queries.ListAsync(filter, null, PageDirection.After, 100)).Items;
        Assert.Equal(Expected(all, sort).Select(e => e.Id), all.Select(e => e.Id));
        Assert.Equal(30, all.Select(e => e.Id).Distinct().Count());

        var pages = new List<KeysetPage<EngagementListItem>> { await queries.ListAsync(filter, null, PageDirection.After, 4) };
        while (pages[^1].Next is { } next)
        {
            pages.Add(await queries.ListAsync(filter, next, PageDirection.After, 4));
        }

        Assert.Equal(all.Select(e => e.Id), pages.SelectMany(p => p.Items).Select(e => e.Id));
        var back = await queries.ListAsync(filter, pages[^1].Previous, PageDirection.Before, 4);
        Assert.Equal(pages[^2].Items.Select(e => e.Id), back.Items.Select(e => e.Id));
    }

    [Fact]
    public async Task FiltersByAllianceMembershipOnTheDayOfTheEngagement()
    {
        // Japan is in no alliance of the reference data; the United States is in NATO throughout.
        Assert.Equal(30, (await CountAsync(new EngagementFilter { Alliance = "NATO" })).Count);
        Assert.Equal(0, (await CountAsync(new EngagementFilter { Alliance = "CSTO" })).Count);
    }

    [Fact]
    public async Task FiltersByKindChannelOutcomeClassificationAndDates()
    {
        Assert.Equal(10, (await CountAsync(new EngagementFilter { Kind = EngagementKind.PortVisit })).Count);
        Assert.Equal(15, (await CountAsync(new EngagementFilter { Channel = CommunicationChannel.Teleconference })).Count);
        Assert.Equal(10, (await CountAsync(new EngagementFilter { Outcome = EngagementOutcome.Pending })).Count);
        Assert.Equal(10, (await CountAsync(new EngagementFilter { Classification = Classification.Secret })).Count);

        var spring = await ListAsync(new EngagementFilter { From = new DateOnly(2020, 1, 31), Until = new DateOnly(2020, 3, 1) });
        Assert.All(spring.Items, e => Assert.InRange(e.OccurredOn, new DateOnly(2020, 1, 31), new DateOnly(2020, 3, 1)));
        Assert.Equal(3, spring.Items.Count);
    }

    [Fact]
    public async Task FindsWordsPhrasesAndExclusionsInTheText()
    {
        Assert.Equal(["Border dialogue 07"], (await ListAsync(new EngagementFilter { Text = "\"search and rescue\"" })).Items.Select(e => e.Title));
        Assert.Equal(["Harbour talks 09"], (await ListAsync(new EngagementFilter { Text = "Brest" })).Items.Select(e => e.Title));
        Assert.Equal(10, (await CountAsync(new EngagementFilter { Text = "harbour" })).Count);
        Assert.Equal(9, (await CountAsync(new EngagementFilter { Text = "harbour -brest" })).Count);
        Assert.Equal(0, (await CountAsync(new EngagementFilter { Text = "\"rescue and search\"" })).Count);
    }

    [Fact]
    public async Task FindsNothingForANationOrAllianceThatDoesNotExist()
    {
        Assert.Empty((await ListAsync(new EngagementFilter { Nation = "XXX" })).Items);
        Assert.Empty((await ListAsync(new EngagementFilter { Alliance = "NOPE" })).Items);
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("")]
    [InlineData("%%%.12")]
    public async Task StartsAtTheTopForACursorItCannotRead(string text)
    {
        var queries = QueriesFor(SecretAmerican);
        var first = await queries.ListAsync(new EngagementFilter(), null, PageDirection.After, 5);

        var page = await queries.ListAsync(new EngagementFilter(), Cursor.Parse(text), PageDirection.After, 5);

        Assert.Equal(first.Items.Select(e => e.Id), page.Items.Select(e => e.Id));
    }

    [Fact]
    public void DescribesTheFilterInWordsForExports()
    {
        var filter = new EngagementFilter { Nation = "FRA", Kind = EngagementKind.PortVisit, From = new DateOnly(2024, 1, 2), Text = "harbour" };

        Assert.Equal(["nation: FRA", "kind: PortVisit", "from: 2024-01-02", "text: harbour", "sort: Newest"], filter.Describe());
    }

    private static IEnumerable<EngagementListItem> Expected(IEnumerable<EngagementListItem> items, EngagementSort sort) => sort switch
    {
        EngagementSort.Newest => items.OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.Id),
        EngagementSort.Oldest => items.OrderBy(e => e.OccurredOn).ThenBy(e => e.Id),
        EngagementSort.TitleAscending => items.OrderBy(e => e.Title, StringComparer.Ordinal).ThenBy(e => e.Id),
        _ => items.OrderByDescending(e => e.Title, StringComparer.Ordinal).ThenByDescending(e => e.Id),
    };

    private Task<KeysetPage<EngagementListItem>> ListAsync(EngagementFilter filter) =>
        QueriesFor(SecretAmerican).ListAsync(filter, null, PageDirection.After, 100);

    private Task<MatchCount> CountAsync(EngagementFilter filter) => QueriesFor(SecretAmerican).CountAsync(filter);

    private EngagementQueries QueriesFor(CurrentUser user) => new(_database.FactoryFor(user));
}
