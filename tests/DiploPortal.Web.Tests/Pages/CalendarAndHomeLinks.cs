using System.Text.RegularExpressions;
using DiploPortal.Web.Tests.Accounts;

namespace DiploPortal.Web.Tests.Pages;

/// <summary>
/// The calendar and the home page open the records they name (real links), and say each exercise's status in
/// words beside an icon, so that statuses never differ by colour alone; hidden records stay out of both.
/// </summary>
public partial class CalendarAndHomeLinks(AccountsPortal portal) : IClassFixture<AccountsPortal>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.Database.ExecuteAsync("""
        CREATE FUNCTION pg_temp.n(text) RETURNS int LANGUAGE sql AS $$ SELECT id FROM nations WHERE code = $1 $$;
        INSERT INTO exercises (name, kind, status, host_nation_id, starts_on, ends_on, classification, is_demo)
        SELECT v.name, 'Field', v.status, pg_temp.n('NOR'), DATE '2031-03-02' + v.shift, DATE '2031-03-05' + v.shift, v.marking, false
        FROM (VALUES ('Calendar Approved drill', 'Approved', 0, 'Unclassified'), ('Calendar Cancelled drill', 'Cancelled', 7, 'Unclassified'),
                     ('Calendar Secret drill', 'Planning', 1, 'Secret')) AS v(name, status, shift, marking)
        WHERE NOT EXISTS (SELECT 1 FROM exercises WHERE name = v.name);
        INSERT INTO missions (name, kind, crisis, affected_nation_id, starts_on, people_assisted, summary, classification, is_demo)
        SELECT 'Home page flood relief', 'DisasterRelief', 'Flood', pg_temp.n('FRA'), CURRENT_DATE - 10, 100, '', 'Unclassified', false
        WHERE NOT EXISTS (SELECT 1 FROM missions WHERE name = 'Home page flood relief');
        INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, is_demo)
        SELECT 'Home page staff talks', 'StaffTalks', 'Teleconference', CURRENT_DATE - 1, '', 'Pending', 'Unclassified', false
        WHERE NOT EXISTS (SELECT 1 FROM engagements WHERE title = 'Home page staff talks');
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task LinksEachExerciseOfTheCalendarGridAndTableToItsRecord()
    {
        var approved = await IdAsync("exercises", "name", "Calendar Approved drill");
        var cancelled = await IdAsync("exercises", "name", "Calendar Cancelled drill");

        var html = await PageAsync("analyst-restricted", "/calendar?month=2031-03");

        // Four days of the grid and one row of the table each link the approved drill.
        Assert.Equal(5, Regex.Count(html, $"<a [^>]*href=\"/exercises/{approved}\""));
        Assert.Contains($"href=\"/exercises/{cancelled}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Calendar Secret drill", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaysEachStatusInWordsBesideAnIconNotByColourAlone()
    {
        var html = await PageAsync("analyst-restricted", "/calendar?month=2031-03");

        var marks = StatusMark().Matches(html).Select(m => (Status: m.Groups["status"].Value, Text: Regex.Replace(m.Groups["inner"].Value, "<[^>]+>", "").Trim())).ToList();
        Assert.Contains(("Approved", "Approved"), marks);
        Assert.Contains(("Cancelled", "Cancelled"), marks);
        Assert.All(marks, m => Assert.Equal(m.Status, m.Text));
        Assert.Matches("<li title=\"Calendar Cancelled drill [^\"]+ Cancelled\" data-status=\"Cancelled\"", html);
    }

    [Fact]
    public async Task LinksTheHomePagesExercisesMissionsAndEngagementsToTheirRecords()
    {
        var exercise = await IdAsync("exercises", "name", "Calendar Approved drill");
        var mission = await IdAsync("missions", "name", "Home page flood relief");
        var engagement = await IdAsync("engagements", "title", "Home page staff talks");

        var html = await PageAsync("analyst", "/");

        Assert.Matches($"<a [^>]*href=\"/exercises/{exercise}\"[^>]*>Calendar Approved drill</a>", html);
        Assert.Matches($"<a [^>]*href=\"/missions/{mission}\"[^>]*>Home page flood relief</a>", html);
        Assert.Matches($"<a [^>]*href=\"/engagements/{engagement}\"[^>]*>Home page staff talks</a>", html);
        Assert.Matches("(?s)data-status=\"Approved\"[^>]*>.*?<span>Approved</span>", html);
    }

    [GeneratedRegex("<span class=\"status-mark\" data-status=\"(?<status>\\w+)\"[^>]*>(?<inner>.*?)</span>\\s*</", RegexOptions.Singleline)]
    private static partial Regex StatusMark();

    private async Task<int> IdAsync(string table, string column, string value) =>
        await portal.Database.ScalarAsync<int>($"SELECT id FROM {table} WHERE {column} = '{value}'");

    private async Task<string> PageAsync(string userName, string path)
    {
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, userName);
        return await client.GetStringAsync(new Uri(path, UriKind.Relative));
    }
}
