using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>An engagement created and saved with the keyboard alone: Tab between fields, typing, arrow keys and Enter in the picker, Enter on the button.</summary>
public class KeyboardOnlyEditing(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task CreatesAnEngagementWithoutTheMouse()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "staff");
        await page.GotoAsync("/engagements/new");
        await BrowserPortal.WaitUntilInteractiveAsync(page);

        // The day keeps its default (today): the date field is being rebuilt for typed dates separately.
        await page.TabToAsync(page.GetByLabel("Title", new() { Exact = true }));
        await page.Keyboard.TypeAsync("Keyboard-only talks on port visits");

        var participants = page.GetByLabel("Participating nations", new() { Exact = true });
        await page.TabToAsync(participants);
        await page.Keyboard.TypeAsync("Swe");
        await Assertions.Expect(page.GetByText("Sweden (SWE)", new() { Exact = true })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[aria-label='Participating nations: chosen']")).ToContainTextAsync("Sweden (SWE) · lead");
        await page.Keyboard.TypeAsync("Fin");
        await Assertions.Expect(page.GetByText("Finland (FIN)", new() { Exact = true })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowUp");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[aria-label='Participating nations: chosen']")).ToContainTextAsync("Finland (FIN)");

        // Tabbing through a picker left empty chooses nothing in it.
        await page.TabToAsync(page.GetByLabel("Host nation", new() { Exact = true }));
        await page.TabToAsync(page.GetByLabel("Summary", new() { Exact = true }));
        await page.Keyboard.TypeAsync("Port visits of both navies next summer.");

        await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Create engagement" }));
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Keyboard-only talks on port visits");
        Assert.Equal("Port visits of both navies next summer. host: none", await portal.Database.ScalarAsync<string>(
            "SELECT summary || ' host: ' || coalesce(host_nation_id::text, 'none') FROM engagements WHERE title = 'Keyboard-only talks on port visits'"));
        Assert.Equal("SWE lead, FIN", await portal.Database.ScalarAsync<string>("""
            SELECT string_agg(n.code || CASE WHEN p.is_lead THEN ' lead' ELSE '' END, ', ' ORDER BY p.is_lead DESC, n.code)
            FROM engagement_participants p JOIN nations n ON n.id = p.nation_id JOIN engagements e ON e.id = p.engagement_id
            WHERE e.title = 'Keyboard-only talks on port visits'
            """));
        Assert.Empty(errors);
    }
}
