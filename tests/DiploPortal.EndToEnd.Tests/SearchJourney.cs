using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>The search box: its keyboard shortcut, the results with the words marked, and a result's link.</summary>
public class SearchJourney(BrowserPortal portal) : IClassFixture<BrowserPortal>, IAsyncLifetime
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    public async Task InitializeAsync() => await portal.Database.ExecuteAsync("""
        INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, is_demo)
        SELECT 'Kingfisher harbour talks', 'PortVisit', 'FaceToFace', CURRENT_DATE - 3, 'The kingfisher squadron called at the harbour', 'Positive', 'Unclassified', false
        WHERE NOT EXISTS (SELECT 1 FROM engagements WHERE title = 'Kingfisher harbour talks')
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SlashFocusesTheBoxEnterShowsMarkedResultsAndAResultOpensItsRecord()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "analyst");
        // The router focuses the heading once the page is interactive; a "/" pressed before that would lose the box's focus to it.
        await Assertions.Expect(page.Locator("h1")).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("/");
        await Assertions.Expect(page.Locator("#portal-search")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("kingfisher");
        await page.Keyboard.PressAsync("Enter");

        // Polled rather than awaited as a navigation: Blazor navigates inside the page (history.pushState), which fires no load event.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/search\\?q=kingfisher$"));
        var results = page.Locator("ol.search-results");
        await Assertions.Expect(results.Locator("mark").First).ToHaveTextAsync("Kingfisher");
        await Assertions.Expect(page.Locator("[data-testid=search-count]")).ToContainTextAsync("1 match");
        await Assertions.Expect(page.Locator("#portal-search")).ToHaveValueAsync("kingfisher");

        var axe = await page.RunAxe();
        var violations = axe.Violations.Where(v => BlockingImpacts.Contains(v.Impact))
            .Select(v => $"axe {v.Impact} {v.Id}: {v.Help} ({string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))})")
            .ToList();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));

        await results.Locator("a.search-title").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/engagements/[0-9]+$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Kingfisher harbour talks");

        Assert.Empty(errors);
    }
}
