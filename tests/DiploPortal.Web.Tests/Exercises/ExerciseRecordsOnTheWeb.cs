using System.Net;
using DiploPortal.Core.Common;
using DiploPortal.Web.Tests.Accounts;
using DiploPortal.Web.Tests.Lists;

namespace DiploPortal.Web.Tests.Exercises;

/// <summary>
/// The exercise pages and exports for signed-in users: a Secret exercise and one releasable only to the Five Eyes
/// are absent for a Restricted French analyst from the list, its count, the detail address (404) and exports;
/// only planners reach the editor.
/// </summary>
public class ExerciseRecordsOnTheWeb(AccountsPortal portal) : IClassFixture<AccountsPortal>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.Database.ExecuteAsync("""
        INSERT INTO exercises (name, kind, status, host_nation_id, starts_on, ends_on, objectives, classification, releasable_to_alliances, is_demo)
        SELECT t.name, t.kind, 'Planning', (SELECT id FROM nations WHERE code = t.host), t.day, t.day + 9, t.objectives, t.marking, t.alliances, false
        FROM (VALUES
            ('Exercise Silent Fjord', 'Naval', 'NOR', DATE '2025-05-01', 'Secret submarine drills', 'Secret', '{}'::text[]),
            ('Exercise Open Plain', 'Field', 'FRA', DATE '2025-04-01', 'Brigade manoeuvres', 'Restricted', '{}'::text[]),
            ('Exercise Five Eyes only', 'Cyber', 'GBR', DATE '2025-03-01', 'Network defence', 'Restricted', '{FVEY}'::text[]),
            ('=HYPERLINK("http://evil.example")', 'Air', 'DEU', DATE '2025-02-01', '-cmd', 'Unclassified', '{}'::text[])
        ) AS t(name, kind, host, day, objectives, marking, alliances)
        WHERE NOT EXISTS (SELECT 1 FROM exercises);
        INSERT INTO exercise_participants (exercise_id, nation_id, role, personnel, units, ships, aircraft)
        SELECT e.id, e.host_nation_id, 'Host', 300, 1, 0, 0 FROM exercises e
        ON CONFLICT DO NOTHING;
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ListsWithTheFiltersOfTheAddress()
    {
        var html = await PageAsync("analyst", "/exercises?kind=Field&sort=NameAscending");

        Assert.Contains("Exercise Open Plain", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exercise Silent Fjord", html, StringComparison.Ordinal);
        Assert.Contains("1 exercise match", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaysWhichPartOfTheAddressItCouldNotRead()
    {
        var html = await PageAsync("analyst", "/exercises?status=Sleeping&from=03/04/2025");

        Assert.Contains("Some of the address could not be read", html, StringComparison.Ordinal);
        Assert.Contains("Exercise Silent Fjord", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeavesHiddenRecordsOutOfTheListAndItsCount()
    {
        var html = await PageAsync("analyst-restricted", "/exercises");

        Assert.Contains("Exercise Open Plain", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Silent Fjord", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Five Eyes only", html, StringComparison.Ordinal);
        Assert.Contains("2 exercises", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersAHiddenRecordsAddressLikeOneThatDoesNotExist()
    {
        using var client = await SignedInAsync("analyst-restricted");

        using var hidden = await client.GetAsync(new Uri($"/exercises/{await IdOfAsync("Exercise Silent Fjord")}", UriKind.Relative));
        using var elsewhere = await client.GetAsync(new Uri($"/exercises/{await IdOfAsync("Exercise Five Eyes only")}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.DoesNotContain("Silent Fjord", await hidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("planner", true)]
    [InlineData("staff", false)]
    [InlineData("analyst", false)]
    public async Task OpensTheEditorsToPlannersOnly(string userName, bool allowed)
    {
        using var client = await SignedInAsync(userName);

        using var edit = await client.GetAsync(new Uri($"/exercises/{await IdOfAsync("Exercise Open Plain")}/edit", UriKind.Relative));
        using var create = await client.GetAsync(new Uri("/exercises/new", UriKind.Relative));
        var detail = await client.GetStringAsync(new Uri($"/exercises/{await IdOfAsync("Exercise Open Plain")}", UriKind.Relative));

        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(allowed, detail.Contains("/edit\"", StringComparison.Ordinal));
        if (allowed)
        {
            Assert.Contains("Exercise Open Plain", await edit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        else
        {
            var refusal = await edit.Content.ReadAsStringAsync();
            Assert.Contains("You do not have access to this page", refusal, StringComparison.Ordinal);
            Assert.DoesNotContain("Exercise Open Plain", refusal, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ExportsOnlyWhatTheUserMaySeeWithFormulasGuarded()
    {
        using var client = await SignedInAsync("analyst-restricted");

        using var response = await client.GetAsync(new Uri("/exercises/export.csv?sort=EarliestStart", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var file = ExportedFile.FromCsv(text);
        Assert.Equal("Filters: sort: EarliestStart", file.Preamble[2]);
        Assert.Equal("Rows: 2", file.Preamble[3]);
        Assert.Equal("Highest classification in this file: RESTRICTED", file.Preamble[4]);
        Assert.Equal(["'=HYPERLINK(\"http://evil.example\")", "Exercise Open Plain"], file.Column("name"));
        Assert.Equal(["'-cmd", "Brigade manoeuvres"], file.Column("objectives"));
        Assert.Equal(["DEU:Host", "FRA:Host"], file.Column("participants"));
        Assert.DoesNotContain("Silent Fjord", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Five Eyes", text, StringComparison.Ordinal);
        Assert.True(await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_entries WHERE action = 'Exported' AND entity_type = 'JointExercise' AND actor = 'analyst-restricted'") >= 1);
    }

    [Fact]
    public async Task ExportsASpreadsheetWithTheSameCellsAsTheCsv()
    {
        using var client = await SignedInAsync("analyst");
        var csv = ExportedFile.FromCsv(await client.GetStringAsync(new Uri("/exercises/export.csv?q=exercise", UriKind.Relative)));

        var spreadsheet = ExportedFile.FromSpreadsheet(await client.GetByteArrayAsync(new Uri("/exercises/export.xlsx?q=exercise", UriKind.Relative)));

        Assert.Equal(3, csv.Rows.Count);
        Assert.Equal(csv.Preamble.Skip(2), spreadsheet.Preamble.Skip(2));
        Assert.Equal(csv.Header, spreadsheet.Header);
        Assert.Equal(csv.Rows.Select(r => r.Select(ExportFile.Unprotect)), spreadsheet.Rows);
    }

    private async Task<int> IdOfAsync(string name) =>
        await portal.Database.ScalarAsync<int>($"SELECT id FROM exercises WHERE name = '{name}'");

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
