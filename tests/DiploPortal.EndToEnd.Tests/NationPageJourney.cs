using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>A nation's page in a real Chromium: its sections, the timeline's Show older, and accessible content.</summary>
public class NationPageJourney(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    [Fact]
    public async Task AnAnalystReadsANationsStoryAndShowsOlderEvents()
    {
        // Enough of Norway's engagements for a second timeline page, whatever the demo data holds.
        await portal.Database.ExecuteAsync("""
            INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, is_demo)
            SELECT 'Fjord talks ' || i, 'StaffTalks', 'Teleconference', CURRENT_DATE - 400 - i, '', 'Neutral', 'Unclassified', false
            FROM generate_series(1, 40) AS i;
            INSERT INTO engagement_participants (engagement_id, nation_id, is_lead)
            SELECT id, (SELECT id FROM nations WHERE code = 'NOR'), true FROM engagements WHERE title LIKE 'Fjord talks %';
            """);
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "analyst-restricted");

        await page.GotoAsync("/nations/NOR");
        await page.Locator("h1").First.WaitForAsync();
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        foreach (var heading in new[] { "Engagements", "Attachés", "Exercises", "Humanitarian missions", "Timeline" })
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
        }

        var events = page.Locator(".nation-timeline li");
        await Assertions.Expect(events).ToHaveCountAsync(25);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show older" }).ClickAsync();
        await Assertions.Expect(events).Not.ToHaveCountAsync(25);
        Assert.True(await events.CountAsync() > 25);

        Directory.CreateDirectory(BrowserPortal.ArtifactDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserPortal.ArtifactDirectory, "nation.png"), FullPage = true });
        // The page's own content (the layout around it is checked by the navigation test).
        var axe = await page.Locator("main").RunAxe();
        var problems = axe.Violations
            .Where(v => BlockingImpacts.Contains(v.Impact))
            .Select(v => $"axe {v.Impact} {v.Id}: {v.Help} ({string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))})")
            .Concat(errors.Select(e => $"console: {e}"))
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
