using DiploPortal.Web.Tests.Accounts;

namespace DiploPortal.Web.Tests.Pages;

/// <summary>The nation page tells a nation's story in sections, with only what the signed-in user may see.</summary>
public class NationPageRendering(AccountsPortal portal) : IClassFixture<AccountsPortal>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.Database.ExecuteAsync("""
        CREATE FUNCTION pg_temp.n(text) RETURNS int LANGUAGE sql AS $$ SELECT id FROM nations WHERE code = $1 $$;
        INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, is_demo)
        SELECT t, 'StaffTalks', 'Teleconference', CURRENT_DATE - 2, '', 'Pending', c, false
        FROM (VALUES ('Nation page open talks', 'Unclassified'), ('Nation page secret talks', 'Secret')) AS v(t, c)
        WHERE NOT EXISTS (SELECT 1 FROM engagements WHERE title = t);
        INSERT INTO engagement_participants (engagement_id, nation_id, is_lead)
        SELECT id, pg_temp.n('FRA'), true FROM engagements WHERE title LIKE 'Nation page %'
        ON CONFLICT DO NOTHING;
        INSERT INTO attaches (full_name, rank, service, post, sending_nation_id, host_nation_id, posted_from, classification, is_demo)
        SELECT 'Col. Pagevisible', 'Colonel', 'Army', 'Defence', pg_temp.n('FRA'), pg_temp.n('DEU'), CURRENT_DATE - 30, 'Unclassified', false
        WHERE NOT EXISTS (SELECT 1 FROM attaches WHERE full_name = 'Col. Pagevisible');
        INSERT INTO exercises (name, kind, status, host_nation_id, starts_on, ends_on, classification, is_demo)
        SELECT 'Nation page exercise', 'Field', 'Approved', pg_temp.n('FRA'), CURRENT_DATE + 30, CURRENT_DATE + 35, 'Unclassified', false
        WHERE NOT EXISTS (SELECT 1 FROM exercises WHERE name = 'Nation page exercise');
        INSERT INTO missions (name, kind, crisis, affected_nation_id, starts_on, people_assisted, summary, classification, is_demo)
        SELECT 'Nation page flood relief', 'DisasterRelief', 'Flood', pg_temp.n('FRA'), CURRENT_DATE - 10, 100, '', 'Unclassified', false
        WHERE NOT EXISTS (SELECT 1 FROM missions WHERE name = 'Nation page flood relief');
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ShowsEverySectionWithTheRecordsTheUserMaySee()
    {
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, "analyst-restricted");

        var html = await client.GetStringAsync(new Uri("/nations/FRA", UriKind.Relative));

        foreach (var heading in new[] { "Current alliance memberships", "Engagements", "Sent:", "Received:", "Exercises", "Humanitarian missions", "Timeline" })
        {
            Assert.Contains(heading, html, StringComparison.Ordinal);
        }

        Assert.Contains("Nation page open talks", html, StringComparison.Ordinal);
        Assert.Contains("Col. Pagevisible", html, StringComparison.Ordinal);
        Assert.Contains("Nation page exercise", html, StringComparison.Ordinal);
        Assert.Contains("Nation page flood relief", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/engagements?nation=FRA\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/engagements?nation=FRA&amp;kind=StaffTalks\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Nation page secret talks", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaysSoForANationThatDoesNotExist()
    {
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, "analyst-restricted");

        var html = await client.GetStringAsync(new Uri("/nations/XXX", UriKind.Relative));

        Assert.Contains("Nation not found", html, StringComparison.Ordinal);
    }
}
