using System.Net;
using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>
/// A planner subscribes to a nation's exercises from the nation page, sees the address once, a calendar program
/// (here a plain HTTP client, signed in as nobody) fetches it, and after the planner revokes it the address answers 404.
/// </summary>
public class CalendarFeedJourney(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task APlannerSubscribesToANationsFeedAndRevokesIt()
    {
        await portal.Database.ExecuteAsync("""
            INSERT INTO exercises (name, kind, status, host_nation_id, starts_on, ends_on, classification, is_demo)
            SELECT 'Exercise Feed Lantern', 'Field', 'Planning', (SELECT id FROM nations WHERE code = 'FRA'), CURRENT_DATE + 20, CURRENT_DATE + 25, 'Unclassified', false
            WHERE NOT EXISTS (SELECT 1 FROM exercises WHERE name = 'Exercise Feed Lantern');
            """);
        var (page, _) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "planner");

        await page.GotoAsync("/nations/FRA");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Subscribe to this nation's exercises" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New calendar subscription" })).ToBeVisibleAsync();
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("feed-scope")).ToHaveTextAsync("Follows: France (FRA)");
        await Assertions.Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Exercises of France");
        await page.AssertNoBlockingAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create subscription" }).ClickAsync();

        var shown = page.GetByTestId("new-feed");
        await Assertions.Expect(shown).ToContainTextAsync("shown only once");
        var address = await page.GetByLabel("Subscription address").InputValueAsync();
        Assert.Matches(@"/feeds/dpf_[A-Za-z0-9_-]{43}\.ics$", address);
        await page.AssertNoBlockingAxeViolationsAsync();

        using var calendarProgram = new HttpClient();
        using (var feed = await calendarProgram.GetAsync(new Uri(address)))
        {
            var text = await feed.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
            Assert.StartsWith("BEGIN:VCALENDAR", text, StringComparison.Ordinal);
            Assert.Contains("SUMMARY:Exercise Feed Lantern", text, StringComparison.Ordinal);
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Calendar subscriptions" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Calendar subscriptions" })).ToBeVisibleAsync();
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Exercises of France" });
        await Assertions.Expect(row).ToContainTextAsync("Nation FRA");
        await page.AssertNoBlockingAxeViolationsAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke Exercises of France" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke now" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Revoked");

        using var afterRevoke = await calendarProgram.GetAsync(new Uri(address));
        Assert.Equal(HttpStatusCode.NotFound, afterRevoke.StatusCode);
    }
}
