using System.Diagnostics;
using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>
/// Two tabs of one browser share one sign-in: signing out in one ends the session on the server, and the
/// other tab's open circuit stops showing records within the revalidation interval, edits and all.
/// </summary>
public class TwoTabSignOutJourney(BrowserPortal portal) : IClassFixture<BrowserPortal>, IAsyncLifetime
{
    private const string Title = "Operation Wren liaison talks";

    public async Task InitializeAsync() => await portal.Database.ExecuteAsync($"""
        INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, is_demo)
        SELECT '{Title}', 'StaffTalks', 'FaceToFace', DATE '2025-02-11', 'Liaison on harbour security', 'Positive', 'Secret', false
        WHERE NOT EXISTS (SELECT 1 FROM engagements WHERE title = '{Title}');
        INSERT INTO engagement_participants (engagement_id, nation_id, is_lead)
        SELECT e.id, (SELECT id FROM nations WHERE code = 'GBR'), true FROM engagements e WHERE e.title = '{Title}'
        ON CONFLICT DO NOTHING;
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SigningOutInOneTabEndsTheOtherTabWithinTheRevalidationInterval()
    {
        var id = await portal.Database.ScalarAsync<int>($"SELECT id FROM engagements WHERE title = '{Title}'");
        var (tabA, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(tabA, "staff");
        // The same browser context: the second tab carries the same cookie, as a second tab does.
        var tabB = await tabA.Context.NewPageAsync();
        await tabB.GotoAsync($"/engagements/{id}/edit");
        await BrowserPortal.WaitUntilInteractiveAsync(tabB);
        await Assertions.Expect(tabB.GetByLabel("Title")).ToHaveValueAsync(Title);
        await tabB.GetByLabel("Title").FillAsync(Title + ", edited after signing out");

        await tabA.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await BrowserPortal.ExpectAddressAsync(tabA, new System.Text.RegularExpressions.Regex("/account/sign-in"));
        var signedOut = Stopwatch.StartNew();

        // Tab B made no request since: only its circuit's revalidation can notice.
        var grace = BrowserPortal.RevalidationInterval + TimeSpan.FromSeconds(5);
        await Assertions.Expect(tabB.Locator("main")).ToContainTextAsync("to open this page", new() { Timeout = (float)grace.TotalMilliseconds });
        var noticedAfter = signedOut.Elapsed;
        await Assertions.Expect(tabB.GetByLabel("Title")).ToHaveCountAsync(0);
        await Assertions.Expect(tabB.GetByRole(AriaRole.Button, new() { Name = "Save changes" })).ToHaveCountAsync(0);
        await Assertions.Expect(tabB.Locator("main")).Not.ToContainTextAsync(Title);

        // Navigating inside tab B's circuit to the list shows no record either.
        await tabB.Locator("nav a[href='/engagements']").ClickAsync();
        await BrowserPortal.ExpectAddressAsync(tabB, new System.Text.RegularExpressions.Regex("/engagements$"));
        await Assertions.Expect(tabB.Locator("main")).ToContainTextAsync("to open this page");
        await Assertions.Expect(tabB.Locator("main")).Not.ToContainTextAsync(Title);

        Assert.True(noticedAfter < grace, $"Tab B still showed the record {noticedAfter} after the sign-out.");
        Assert.Equal(Title, await portal.Database.ScalarAsync<string>($"SELECT title FROM engagements WHERE id = {id}"));
        Assert.Empty(errors);
    }
}
