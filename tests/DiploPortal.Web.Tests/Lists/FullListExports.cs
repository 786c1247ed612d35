using System.Net;
using DiploPortal.Web.Tests.Accounts;

namespace DiploPortal.Web.Tests.Lists;

/// <summary>
/// Whole lists exported over HTTP and read back row by row: the response body takes only asynchronous
/// writes, and the CSV export used to stop mid-row at about 64 KB (with a 200) when its writer flushed.
/// </summary>
public class FullListExports(DemoDataPortal portal) : IClassFixture<DemoDataPortal>
{
    [Theory]
    [InlineData("/engagements", "engagements", "csv", "id")]
    [InlineData("/engagements", "engagements", "xlsx", "id")]
    [InlineData("/exercises", "exercises", "csv", "id")]
    [InlineData("/exercises", "exercises", "xlsx", "id")]
    [InlineData("/missions", "missions", "csv", "id")]
    [InlineData("/missions", "missions", "xlsx", "id")]
    [InlineData("/attaches", "attaches", "csv", "id")]
    [InlineData("/attaches", "attaches", "xlsx", "id")]
    [InlineData("/attaches/reports", "attache_reports", "csv", "id")]
    [InlineData("/nations", "nations", "csv", "code")]
    [InlineData("/alliances", "alliances", "csv", "acronym")]
    public async Task ExportsEveryRowOfTheUnfilteredListAndSaysHowMany(string list, string table, string format, string key)
    {
        using var client = portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await AccountsPortal.SignInAsync(client, "staff");

        using var response = await client.GetAsync(new Uri($"{list}/export.{format}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var file = format == "csv"
            ? ExportedFile.FromCsv(await response.Content.ReadAsStringAsync())
            : ExportedFile.FromSpreadsheet(await response.Content.ReadAsByteArrayAsync());
        var inDatabase = await portal.Database.ScalarAsync<long>($"SELECT count(*) FROM {table}");
        Assert.Contains($"Rows: {inDatabase}", file.Preamble);
        Assert.Equal(inDatabase, file.Rows.Count);
        Assert.Equal(inDatabase, file.Column(key).Distinct().Count());
        Assert.All(file.Rows, row => Assert.Equal(file.Header.Count, row.Length));
    }

    [Fact]
    public async Task ExportsTheWholeDemoEngagementListAsCsv()
    {
        using var client = portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await AccountsPortal.SignInAsync(client, "staff");

        var csv = await client.GetStringAsync(new Uri("/engagements/export.csv", UriKind.Relative));

        Assert.True(csv.Length > 1_000_000, $"The file holds {csv.Length:N0} characters.");
        Assert.Equal(DemoDataPortal.Engagements, ExportedFile.FromCsv(csv).Rows.Count);
    }
}
