using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>"Engagements between France and Germany": two nations picked, only records with both, and both in the address.</summary>
public partial class MultiNationFilter(BrowserPortal portal) : IClassFixture<BrowserPortal>, IAsyncLifetime
{

    public async Task InitializeAsync() => await portal.Database.ExecuteAsync("""
        INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, is_demo)
        SELECT t, 'StaffTalks', 'FaceToFace', CURRENT_DATE + d, 'Multi-nation filter', 'Positive', 'Unclassified', false
        FROM (VALUES ('Franco-German brigade talks', 1), ('French talks alone', 2), ('German talks alone', 3)) AS v(t, d)
        WHERE NOT EXISTS (SELECT 1 FROM engagements WHERE title = v.t);
        INSERT INTO engagement_participants (engagement_id, nation_id, is_lead)
        SELECT e.id, n.id, n.code = 'FRA' FROM engagements e JOIN nations n
            ON (n.code = 'FRA' AND e.title IN ('Franco-German brigade talks', 'French talks alone'))
            OR (n.code = 'DEU' AND e.title IN ('Franco-German brigade talks', 'German talks alone'))
        ON CONFLICT DO NOTHING;
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task FranceAndGermanyShowOnlyTheirCommonEngagementsWithBothInTheAddress()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "analyst");
        await page.GotoAsync("/engagements");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        var nations = page.Locator(".nation-picker input");

        await nations.ClickAsync();
        await nations.PressSequentiallyAsync("France");
        await page.GetByText("France (FRA)", new() { Exact = true }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/engagements\\?nation=FRA$"));
        await Assertions.Expect(page.GetByText("French talks alone")).ToBeVisibleAsync();
        await nations.FillAsync("");
        await nations.PressSequentiallyAsync("Germany");
        await page.GetByText("Germany (DEU)", new() { Exact = true }).First.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/engagements\\?nation=FRA&nation=DEU$"));
        await Assertions.Expect(page.GetByText("Franco-German brigade talks")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("French talks alone")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("German talks alone")).ToHaveCountAsync(0);
        foreach (var participants in await page.Locator("td[data-label=Participants]").AllInnerTextsAsync())
        {
            Assert.Contains("France", participants, StringComparison.Ordinal);
            Assert.Contains("Germany", participants, StringComparison.Ordinal);
        }

        // Both chosen nations are shown, and removing one widens the list again.
        var chosen = page.Locator(".nation-picker .mud-chip");
        await Assertions.Expect(chosen).ToHaveTextAsync(["France (FRA)", "Germany (DEU)"]);
        await page.AssertNoBlockingAxeViolationsAsync();

        await chosen.Filter(new() { HasText = "Germany" }).Locator("button").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/engagements\\?nation=FRA$"));
        await Assertions.Expect(page.GetByText("French talks alone")).ToBeVisibleAsync();

        Assert.Empty(errors);
    }
}
