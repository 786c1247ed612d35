using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DiploPortal.Web.Tests.Accounts;

namespace DiploPortal.Web.Tests.Engagements;

/// <summary>
/// "Engagements between France and Germany": the nation parameter repeated means every nation took part,
/// on the list page, in its exports and in the API, with the old single form still read and the count bounded.
/// </summary>
public class EngagementsOfSeveralNations(AccountsPortal portal) : IClassFixture<AccountsPortal>, IAsyncLifetime
{
    private static readonly string[] ElevenNations = ["FRA", "DEU", "ITA", "ESP", "POL", "NLD", "BEL", "PRT", "GRC", "DNK", "NOR"];

    public async Task InitializeAsync() => await portal.Database.ExecuteAsync("""
        INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, releasable_to_nations, releasable_to_alliances, is_demo)
        SELECT t.title, 'StaffTalks', 'FaceToFace', t.day, 'Talks', 'Positive', t.marking, '{}', '{}', false
        FROM (VALUES
            ('Paris and Berlin staff talks', DATE '2025-05-01', 'Unclassified'),
            ('Paris and Berlin secret talks', DATE '2025-05-02', 'Secret'),
            ('Paris alone', DATE '2025-04-01', 'Unclassified'),
            ('Berlin alone', DATE '2025-03-01', 'Unclassified'),
            ('Paris, Berlin and Rome', DATE '2025-02-01', 'Unclassified')
        ) AS t(title, day, marking)
        WHERE NOT EXISTS (SELECT 1 FROM engagements);
        INSERT INTO engagement_participants (engagement_id, nation_id, is_lead)
        SELECT e.id, n.id, n.code = 'FRA'
        FROM engagements e JOIN nations n ON (n.code = 'FRA' AND e.title LIKE '%Paris%')
            OR (n.code = 'DEU' AND e.title LIKE '%Berlin%') OR (n.code = 'ITA' AND e.title LIKE '%Rome%')
        ON CONFLICT DO NOTHING;
        -- Germany hosted the three-nation talks rather than attending: hosting counts as taking part.
        DELETE FROM engagement_participants WHERE nation_id = (SELECT id FROM nations WHERE code = 'DEU')
            AND engagement_id = (SELECT id FROM engagements WHERE title = 'Paris, Berlin and Rome');
        UPDATE engagements SET host_nation_id = (SELECT id FROM nations WHERE code = 'DEU') WHERE title = 'Paris, Berlin and Rome';
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ListsOnlyTheEngagementsEveryNamedNationTookPartIn()
    {
        var html = await PageAsync("analyst", "/engagements?nation=FRA&nation=DEU");

        Assert.Contains("Paris and Berlin staff talks", html, StringComparison.Ordinal);
        Assert.Contains("Paris and Berlin secret talks", html, StringComparison.Ordinal);
        Assert.Contains("Paris, Berlin and Rome", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Paris alone", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Berlin alone", html, StringComparison.Ordinal);
        Assert.Contains("3 engagements", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StillReadsTheSingleNationOfOldBookmarks()
    {
        var html = await PageAsync("analyst", "/engagements?nation=FRA");

        Assert.Contains("Paris alone", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Berlin alone", html, StringComparison.Ordinal);
        Assert.Contains("4 engagements", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportsTheEngagementsOfEveryNamedNationAndSaysWhichNations()
    {
        using var client = await SignedInAsync("analyst-restricted");

        var text = await client.GetStringAsync(new Uri("/engagements/export.csv?nation=FRA&nation=DEU&nation=ITA", UriKind.Relative));

        Assert.Contains("# Filters: nation: FRA, DEU, ITA", text, StringComparison.Ordinal);
        Assert.Contains("Paris, Berlin and Rome", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Paris and Berlin", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServesSeveralNationsInTheApiUnderTheCallersClearance()
    {
        using var analyst = await BearerClientAsync("analyst");
        using var restricted = await BearerClientAsync("analyst-restricted");

        using var both = JsonDocument.Parse(await analyst.GetStringAsync(new Uri("/api/engagements?nation=FRA&nation=DE&sort=Oldest", UriKind.Relative)));
        using var hidden = JsonDocument.Parse(await restricted.GetStringAsync(new Uri("/api/engagements?nation=FRA&nation=DEU", UriKind.Relative)));

        Assert.Equal(["Paris, Berlin and Rome", "Paris and Berlin staff talks", "Paris and Berlin secret talks"], Titles(both));
        Assert.Equal(2, hidden.RootElement.GetProperty("matchCount").GetInt32());
        Assert.DoesNotContain("secret talks", hidden.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesMoreThanTenNationsOrAnUnknownOneWithAClearMessage()
    {
        using var analyst = await BearerClientAsync("analyst");
        var eleven = string.Join('&', ElevenNations.Select(c => $"nation={c}"));

        using var tooMany = await analyst.GetAsync(new Uri($"/api/engagements?{eleven}", UriKind.Relative));
        using var unknown = await analyst.GetAsync(new Uri("/api/engagements?nation=FRA&nation=XXX", UriKind.Relative));
        var page = await PageAsync("analyst", $"/engagements?{eleven}");

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("Choose at most 10 nations; 11 were asked for.", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("is not a nation code", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Choose at most 10 nations; 11 were asked for.", page, StringComparison.Ordinal);
    }

    private static string[] Titles(JsonDocument page) =>
        page.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToArray();

    private async Task<string> PageAsync(string userName, string path)
    {
        using var client = await SignedInAsync(userName);
        return await client.GetStringAsync(new Uri(path, UriKind.Relative));
    }

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, userName);
        return client;
    }

    private async Task<HttpClient> BearerClientAsync(string userName)
    {
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiTokens.IssueAsync(client, userName));
        return client;
    }
}
