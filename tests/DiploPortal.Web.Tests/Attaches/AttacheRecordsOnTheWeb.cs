using System.Net;
using DiploPortal.Core.Common;
using DiploPortal.Web.Tests.Accounts;
using DiploPortal.Web.Tests.Lists;

namespace DiploPortal.Web.Tests.Attaches;

/// <summary>
/// The attaché and report pages and exports for signed-in users, and what a Restricted French analyst may
/// not see: a Secret attaché and a Secret report are absent from the lists, counts, exports, and their
/// addresses answer 404 like records that do not exist.
/// </summary>
public class AttacheRecordsOnTheWeb(AccountsPortal portal) : IClassFixture<AccountsPortal>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.Database.ExecuteAsync("""
        INSERT INTO attaches (full_name, rank, service, post, sending_nation_id, host_nation_id, posted_from, posted_until, classification, is_demo)
        SELECT t.name, t.rank, t.service, t.post, (SELECT id FROM nations WHERE code = t.sending), (SELECT id FROM nations WHERE code = t.host), t.posted_from, t.posted_until, t.marking, false
        FROM (VALUES
            ('Col. Shadow Agent', 'Colonel', 'Army', 'Defence', 'USA', 'JPN', DATE '2024-01-01', NULL::date, 'Secret'),
            ('Cdr. Marie Leclerc', 'Commander', 'Navy', 'Naval', 'FRA', 'GBR', DATE '2023-09-01', NULL::date, 'Restricted'),
            ('=SUM(A1:A9)', 'Major', 'AirForce', 'Air', 'DEU', 'FRA', DATE '2019-05-01', DATE '2022-05-01', 'Unclassified')
        ) AS t(name, rank, service, post, sending, host, posted_from, posted_until, marking)
        WHERE NOT EXISTS (SELECT 1 FROM attaches);
        INSERT INTO attache_reports (attache_id, kind, title, body, filed_on, classification, is_demo)
        SELECT (SELECT id FROM attaches WHERE full_name = 'Cdr. Marie Leclerc'), t.kind, t.title, t.body, t.filed_on, t.marking, false
        FROM (VALUES
            ('Assessment', 'Channel patrol assessment', 'Patrols doubled over the winter.', DATE '2024-02-01', 'Restricted'),
            ('IntelligenceSummary', 'Submarine movements summary', 'Secret findings.', DATE '2024-03-01', 'Secret')
        ) AS t(kind, title, body, filed_on, marking)
        WHERE NOT EXISTS (SELECT 1 FROM attache_reports);
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ListsAttachesWithTheFiltersOfTheAddress()
    {
        var html = await PageAsync("analyst", "/attaches?nation=FRA&role=Sending&status=Serving");

        Assert.Contains("Cdr. Marie Leclerc", html, StringComparison.Ordinal);
        Assert.DoesNotContain("=SUM(A1:A9)", html, StringComparison.Ordinal);
        Assert.Contains($"1 {Encoded("attaché")} match", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeavesHiddenRecordsOutOfTheListsAndTheirCounts()
    {
        var attaches = await PageAsync("analyst-restricted", "/attaches");
        var reports = await PageAsync("analyst-restricted", "/attaches/reports");
        var cleared = await PageAsync("analyst", "/attaches/reports");

        Assert.Contains("Cdr. Marie Leclerc", attaches, StringComparison.Ordinal);
        Assert.DoesNotContain("Shadow Agent", attaches, StringComparison.Ordinal);
        Assert.Contains($"2 {Encoded("attachés")}", attaches, StringComparison.Ordinal);
        Assert.Contains("Channel patrol assessment", reports, StringComparison.Ordinal);
        Assert.DoesNotContain("Submarine movements", reports, StringComparison.Ordinal);
        Assert.Contains("1 report", reports, StringComparison.Ordinal);
        Assert.Contains("Submarine movements summary", cleared, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersHiddenRecordsAddressesLikeOnesThatDoNotExist()
    {
        using var client = await SignedInAsync("analyst-restricted");
        var secretAttache = await IdOfAsync("attaches", "full_name = 'Col. Shadow Agent'");
        var secretReport = await IdOfAsync("attache_reports", "title = 'Submarine movements summary'");

        foreach (var path in new[] { $"/attaches/{secretAttache}", $"/attaches/reports/{secretReport}", "/attaches/reports/999999" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Shadow", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Submarine", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ShowsAReportWithItsAttacheAndTheAttachesLinkToAllTheirReports()
    {
        var attache = await IdOfAsync("attaches", "full_name = 'Cdr. Marie Leclerc'");
        var report = await IdOfAsync("attache_reports", "title = 'Channel patrol assessment'");

        var reportPage = await PageAsync("analyst", $"/attaches/reports/{report}");
        var attachePage = await PageAsync("analyst", $"/attaches/{attache}");
        var filtered = await PageAsync("analyst", $"/attaches/reports?attache={attache}&kind=Assessment");

        Assert.Contains("Patrols doubled over the winter.", reportPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/attaches/{attache}\"", reportPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/attaches/reports?attache={attache}\"", attachePage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/attaches/reports/{report}\"", attachePage, StringComparison.Ordinal);
        Assert.Contains("Channel patrol assessment", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain("Submarine movements", filtered, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"attache-filter\"", filtered, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("staff", true)]
    [InlineData("analyst", false)]
    [InlineData("planner", false)]
    public async Task OpensTheEditorsToStaffOnly(string userName, bool allowed)
    {
        using var client = await SignedInAsync(userName);
        var attache = await IdOfAsync("attaches", "full_name = 'Cdr. Marie Leclerc'");
        var report = await IdOfAsync("attache_reports", "title = 'Channel patrol assessment'");

        foreach (var path in new[] { "/attaches/new", $"/attaches/{attache}/edit", $"/attaches/{attache}/reports/new", $"/attaches/reports/{report}/edit" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True((allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden) == response.StatusCode, $"{path}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task ShowsEditAndDeleteOnTheDetailPagesToStaffOnly()
    {
        var attache = await IdOfAsync("attaches", "full_name = 'Cdr. Marie Leclerc'");

        var staff = await PageAsync("staff", $"/attaches/{attache}");
        var analyst = await PageAsync("analyst", $"/attaches/{attache}");

        Assert.Contains($"href=\"/attaches/{attache}/edit\"", staff, StringComparison.Ordinal);
        Assert.Contains($"href=\"/attaches/{attache}/reports/new\"", staff, StringComparison.Ordinal);
        Assert.DoesNotContain($"/attaches/{attache}/edit", analyst, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportsTheAttacheListAsCsvThatReadsBackToTheSameRows()
    {
        using var client = await SignedInAsync("analyst-restricted");

        using var response = await client.GetAsync(new Uri("/attaches/export.csv?sort=NameAscending", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var records = CsvReader.Read(new StringReader(text)).ToList();
        var preamble = records.TakeWhile(r => r[0].StartsWith('#')).Select(r => r[0]).ToList();
        Assert.Equal("# Filters: sort: NameAscending", preamble[2]);
        Assert.Equal("# Rows: 2", preamble[3]);
        Assert.Equal("# Highest classification in this file: RESTRICTED", preamble[4]);
        Assert.Equal(
            ["id", "full_name", "rank", "service", "post", "sending_nation", "host_nation", "posted_from", "posted_until", "classification", "releasable_to_nations", "releasable_to_alliances"],
            records[preamble.Count]);

        var rows = records.Skip(preamble.Count + 1).ToList();
        var leclerc = await IdOfAsync("attaches", "full_name = 'Cdr. Marie Leclerc'");
        var formula = await IdOfAsync("attaches", "full_name = '=SUM(A1:A9)'");
        Assert.Equal(
            [
                [formula.ToString(System.Globalization.CultureInfo.InvariantCulture), "'=SUM(A1:A9)", "Major", "AirForce", "Air", "DEU", "FRA", "2019-05-01", "2022-05-01", "Unclassified", "", ""],
                [leclerc.ToString(System.Globalization.CultureInfo.InvariantCulture), "Cdr. Marie Leclerc", "Commander", "Navy", "Naval", "FRA", "GBR", "2023-09-01", "", "Restricted", "", ""],
            ],
            rows);
        Assert.DoesNotContain("Shadow", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportsTheReportListWithoutHiddenReportsInBothFormats()
    {
        using var client = await SignedInAsync("analyst-restricted");

        var csv = CsvReader.Read(new StringReader(await client.GetStringAsync(new Uri("/attaches/reports/export.csv", UriKind.Relative)))).ToList();
        using var response = await client.GetAsync(new Uri("/attaches/reports/export.xlsx", UriKind.Relative));

        var header = csv.FindIndex(r => r[0] == "id");
        Assert.Equal(["Channel patrol assessment"], csv.Skip(header + 1).Select(r => r[4]));
        Assert.DoesNotContain(csv, r => r.Any(c => c.Contains("Submarine", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var spreadsheet = ExportedFile.FromSpreadsheet(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(csv[header], spreadsheet.Header);
        Assert.Equal(csv.Skip(header + 1).Select(r => r.Select(ExportFile.Unprotect)), spreadsheet.Rows);
    }

    [Fact]
    public async Task RefusesAnExportOfAFilterItCannotRead()
    {
        using var client = await SignedInAsync("analyst");

        using var response = await client.GetAsync(new Uri("/attaches/reports/export.csv?attache=twelve", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>Text as the prerendered page writes it (letters outside ASCII as character references).</summary>
    private static string Encoded(string text) => System.Text.Encodings.Web.HtmlEncoder.Default.Encode(text);

    private async Task<int> IdOfAsync(string table, string where) =>
        await portal.Database.ScalarAsync<int>($"SELECT id FROM {table} WHERE {where}");

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
}
