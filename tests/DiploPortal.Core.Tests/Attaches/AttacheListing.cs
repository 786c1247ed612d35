using DiploPortal.Core.Attaches;
using DiploPortal.Core.Common;
using DiploPortal.Core.Security;
using DiploPortal.TestSupport;

namespace DiploPortal.Core.Tests.Attaches;

/// <summary>The attaché and attaché report lists: filters, orders and keyset paging against a real database.</summary>
public class AttacheListing : IAsyncLifetime
{
    private static readonly CurrentUser SecretAmerican = new("analyst", Classification.Secret, "USA", ["NATO", "FVEY"]);
    private static readonly CurrentUser RestrictedFrench = new("analyst-restricted", Classification.Restricted, "FRA", ["NATO"]);

    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateWithReferenceDataAsync();
        // 24 attachés, two posted on each day (so that the date orders have ties), every third Secret and every fourth
        // posting ended after a year; France sent the first twelve and Britain the rest, to Japan (even) or the United States (odd).
        await _database.ExecuteAsync("""
            INSERT INTO attaches (full_name, rank, service, post, sending_nation_id, host_nation_id, posted_from, posted_until, classification, is_demo)
            SELECT (ARRAY['Adams', 'Baker', 'Clark'])[1 + i % 3] || ' ' || lpad(i::text, 2, '0'),
                   (ARRAY['Colonel', 'Commander', 'Lieutenant Colonel'])[1 + i % 3],
                   (ARRAY['Army', 'Navy', 'AirForce'])[1 + i % 3],
                   (ARRAY['Defence', 'Naval', 'Air'])[1 + i % 3],
                   (SELECT id FROM nations WHERE code = CASE WHEN i < 12 THEN 'FRA' ELSE 'GBR' END),
                   (SELECT id FROM nations WHERE code = CASE WHEN i % 2 = 0 THEN 'JPN' ELSE 'USA' END),
                   DATE '2015-01-01' + (i / 2) * 90,
                   CASE WHEN i % 4 = 0 THEN DATE '2015-01-01' + (i / 2) * 90 + 365 END,
                   CASE WHEN i % 3 = 2 THEN 'Secret' ELSE 'Unclassified' END,
                   false
            FROM generate_series(0, 23) AS i;
            -- Two reports each: an unclassified assessment and an insight, Restricted for the unclassified attachés.
            INSERT INTO attache_reports (attache_id, kind, title, body, filed_on, classification, is_demo)
            SELECT a.id, (ARRAY['Assessment', 'Insight'])[1 + k], 'Report on ' || a.full_name || ' ' || k,
                   CASE WHEN k = 0 THEN 'Coastal radar coverage' ELSE 'Port call logistics' END,
                   a.posted_from + 30 * (k + 1),
                   CASE WHEN k = 1 AND a.classification = 'Unclassified' THEN 'Restricted' ELSE 'Unclassified' END,
                   false
            FROM attaches a, generate_series(0, 1) AS k;
            """);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData(AttacheSort.Newest)]
    [InlineData(AttacheSort.Oldest)]
    [InlineData(AttacheSort.NameAscending)]
    [InlineData(AttacheSort.NameDescending)]
    public async Task PagesAttachesForwardAndBackThroughEveryRecordInOrderExactlyOnce(AttacheSort sort)
    {
        var queries = AttachesFor(SecretAmerican);
        var filter = new AttacheFilter { Sort = sort };
        var all = (await queries.ListAsync(filter, null, PageDirection.After, 100)).Items;
        var expected = sort switch
        {
            AttacheSort.Newest => all.OrderByDescending(a => a.PostedFrom).ThenByDescending(a => a.Id),
            AttacheSort.Oldest => all.OrderBy(a => a.PostedFrom).ThenBy(a => a.Id),
            AttacheSort.NameAscending => all.OrderBy(a => a.FullName, StringComparer.Ordinal).ThenBy(a => a.Id),
            _ => all.OrderByDescending(a => a.FullName, StringComparer.Ordinal).ThenByDescending(a => a.Id),
        };
        Assert.Equal(24, all.Count);
        Assert.Equal(expected.Select(a => a.Id), all.Select(a => a.Id));

        await AssertPagesAsync(all.Select(a => a.Id).ToList(), (cursor, direction) => queries.ListAsync(filter, cursor, direction, 7), a => a.Id, [7, 7, 7, 3]);
    }

    [Theory]
    [InlineData(AttacheReportSort.Newest)]
    [InlineData(AttacheReportSort.Oldest)]
    [InlineData(AttacheReportSort.TitleAscending)]
    [InlineData(AttacheReportSort.TitleDescending)]
    public async Task PagesReportsForwardAndBackThroughEveryRecordInOrderExactlyOnce(AttacheReportSort sort)
    {
        var queries = ReportsFor(SecretAmerican);
        var filter = new AttacheReportFilter { Sort = sort };
        var all = (await queries.ListAsync(filter, null, PageDirection.After, 100)).Items;
        var expected = sort switch
        {
            AttacheReportSort.Newest => all.OrderByDescending(r => r.FiledOn).ThenByDescending(r => r.Id),
            AttacheReportSort.Oldest => all.OrderBy(r => r.FiledOn).ThenBy(r => r.Id),
            AttacheReportSort.TitleAscending => all.OrderBy(r => r.Title, StringComparer.Ordinal).ThenBy(r => r.Id),
            _ => all.OrderByDescending(r => r.Title, StringComparer.Ordinal).ThenByDescending(r => r.Id),
        };
        Assert.Equal(48, all.Count);
        Assert.Equal(expected.Select(r => r.Id), all.Select(r => r.Id));

        await AssertPagesAsync(all.Select(r => r.Id).ToList(), (cursor, direction) => queries.ListAsync(filter, cursor, direction, 10), r => r.Id, [10, 10, 10, 10, 8]);
    }

    [Fact]
    public async Task ListsAndCountsOnlyWhatTheUserMaySee()
    {
        var attaches = await AttachesFor(RestrictedFrench).ListAsync(new AttacheFilter(), null, PageDirection.After, 100);
        var reports = await ReportsFor(RestrictedFrench).ListAsync(new AttacheReportFilter(), null, PageDirection.After, 100);

        Assert.Equal(new MatchCount(16, IsCapped: false), await AttachesFor(RestrictedFrench).CountAsync(new AttacheFilter()));
        Assert.All(attaches.Items, a => Assert.Equal(Classification.Unclassified, a.Classification));
        // The unclassified reports of Secret attachés are left out too: a report names its attaché.
        Assert.Equal(32, reports.Items.Count);
        Assert.Equal(new MatchCount(32, IsCapped: false), await ReportsFor(RestrictedFrench).CountAsync(new AttacheReportFilter()));
        Assert.DoesNotContain(reports.Items, r => attaches.Items.All(a => a.Id != r.AttacheId));
    }

    [Fact]
    public async Task FiltersAttachesByNationAndItsRole()
    {
        Assert.Equal(12, (await CountAsync(new AttacheFilter { Nation = "fra" })).Count);
        Assert.Equal(12, (await CountAsync(new AttacheFilter { Nation = "JPN" })).Count);
        Assert.Equal(0, (await CountAsync(new AttacheFilter { Nation = "JPN", Role = AttacheNationRole.Sending })).Count);
        Assert.Equal(12, (await CountAsync(new AttacheFilter { Nation = "JPN", Role = AttacheNationRole.Host })).Count);
        Assert.Equal(4, (await CountAsync(new AttacheFilter { Nation = "FRA", Role = AttacheNationRole.Sending, Service = MilitaryService.Army })).Count);
        Assert.Empty((await ListAsync(new AttacheFilter { Nation = "XXX" })).Items);
    }

    [Fact]
    public async Task FiltersAttachesByPostServiceClassificationAndPostingDates()
    {
        Assert.Equal(8, (await CountAsync(new AttacheFilter { Post = AttachePost.Naval })).Count);
        Assert.Equal(8, (await CountAsync(new AttacheFilter { Service = MilitaryService.AirForce })).Count);
        Assert.Equal(8, (await CountAsync(new AttacheFilter { Classification = Classification.Secret })).Count);
        Assert.Equal(6, (await CountAsync(new AttacheFilter { Status = PostingStatus.Ended })).Count);
        Assert.Equal(18, (await CountAsync(new AttacheFilter { Status = PostingStatus.Serving })).Count);

        var serving = await ListAsync(new AttacheFilter { ServingOn = new DateOnly(2015, 6, 1) });
        Assert.Equal(["Adams 00", "Baker 01", "Clark 02", "Adams 03"], serving.Items.OrderBy(a => a.Id).Select(a => a.FullName));
        var posted = await ListAsync(new AttacheFilter { PostedFrom = new DateOnly(2015, 4, 1), PostedUntil = new DateOnly(2015, 6, 30) });
        Assert.Equal(4, posted.Items.Count);
        Assert.All(posted.Items, a => Assert.InRange(a.PostedFrom, new DateOnly(2015, 4, 1), new DateOnly(2015, 6, 30)));
    }

    [Fact]
    public async Task FindsAttachesByWordsPhrasesAndExclusions()
    {
        Assert.Equal(8, (await CountAsync(new AttacheFilter { Text = "adams" })).Count);
        Assert.Equal(8, (await CountAsync(new AttacheFilter { Text = "\"lieutenant colonel\"" })).Count);
        Assert.Equal(7, (await CountAsync(new AttacheFilter { Text = "adams -03" })).Count);
        Assert.Equal(0, (await CountAsync(new AttacheFilter { Text = "\"colonel lieutenant\"" })).Count);
    }

    [Fact]
    public async Task FiltersReportsByNationAttacheKindDaysClassificationAndWords()
    {
        var reports = ReportsFor(SecretAmerican);
        var adams = (await ListAsync(new AttacheFilter { Text = "\"adams 00\"" })).Items.Single();

        Assert.Equal(24, (await reports.CountAsync(new AttacheReportFilter { Nation = "FRA" })).Count);
        Assert.Equal(24, (await reports.CountAsync(new AttacheReportFilter { Nation = "JPN" })).Count);
        Assert.Equal(0, (await reports.CountAsync(new AttacheReportFilter { Nation = "XXX" })).Count);
        Assert.Equal(["Report on Adams 00 1", "Report on Adams 00 0"], (await reports.ListAsync(new AttacheReportFilter { AttacheId = adams.Id }, null, PageDirection.After, 10)).Items.Select(r => r.Title));
        Assert.Equal(24, (await reports.CountAsync(new AttacheReportFilter { Kind = AttacheReportKind.Insight })).Count);
        Assert.Equal(16, (await reports.CountAsync(new AttacheReportFilter { Classification = Classification.Restricted })).Count);
        Assert.Equal(24, (await reports.CountAsync(new AttacheReportFilter { Text = "radar" })).Count);
        Assert.Equal(24, (await reports.CountAsync(new AttacheReportFilter { Text = "\"port call\" -radar" })).Count);
        var january = await reports.ListAsync(new AttacheReportFilter { From = new DateOnly(2015, 1, 31), Until = new DateOnly(2015, 3, 2) }, null, PageDirection.After, 100);
        Assert.Equal(4, january.Items.Count);
        Assert.All(january.Items, r => Assert.InRange(r.FiledOn, new DateOnly(2015, 1, 31), new DateOnly(2015, 3, 2)));
    }

    [Fact]
    public async Task CapsTheCountAtAThousand()
    {
        await _database.ExecuteAsync("""
            INSERT INTO attaches (full_name, rank, service, post, sending_nation_id, host_nation_id, posted_from, classification, is_demo)
            SELECT 'Bulk ' || i, 'Major', 'Army', 'Assistant', (SELECT id FROM nations WHERE code = 'DEU'), (SELECT id FROM nations WHERE code = 'ITA'),
                   DATE '2020-01-01' + i % 300, 'Unclassified', false
            FROM generate_series(1, 1001) AS i;
            """);

        var count = await AttachesFor(SecretAmerican).CountAsync(new AttacheFilter { Nation = "DEU" });

        Assert.Equal(new MatchCount(1000, IsCapped: true), count);
        Assert.Equal("1,000+", count.Text);
    }

    [Fact]
    public async Task StreamsTheExportInTheListsOrderWithCountsByClassification()
    {
        var queries = AttachesFor(RestrictedFrench);
        var filter = new AttacheFilter { Nation = "FRA", Sort = AttacheSort.NameAscending };

        var rows = await queries.StreamAsync(filter).ToListAsync();

        Assert.Equal((await queries.ListAsync(filter, null, PageDirection.After, 100)).Items.Select(a => a.Id), rows.Select(r => r.Id));
        Assert.All(rows, r => Assert.Equal("FRA", r.SendingNation));
        Assert.Equal(new Dictionary<Classification, int> { [Classification.Unclassified] = 8 }, await queries.CountByClassificationAsync(filter));
    }

    [Fact]
    public void DescribesTheFiltersInWordsForExports()
    {
        Assert.Equal(
            ["nation: FRA", "role: Host", "serving on: 2024-01-02", "text: adams", "sort: Newest"],
            new AttacheFilter { Nation = "FRA", Role = AttacheNationRole.Host, ServingOn = new DateOnly(2024, 1, 2), Text = "adams" }.Describe());
        Assert.Equal(["attache: 12", "kind: Insight", "sort: TitleAscending"], new AttacheReportFilter { AttacheId = 12, Kind = AttacheReportKind.Insight, Sort = AttacheReportSort.TitleAscending }.Describe());
    }

    private static async Task AssertPagesAsync<T>(List<int> all, Func<Cursor?, PageDirection, Task<KeysetPage<T>>> list, Func<T, int> id, int[] sizes)
    {
        var forward = new List<KeysetPage<T>>();
        var page = await list(null, PageDirection.After);
        forward.Add(page);
        while (page.Next is { } next)
        {
            page = await list(next, PageDirection.After);
            forward.Add(page);
        }

        Assert.Equal(all, forward.SelectMany(p => p.Items).Select(id));
        Assert.Equal(sizes, forward.Select(p => p.Items.Count));
        Assert.Null(forward[0].Previous);
        Assert.Null(forward[^1].Next);
        for (var i = forward.Count - 1; i > 0; i--)
        {
            var back = await list(forward[i].Previous, PageDirection.Before);
            Assert.Equal(forward[i - 1].Items.Select(id), back.Items.Select(id));
        }
    }

    private Task<KeysetPage<AttacheListItem>> ListAsync(AttacheFilter filter) => AttachesFor(SecretAmerican).ListAsync(filter, null, PageDirection.After, 100);

    private Task<MatchCount> CountAsync(AttacheFilter filter) => AttachesFor(SecretAmerican).CountAsync(filter);

    private AttacheQueries AttachesFor(CurrentUser user) => new(_database.FactoryFor(user), TimeProvider.System);

    private AttacheReportQueries ReportsFor(CurrentUser user) => new(_database.FactoryFor(user));
}
