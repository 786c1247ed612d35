using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DiploPortal.Web.Tests.Accounts;

namespace DiploPortal.Web.Tests.Search;

/// <summary>Paged search on the page (?page=2) and in GET /api/search (page, hasMore), with the page number bounded.</summary>
public class SearchPages(AccountsPortal portal) : IClassFixture<AccountsPortal>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.Database.ExecuteAsync("""
        INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, is_demo)
        SELECT 'Shearwater talks ' || lpad(i::text, 2, '0'), 'StaffTalks', 'FaceToFace', DATE '2025-01-01' + i, 'Shearwater', 'Pending', 'Unclassified', false
        FROM generate_series(1, 40) AS i
        WHERE NOT EXISTS (SELECT 1 FROM engagements WHERE title LIKE 'Shearwater talks %')
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ShowsTheSecondPageWithLinksToTheFirstAndNoNext()
    {
        var first = await PageAsync("/search?q=shearwater");
        var second = await PageAsync("/search?q=shearwater&page=2");

        Assert.Contains("40 matches; 1 to 25 shown.", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?q=shearwater&amp;page=2\"", first, StringComparison.Ordinal);
        Assert.Contains("Shearwater</mark> talks 40", first, StringComparison.Ordinal);
        Assert.Contains("40 matches; 26 to 40 shown.", second, StringComparison.Ordinal);
        Assert.Contains("Shearwater</mark> talks 15", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Shearwater</mark> talks 40", second, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?q=shearwater\"", second, StringComparison.Ordinal);
        Assert.DoesNotContain("page=3", second, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("page=x")]
    [InlineData("page=0")]
    [InlineData("page=-3")]
    public async Task ReadsAPageNumberThatIsNoneAsTheFirstPage(string page) =>
        Assert.Contains("1 to 25 shown.", await PageAsync($"/search?q=shearwater&{page}"), StringComparison.Ordinal);

    [Fact]
    public async Task SaysAPagePastTheLastResultIsEmptyAndLinksTheFirst()
    {
        var html = await PageAsync("/search?q=shearwater&page=999999");

        Assert.Contains("Page 40 is past the last result.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?q=shearwater\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagesTheApiAndRefusesAPagePastTheRankedHits()
    {
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiTokens.IssueAsync(client, "analyst"));

        using var second = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/search?q=shearwater&take=15&page=2", UriKind.Relative)));
        using var third = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/search?q=shearwater&take=15&page=3", UriKind.Relative)));
        using var tooFar = await client.GetAsync(new Uri("/api/search?q=shearwater&take=10&page=102", UriKind.Relative));

        Assert.Equal(15, second.RootElement.GetProperty("results").GetArrayLength());
        Assert.Equal(2, second.RootElement.GetProperty("page").GetInt32());
        Assert.True(second.RootElement.GetProperty("hasMore").GetBoolean());
        Assert.Equal("Shearwater talks 25", second.RootElement.GetProperty("results")[0].GetProperty("title").GetString());
        Assert.Equal(10, third.RootElement.GetProperty("results").GetArrayLength());
        Assert.False(third.RootElement.GetProperty("hasMore").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, tooFar.StatusCode);
        Assert.Contains("page must be from 1 to 101 with take 10", await tooFar.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<string> PageAsync(string path)
    {
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, "analyst");
        return await client.GetStringAsync(new Uri(path, UriKind.Relative));
    }
}
