using System.Net;
using DiploPortal.Core.Common;
using DiploPortal.Web.Tests.Accounts;
using DiploPortal.Web.Tests.Lists;

namespace DiploPortal.Web.Tests.Missions;

/// <summary>
/// The mission pages and exports for signed-in users: a Secret mission is absent for a Restricted French analyst
/// from the list, its count, the detail address (404) and exports; only staff reach the editor.
/// </summary>
public class MissionRecordsOnTheWeb(AccountsPortal portal) : IClassFixture<AccountsPortal>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.Database.ExecuteAsync("""
        INSERT INTO missions (name, kind, crisis, affected_nation_id, starts_on, ends_on, people_assisted, summary, classification, is_demo)
        SELECT t.name, t.kind, t.crisis, (SELECT id FROM nations WHERE code = t.affected), t.day, t.ends, 500, t.summary, t.marking, false
        FROM (VALUES
            ('Operation Hidden Spring', 'MedicalAid', 'Epidemic', 'COD', DATE '2025-05-01', NULL::date, 'Secret field laboratory', 'Secret'),
            ('Operation Dry Ground', 'DisasterRelief', 'Flood', 'PAK', DATE '2024-08-01', DATE '2024-10-01', 'Shelter and water', 'Restricted'),
            ('Operation Long Road', 'LogisticalSupport', 'Famine', 'SOM', DATE '2025-01-10', NULL::date, '@SUM(1)', 'Unclassified')
        ) AS t(name, kind, crisis, affected, day, ends, summary, marking)
        WHERE NOT EXISTS (SELECT 1 FROM missions);
        INSERT INTO mission_contributions (mission_id, nation_id, personnel, aircraft, ships, medical_teams, supplies_tonnes)
        SELECT m.id, (SELECT id FROM nations WHERE code = 'FRA'), 80, 1, 0, 2, 15 FROM missions m
        ON CONFLICT DO NOTHING;
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ListsWithTheFiltersOfTheAddress()
    {
        var html = await PageAsync("analyst", "/missions?state=Ended&crisis=Flood");

        Assert.Contains("Operation Dry Ground", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Operation Long Road", html, StringComparison.Ordinal);
        Assert.Contains("1 mission match", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NarrowsToWhereTheNationContributedOrWasAffected()
    {
        var contributed = await PageAsync("analyst", "/missions?nation=FRA&role=Contributing");
        var affected = await PageAsync("analyst", "/missions?nation=FRA&role=Affected");

        Assert.Contains("3 missions match", contributed, StringComparison.Ordinal);
        Assert.Contains("No missions match these filters.", affected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeavesHiddenRecordsOutOfTheListItsCountAndTheDetailAddress()
    {
        using var client = await SignedInAsync("analyst-restricted");

        var html = await client.GetStringAsync(new Uri("/missions", UriKind.Relative));
        using var hidden = await client.GetAsync(new Uri($"/missions/{await IdOfAsync("Operation Hidden Spring")}", UriKind.Relative));

        Assert.Contains("Operation Dry Ground", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden Spring", html, StringComparison.Ordinal);
        Assert.Contains("2 missions", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.DoesNotContain("Hidden Spring", await hidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("staff", true)]
    [InlineData("planner", false)]
    [InlineData("analyst", false)]
    public async Task OpensTheEditorsToStaffOnly(string userName, bool allowed)
    {
        using var client = await SignedInAsync(userName);

        using var edit = await client.GetAsync(new Uri($"/missions/{await IdOfAsync("Operation Dry Ground")}/edit", UriKind.Relative));
        using var create = await client.GetAsync(new Uri("/missions/new", UriKind.Relative));

        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, create.StatusCode);
        // A refusal says so and shows nothing of the record.
        Assert.Equal(allowed, (await edit.Content.ReadAsStringAsync()).Contains("Operation Dry Ground", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportsOnlyWhatTheUserMaySeeAndTheSpreadsheetHoldsTheSameCells()
    {
        using var client = await SignedInAsync("analyst-restricted");

        var csvText = await client.GetStringAsync(new Uri("/missions/export.csv?sort=NameAscending", UriKind.Relative));
        var csv = ExportedFile.FromCsv(csvText);
        var spreadsheet = ExportedFile.FromSpreadsheet(await client.GetByteArrayAsync(new Uri("/missions/export.xlsx?sort=NameAscending", UriKind.Relative)));

        Assert.Equal("Rows: 2", csv.Preamble[3]);
        Assert.Equal(["Operation Dry Ground", "Operation Long Road"], csv.Column("name"));
        Assert.Equal(["2024-10-01", ""], csv.Column("ends_on"));
        Assert.Equal(["FRA", "FRA"], csv.Column("contributors"));
        Assert.Equal(["Shelter and water", "'@SUM(1)"], csv.Column("summary"));
        Assert.DoesNotContain("Hidden Spring", csvText, StringComparison.Ordinal);
        Assert.Equal(csv.Header, spreadsheet.Header);
        Assert.Equal(csv.Rows.Select(r => r.Select(ExportFile.Unprotect)), spreadsheet.Rows);
    }

    private async Task<int> IdOfAsync(string name) =>
        await portal.Database.ScalarAsync<int>($"SELECT id FROM missions WHERE name = '{name}'");

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
