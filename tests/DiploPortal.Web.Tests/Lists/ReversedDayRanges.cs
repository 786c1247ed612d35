using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DiploPortal.Web.Tests.Accounts;

namespace DiploPortal.Web.Tests.Lists;

/// <summary>
/// A reversed date range (the first day after the last) is ignored the same way by the list page, its
/// export and the API lists, and the page says so beside the range instead of showing an empty list.
/// </summary>
public class ReversedDayRanges(AccountsPortal portal) : IClassFixture<AccountsPortal>, IAsyncLifetime
{
    private const string Reversed = "from=2030-01-01&until=2020-01-01";

    public async Task InitializeAsync() => await portal.Database.ExecuteAsync("""
        INSERT INTO exercises (name, kind, status, host_nation_id, starts_on, ends_on, objectives, classification, is_demo)
        SELECT 'Exercise Reversed Range', 'Field', 'Planning', (SELECT id FROM nations WHERE code = 'FRA'), DATE '2025-04-01', DATE '2025-04-10', 'Drills', 'Restricted', false
        WHERE NOT EXISTS (SELECT 1 FROM exercises WHERE name = 'Exercise Reversed Range');
        INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, is_demo)
        SELECT 'Reversed range talks', 'StaffTalks', 'FaceToFace', DATE '2025-04-02', 'Talks', 'Positive', 'Restricted', false
        WHERE NOT EXISTS (SELECT 1 FROM engagements WHERE title = 'Reversed range talks');
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ListsTheRowsAndSaysBesideTheRangeThatItIsIgnored()
    {
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, "analyst");

        var html = await client.GetStringAsync(new Uri("/exercises?" + Reversed, UriKind.Relative));

        Assert.Contains("Exercise Reversed Range", html, StringComparison.Ordinal);
        Assert.Contains("is after", html, StringComparison.Ordinal);
        Assert.Contains("so the range is ignored", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Some of the address could not be read", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportsTheRowsTheListShows()
    {
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, "analyst");

        using var response = await client.GetAsync(new Uri("/engagements/export.csv?" + Reversed, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Reversed range talks", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersTheApiListAsIfNoRangeWasGiven()
    {
        using var client = await BearerClientAsync("analyst");

        using var all = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/engagements", UriKind.Relative)));
        using var reversed = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/engagements?" + Reversed, UriKind.Relative)));

        Assert.Equal(all.RootElement.GetProperty("matchCount").GetInt32(), reversed.RootElement.GetProperty("matchCount").GetInt32());
        Assert.Contains("Reversed range talks", reversed.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersTheAuditApiAsIfNoRangeWasGiven()
    {
        using var client = await BearerClientAsync("admin");

        using var response = await client.GetAsync(new Uri("/api/admin/audit?from=2030-01-01&to=2020-01-01", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpClient> BearerClientAsync(string userName)
    {
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiTokens.IssueAsync(client, userName));
        return client;
    }
}
