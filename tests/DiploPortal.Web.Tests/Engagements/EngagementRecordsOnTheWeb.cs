using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DiploPortal.Core.Common;
using DiploPortal.Web.Tests.Accounts;
using DiploPortal.Web.Tests.Lists;

namespace DiploPortal.Web.Tests.Engagements;

/// <summary>
/// The engagement pages, exports and API for signed-in users, and what each user may not see:
/// a Secret record and one releasable only to the Five Eyes are absent for a Restricted French analyst
/// from the list, its count, the detail address (404, like a record that does not exist), exports and the API.
/// </summary>
public class EngagementRecordsOnTheWeb(AccountsPortal portal) : IClassFixture<AccountsPortal>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.Database.ExecuteAsync("""
        INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, releasable_to_nations, releasable_to_alliances, is_demo)
        SELECT t.title, t.kind, 'FaceToFace', t.day, t.summary, 'Positive', t.marking, '{}', t.alliances, false
        FROM (VALUES
            ('Operation Nightjar talks', 'StaffTalks', DATE '2025-05-01', 'Secret planning', 'Secret', '{}'::text[]),
            ('Harbour visit at Toulon', 'PortVisit', DATE '2025-04-01', 'A frigate called at Toulon', 'Restricted', '{}'::text[]),
            ('Five Eyes only briefing', 'StaffTalks', DATE '2025-03-01', 'Signals cooperation', 'Restricted', '{FVEY}'::text[]),
            ('=HYPERLINK("http://evil.example")', 'Conference', DATE '2025-02-01', '-cmd', 'Unclassified', '{}'::text[])
        ) AS t(title, kind, day, summary, marking, alliances)
        WHERE NOT EXISTS (SELECT 1 FROM engagements);
        INSERT INTO engagement_participants (engagement_id, nation_id, is_lead)
        SELECT e.id, (SELECT id FROM nations WHERE code = 'FRA'), true FROM engagements e
        ON CONFLICT DO NOTHING;
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ListsWithTheFiltersOfTheAddress()
    {
        var html = await PageAsync("analyst", "/engagements?kind=PortVisit");

        Assert.Contains("Harbour visit at Toulon", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Operation Nightjar talks", html, StringComparison.Ordinal);
        Assert.Contains("1 engagement match", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeavesHiddenRecordsOutOfTheListAndItsCount()
    {
        var html = await PageAsync("analyst-restricted", "/engagements");

        Assert.Contains("Harbour visit at Toulon", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Operation Nightjar", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Five Eyes only", html, StringComparison.Ordinal);
        Assert.Contains("2 engagements", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersAHiddenRecordsAddressLikeOneThatDoesNotExist()
    {
        var secret = await IdOfAsync("Operation Nightjar talks");
        using var client = await SignedInAsync("analyst-restricted");

        using var hidden = await client.GetAsync(new Uri($"/engagements/{secret}", UriKind.Relative));
        using var missing = await client.GetAsync(new Uri("/engagements/999999", UriKind.Relative));
        using var api = await client.GetAsync(new Uri($"/api/engagements/{secret}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        var hiddenBody = await hidden.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Nightjar", hiddenBody, StringComparison.Ordinal);
        Assert.Equal(PageHeading(await missing.Content.ReadAsStringAsync()), PageHeading(hiddenBody));
    }

    [Fact]
    public async Task ShowsAVisibleRecordWithItsParticipants()
    {
        var html = await PageAsync("analyst", $"/engagements/{await IdOfAsync("Operation Nightjar talks")}");

        Assert.Contains("Operation Nightjar talks", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/nations/FRA\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("staff", true)]
    [InlineData("analyst", false)]
    [InlineData("planner", false)]
    public async Task OpensTheEditorsToStaffOnly(string userName, bool allowed)
    {
        using var client = await SignedInAsync(userName);

        using var edit = await client.GetAsync(new Uri($"/engagements/{await IdOfAsync("Harbour visit at Toulon")}/edit", UriKind.Relative));
        using var create = await client.GetAsync(new Uri("/engagements/new", UriKind.Relative));

        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, create.StatusCode);
        // A refusal says so and shows nothing of the record.
        Assert.Equal(allowed, (await edit.Content.ReadAsStringAsync()).Contains("Harbour visit at Toulon", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportsTheFilteredListAsCsvThatReadsBackToTheSameRecords()
    {
        using var client = await SignedInAsync("analyst-restricted");

        using var response = await client.GetAsync(new Uri("/engagements/export.csv?sort=Oldest", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync();
        var records = CsvReader.Read(new StringReader(text)).ToList();
        var preamble = records.TakeWhile(r => r[0].StartsWith('#')).Select(r => r[0]).ToList();
        Assert.Contains("# Exported by analyst-restricted", preamble[1], StringComparison.Ordinal);
        Assert.Equal("# Filters: sort: Oldest", preamble[2]);
        Assert.Equal("# Rows: 2", preamble[3]);
        Assert.Equal("# Highest classification in this file: RESTRICTED", preamble[4]);

        var rows = records.Skip(preamble.Count + 1).ToList();
        Assert.Equal(["'=HYPERLINK(\"http://evil.example\")", "Harbour visit at Toulon"], rows.Select(r => r[1]));
        Assert.Equal("'-cmd", rows[0][10]);
        Assert.Equal(["Conference", "FaceToFace", "2025-02-01", "FRA", "Positive", "Unclassified"], new[] { rows[0][2], rows[0][3], rows[0][4], rows[0][7], rows[0][8], rows[0][11] });
        Assert.DoesNotContain("Nightjar", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Five Eyes", text, StringComparison.Ordinal);
        Assert.True(await portal.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'Exported' AND actor = 'analyst-restricted'") >= 1);
    }

    [Fact]
    public async Task ExportsASpreadsheetWithTheSameCellsAsTheCsvButNoFormulaGuard()
    {
        using var client = await SignedInAsync("analyst");
        var csv = ExportedFile.FromCsv(await client.GetStringAsync(new Uri("/engagements/export.csv", UriKind.Relative)));

        using var response = await client.GetAsync(new Uri("/engagements/export.xlsx", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var spreadsheet = ExportedFile.FromSpreadsheet(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(csv.Preamble, spreadsheet.Preamble);
        Assert.Equal(csv.Header, spreadsheet.Header);
        Assert.Equal(csv.Rows.Select(r => r.Select(ExportFile.Unprotect)), spreadsheet.Rows);
        Assert.Contains(spreadsheet.Rows, r => r[1] == "=HYPERLINK(\"http://evil.example\")");
    }

    [Fact]
    public async Task ServesTheApiWithTheSameFiltersPagingAndClearance()
    {
        using var restricted = await BearerClientAsync("analyst-restricted");
        using var analyst = await BearerClientAsync("analyst");

        using var all = JsonDocument.Parse(await restricted.GetStringAsync(new Uri("/api/engagements", UriKind.Relative)));
        using var first = JsonDocument.Parse(await analyst.GetStringAsync(new Uri("/api/engagements?pageSize=2&sort=Oldest", UriKind.Relative)));
        var next = first.RootElement.GetProperty("next").GetString();
        using var second = JsonDocument.Parse(await analyst.GetStringAsync(new Uri($"/api/engagements?pageSize=2&sort=Oldest&after={next}", UriKind.Relative)));
        using var badDate = await analyst.GetAsync(new Uri("/api/engagements?from=03/04/2025", UriKind.Relative));

        Assert.Equal(2, all.RootElement.GetProperty("matchCount").GetInt32());
        Assert.DoesNotContain("Nightjar", all.RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(4, first.RootElement.GetProperty("matchCount").GetInt32());
        Assert.Equal(["Harbour visit at Toulon", "Operation Nightjar talks"], Titles(second));
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("yyyy-MM-dd", await badDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string[] Titles(JsonDocument page) =>
        page.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToArray();

    private static string PageHeading(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "<h1[^>]*>(.*?)</h1>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;

    private async Task<int> IdOfAsync(string title) =>
        await portal.Database.ScalarAsync<int>($"SELECT id FROM engagements WHERE title = '{title}'");

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
