using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DiploPortal.Web.Tests.Accounts;

namespace DiploPortal.Web.Tests.Search;

/// <summary>The search page and GET /api/search, for signed-in accounts of each clearance and for nobody.</summary>
public class SearchPageAndApi(AccountsPortal portal) : IClassFixture<AccountsPortal>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.Database.ExecuteAsync("""
        INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, releasable_to_nations, is_demo)
        SELECT t.title, 'StaffTalks', 'FaceToFace', t.day, t.summary, 'Pending', t.classification, t.releasable, false
        FROM (VALUES
          ('Osprey harbour talks', DATE '2025-03-01', 'Fish & chips < 5 for the osprey delegation', 'Unclassified', '{}'::text[]),
          ('Osprey covert talks', DATE '2025-03-02', 'Secret plans', 'Secret', '{}'::text[]),
          ('Osprey American briefing', DATE '2025-03-03', 'For Americans', 'Restricted', '{USA}'::text[])) AS t(title, day, summary, classification, releasable)
        WHERE NOT EXISTS (SELECT 1 FROM engagements e WHERE e.title = t.title)
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ShowsASecretClearedAmericanEveryMatchWithTheWordsMarked()
    {
        var page = await SearchPageAsAsync("analyst", "osprey");

        Assert.Contains("<mark class=\"search-match\">Osprey</mark> covert talks", page, StringComparison.Ordinal);
        Assert.Contains("<mark class=\"search-match\">Osprey</mark> American briefing", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/engagements/", page, StringComparison.Ordinal);
        Assert.Contains("3 matches", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowsARestrictedFrenchAnalystNeitherSecretNorAmericanOnlyRecordsNorTheirCount()
    {
        var page = await SearchPageAsAsync("analyst-restricted", "osprey");

        Assert.Contains("harbour talks", page, StringComparison.Ordinal);
        Assert.DoesNotContain("covert", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("American briefing", page, StringComparison.Ordinal);
        Assert.Contains("1 match", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RendersTheRecordsTextAsTextNeverAsMarkup()
    {
        var page = await SearchPageAsAsync("analyst", "osprey harbour");

        Assert.Contains("Fish &amp; chips &lt; 5", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaysWhenOnlyCommonWordsWereTyped()
    {
        var page = await SearchPageAsAsync("analyst", "the of and");

        Assert.Contains("search ignores", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutsTheSearchBoxWithItsShortcutOnEveryPage()
    {
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, "staff");

        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("id=\"portal-search\"", home, StringComparison.Ordinal);
        Assert.Contains("aria-keyshortcuts=\"/ Control", home, StringComparison.Ordinal);
        Assert.Contains("role=\"search\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendsAnAnonymousVisitorToSignInWithoutResults()
    {
        using var client = portal.CreateBrowserClient();

        using var response = await client.GetAsync(new Uri("/search?q=osprey", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Osprey", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersATokenWithPlainTextMatchRangesCountsAndLinks()
    {
        var body = await SearchApiAsAsync("analyst", "/api/search?q=osprey&kind=engagement");

        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(3, results.Count);
        var covert = results.Single(r => r.GetProperty("title").GetString() == "Osprey covert talks");
        Assert.Equal("Engagement", covert.GetProperty("kind").GetString());
        Assert.Equal("Secret", covert.GetProperty("classification").GetString());
        Assert.Equal("2025-03-02", covert.GetProperty("date").GetString());
        Assert.Equal($"/engagements/{covert.GetProperty("key").GetString()}", covert.GetProperty("url").GetString());
        var match = Assert.Single(covert.GetProperty("titleMatches").EnumerateArray());
        Assert.Equal((0, 6), (match.GetProperty("start").GetInt32(), match.GetProperty("length").GetInt32()));
        var engagements = body.GetProperty("counts").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "Engagement");
        Assert.Equal(3, engagements.GetProperty("count").GetInt32());
        Assert.False(engagements.GetProperty("isCapped").GetBoolean());
    }

    [Fact]
    public async Task LeaksNothingAboveTheTokensClearanceOrOutsideItsReleasability()
    {
        var body = await SearchApiAsAsync("analyst-restricted", "/api/search?q=osprey");

        var text = body.GetRawText();
        Assert.DoesNotContain("covert", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("American", text, StringComparison.Ordinal);
        var engagements = body.GetProperty("counts").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "Engagement");
        Assert.Equal(1, engagements.GetProperty("count").GetInt32());
        Assert.Equal(["Osprey harbour talks"], body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("title").GetString()));
    }

    [Theory]
    [InlineData("/api/search")]
    [InlineData("/api/search?q=%20%20")]
    [InlineData("/api/search?q=osprey&kind=weapons")]
    [InlineData("/api/search?q=osprey&kind=1")]
    [InlineData("/api/search?q=osprey&take=0")]
    public async Task AnswersAMissingQueryOrABadParameterWithProblemDetails(string path)
    {
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiTokens.IssueAsync(client, "analyst"));

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task RefusesAnAnonymousCaller()
    {
        using var client = portal.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/search?q=osprey", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<string> SearchPageAsAsync(string userName, string query)
    {
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, userName);
        return await client.GetStringAsync(new Uri("/search?q=" + Uri.EscapeDataString(query), UriKind.Relative));
    }

    private async Task<JsonElement> SearchApiAsAsync(string userName, string path)
    {
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiTokens.IssueAsync(client, userName));
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
