using DiploPortal.Core.Common;
using DiploPortal.Core.Search;
using DiploPortal.Core.Security;
using DiploPortal.TestSupport;

namespace DiploPortal.Core.Tests.Search;

/// <summary>Later pages of a search: the next hits in the same order, each once, and whether more follow.</summary>
public class SearchPaging : IAsyncLifetime
{
    private static readonly CurrentUser SecretAmerican = new("analyst", Classification.Secret, "USA", ["NATO", "FVEY"]);
    private static readonly CurrentUser RestrictedFrench = new("analyst-restricted", Classification.Restricted, "FRA", ["NATO"]);

    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateWithReferenceDataAsync();
        // 60 engagements and 10 exercises about cormorants; every fifth engagement is Secret.
        await _database.ExecuteAsync("""
            INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, is_demo)
            SELECT 'Cormorant talks ' || lpad(i::text, 2, '0'), 'StaffTalks', 'FaceToFace', DATE '2024-01-01' + i, 'The cormorant colony',
                   'Neutral', CASE WHEN i % 5 = 0 THEN 'Secret' ELSE 'Unclassified' END, false
            FROM generate_series(1, 60) AS i;
            INSERT INTO exercises (name, kind, status, host_nation_id, starts_on, ends_on, classification, is_demo)
            SELECT 'Cormorant drill ' || i, 'Field', 'Approved', (SELECT id FROM nations WHERE code = 'NOR'), DATE '2024-01-01' + i * 3, DATE '2024-01-02' + i * 3, 'Unclassified', false
            FROM generate_series(1, 10) AS i;
            """);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task PagesThroughEveryHitOnceInTheOrderOfOneLongPage()
    {
        var queries = new SearchQueries(_database.FactoryFor(SecretAmerican));
        var all = await queries.SearchAsync("cormorant", null, 0, 100);

        var pages = new List<SearchResults>();
        for (var skip = 0; skip < 100; skip += 25)
        {
            pages.Add(await queries.SearchAsync("cormorant", null, skip, 25));
        }

        Assert.Equal(70, all.Hits.Count);
        Assert.False(all.HasMore);
        Assert.Equal(all.Hits.Select(Id), pages.SelectMany(p => p.Hits).Select(Id));
        Assert.Equal([25, 25, 20, 0], pages.Select(p => p.Hits.Count));
        Assert.Equal([true, true, false, false], pages.Select(p => p.HasMore));
        Assert.Equal([0, 25, 50, 75], pages.Select(p => p.Skip));
        Assert.All(pages, p => Assert.Equal(60, p.CountOf(SearchKind.Engagement).Count));
    }

    [Fact]
    public async Task LaterPagesHoldOnlyWhatTheUserMaySeeAndOneKindWhenAsked()
    {
        var queries = new SearchQueries(_database.FactoryFor(RestrictedFrench));

        var second = await queries.SearchAsync("cormorant", SearchKind.Engagement, 25, 25);

        Assert.Equal(23, second.Hits.Count);
        Assert.False(second.HasMore);
        Assert.All(second.Hits, h => Assert.Equal(SearchKind.Engagement, h.Kind));
        Assert.All(second.Hits, h => Assert.Equal(Classification.Unclassified, h.Classification));
    }

    [Fact]
    public async Task RefusesToSkipPastTheRankedHits() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            new SearchQueries(_database.FactoryFor(SecretAmerican)).SearchAsync("cormorant", null, SearchQueries.MaxSkip + 1, 25));

    private static string Id(SearchHit hit) => $"{hit.Kind}:{hit.Key}";
}
