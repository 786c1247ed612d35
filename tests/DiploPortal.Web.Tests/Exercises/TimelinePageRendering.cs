using System.Net;
using System.Text.RegularExpressions;
using DiploPortal.Web.Tests.Accounts;

namespace DiploPortal.Web.Tests.Exercises;

/// <summary>
/// The timeline page as served: one plain row per exercise whose bar is a real link with its name, dates and status,
/// the filters and the period read from the address, hidden records left out, and Move offered to planners only.
/// </summary>
public partial class TimelinePageRendering(AccountsPortal portal) : IClassFixture<AccountsPortal>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.Database.ExecuteAsync("""
        CREATE FUNCTION pg_temp.n(text) RETURNS int LANGUAGE sql AS $$ SELECT id FROM nations WHERE code = $1 $$;
        INSERT INTO exercises (name, series_name, kind, status, host_nation_id, starts_on, ends_on, classification, is_demo)
        SELECT v.name, v.series, 'Field', v.status, pg_temp.n(v.host), v.first, v.last, v.marking, false
        FROM (VALUES ('Timeline Alpha drill', 'Alpha Series', 'Planning', 'NOR', DATE '2031-03-03', DATE '2031-03-14', 'Unclassified'),
                     ('Timeline Bravo drill', NULL, 'Approved', 'FRA', DATE '2031-06-01', DATE '2031-06-05', 'Unclassified'),
                     ('Timeline Secret drill', NULL, 'Planning', 'NOR', DATE '2031-04-01', DATE '2031-04-05', 'Secret'),
                     ('Timeline Earlier drill', NULL, 'Cancelled', 'NOR', DATE '2030-04-01', DATE '2030-04-05', 'Unclassified'))
             AS v(name, series, status, host, first, last, marking)
        WHERE NOT EXISTS (SELECT 1 FROM exercises WHERE name = v.name);
        INSERT INTO exercise_participants (exercise_id, nation_id, role, personnel, units, ships, aircraft)
        SELECT e.id, e.host_nation_id, 'Host', 100, 1, 0, 0 FROM exercises e WHERE e.name LIKE 'Timeline %'
        ON CONFLICT DO NOTHING;
        INSERT INTO exercise_milestones (exercise_id, kind, planned_on)
        SELECT e.id, 'FinalPlanningConference', DATE '2031-02-10' FROM exercises e
        WHERE e.name = 'Timeline Alpha drill' AND NOT EXISTS (SELECT 1 FROM exercise_milestones m WHERE m.exercise_id = e.id);
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task DrawsEachExerciseAsAPlainRowWhoseBarLinksToItInWords()
    {
        var alpha = await IdOfAsync("Timeline Alpha drill");

        var html = await PageAsync("analyst", "/exercises/timeline?from=2031-01-01&span=year");

        Assert.Matches($"<a class=\"timeline-bar\"[^>]* data-status=\"Planning\"[^>]* href=\"/exercises/{alpha}\"", html);
        Assert.Contains("Timeline Alpha drill, 3 Mar 2031 – 14 Mar 2031, Planning", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Final planning conference, 10 Feb 2031\"", html, StringComparison.Ordinal);
        Assert.Matches("<h2[^>]*>\\s*2031\\s*</h2>", html);
        Assert.DoesNotContain("Timeline Earlier drill", html, StringComparison.Ordinal);

        // Lean: the rows are the page's own elements, with no component markup (MudBlazor classes) inside them.
        var rows = Row().Matches(html);
        Assert.Equal(3, rows.Count); // The analyst is cleared Secret: the Secret drill is drawn too.
        Assert.All(rows, row => Assert.DoesNotContain("mud-", row.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadsTheFiltersGroupingAndPeriodFromTheAddress()
    {
        var byNation = await PageAsync("analyst", "/exercises/timeline?from=2031-01-01&span=year&nation=FRA");
        var bySeries = await PageAsync("analyst", "/exercises/timeline?from=2031-01-01&years=2&group=series&series=alpha%20series");
        var quarter = await PageAsync("analyst", "/exercises/timeline?from=2031-04-01&span=quarter");

        Assert.Contains("Timeline Bravo drill", byNation, StringComparison.Ordinal);
        Assert.DoesNotContain("Timeline Alpha drill", byNation, StringComparison.Ordinal);
        Assert.Matches("<h3 class=\"timeline-group-title\"[^>]*><span[^>]*>Alpha Series</span>", bySeries);
        Assert.DoesNotContain("Timeline Bravo drill", bySeries, StringComparison.Ordinal);
        Assert.Contains("2031–2032", bySeries, StringComparison.Ordinal);
        Assert.Contains("Timeline Bravo drill", quarter, StringComparison.Ordinal);
        Assert.DoesNotContain("Timeline Alpha drill", quarter, StringComparison.Ordinal);
        Assert.Contains("Apr 2031 – Jun 2031", quarter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinksTheCalendarAndASubscriptionToTheSameView()
    {
        var html = await PageAsync("analyst", "/exercises/timeline?from=2031-01-01&span=year&nation=FRA&kind=Field");

        Assert.Contains("href=\"/feeds/new?view=from%3D2031-01-01%26span%3Dyear%26nation%3DFRA%26kind%3DField\"", html, StringComparison.Ordinal);
        Assert.Matches("<a [^>]*href=\"/calendar\\?month=2031-01\"[^>]*>Exercise calendar</a>", html);
    }

    [Fact]
    public async Task SaysWhichPartOfTheAddressItCouldNotRead()
    {
        var html = await PageAsync("analyst", "/exercises/timeline?from=2031-01-01&years=99&group=colour");

        Assert.Contains("years: '99' is not a number of years from 1 to 10.", html, StringComparison.Ordinal);
        Assert.Contains("group: 'colour' is not one of: Host, Lead, Alliance, Series.", html, StringComparison.Ordinal);
        Assert.Contains("Timeline Alpha drill", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeavesHiddenRecordsOut()
    {
        var html = await PageAsync("analyst-restricted", "/exercises/timeline?from=2031-01-01&span=year");

        Assert.Contains("Timeline Alpha drill", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Timeline Secret drill", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("planner", true)]
    [InlineData("staff", false)]
    [InlineData("analyst", false)]
    public async Task OffersMoveToPlannersOnly(string userName, bool allowed)
    {
        var html = await PageAsync(userName, "/exercises/timeline?from=2031-01-01&span=year");

        Assert.Contains("Timeline Alpha drill", html, StringComparison.Ordinal);
        Assert.Equal(allowed, html.Contains("aria-label=\"Move Timeline Alpha drill\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendsAnonymousVisitorsToSignIn()
    {
        using var client = portal.CreateBrowserClient();

        using var response = await client.GetAsync(new Uri("/exercises/timeline", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/account/sign-in?ReturnUrl=%2Fexercises%2Ftimeline", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [GeneratedRegex("<li class=\"timeline-row\".*?</li>", RegexOptions.Singleline)]
    private static partial Regex Row();

    private async Task<int> IdOfAsync(string name) =>
        await portal.Database.ScalarAsync<int>($"SELECT id FROM exercises WHERE name = '{name}'");

    /// <summary>The page's HTML with its character references decoded ("–" is written as &amp;#x2013;).</summary>
    private async Task<string> PageAsync(string userName, string path)
    {
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, userName);
        return WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(path, UriKind.Relative)));
    }
}
