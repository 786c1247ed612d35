using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>A staff officer's day in a real Chromium: find a record, open it, edit it, export the list; and two people editing at once.</summary>
public class StaffJourney(BrowserPortal portal) : IClassFixture<BrowserPortal>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.Database.ExecuteAsync("""
        INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, is_demo)
        SELECT t, 'StaffTalks', 'FaceToFace', DATE '2025-01-15', 'Liaison on coastal surveillance radars', 'Positive', 'Restricted', false
        FROM unnest(ARRAY['Operation Kestrel liaison talks', 'Operation Merlin liaison talks']) AS t
        WHERE NOT EXISTS (SELECT 1 FROM engagements WHERE title = t);
        INSERT INTO engagement_participants (engagement_id, nation_id, is_lead)
        SELECT e.id, (SELECT id FROM nations WHERE code = 'GBR'), true FROM engagements e
        WHERE e.title IN ('Operation Kestrel liaison talks', 'Operation Merlin liaison talks')
        ON CONFLICT DO NOTHING;
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task FindsOpensEditsAndExportsARecord()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "staff");

        // The search box in the top bar, on any page.
        await page.Locator("#portal-search").FillAsync("Kestrel");
        await page.Locator("#portal-search").PressAsync("Enter");
        // An assertion rather than a wait, so that a failure says where the page went instead.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/search\\?q=Kestrel$"), new PageAssertionsToHaveURLOptions { Timeout = 30_000 });
        await page.Locator("ol.search-results a.search-title").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Operation Kestrel liaison talks");

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Edit engagement");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        var axe = await page.RunAxe();
        var blocking = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(blocking.Count == 0, string.Join(Environment.NewLine, blocking));
        await page.GetByLabel("Title").FillAsync("Operation Kestrel liaison talks (revised)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Operation Kestrel liaison talks (revised)");

        // The list, narrowed with its own words filter, exported.
        await page.GotoAsync("/engagements");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        await page.GetByLabel("Words").FillAsync("Kestrel");
        await BrowserPortal.ExpectAddressAsync(page, new System.Text.RegularExpressions.Regex("/engagements\\?q=Kestrel$"));
        await Assertions.Expect(page.Locator("[data-testid=export-csv]")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("q=Kestrel"));
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=export-csv]").ClickAsync());
        var path = Path.Combine(BrowserPortal.ArtifactDirectory, "staff-export.csv");
        await download.SaveAsAsync(path);
        var lines = await File.ReadAllLinesAsync(path);
        Assert.Contains("# Filters: text: Kestrel; sort: Newest", lines);
        Assert.Contains(lines, l => l.Contains(",Operation Kestrel liaison talks (revised),StaffTalks,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Merlin", StringComparison.Ordinal));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task ShowsBothVersionsWhenSomeoneElseSavedFirst()
    {
        var id = await portal.Database.ScalarAsync<int>("SELECT id FROM engagements WHERE title = 'Operation Merlin liaison talks'");
        var (mine, errors) = await portal.OpenPageAsync();
        var (theirs, _) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(mine, "staff");
        await BrowserPortal.SignInAsync(theirs, "staff");
        foreach (var page in new[] { mine, theirs })
        {
            await page.GotoAsync($"/engagements/{id}/edit");
            await BrowserPortal.WaitUntilInteractiveAsync(page);
            await Assertions.Expect(page.GetByLabel("Title")).ToHaveValueAsync("Operation Merlin liaison talks");
        }

        await theirs.GetByLabel("Title").FillAsync("Merlin talks, their title");
        await theirs.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(theirs.Locator("h1")).ToHaveTextAsync("Merlin talks, their title");

        await mine.GetByLabel("Title").FillAsync("Merlin talks, my title");
        await mine.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        var conflict = mine.Locator("[data-testid=conflict]");
        await Assertions.Expect(conflict).ToContainTextAsync("Merlin talks, their title");
        await Assertions.Expect(conflict).ToContainTextAsync("Merlin talks, my title");
        Assert.Equal("Merlin talks, their title", await portal.Database.ScalarAsync<string>($"SELECT title FROM engagements WHERE id = {id}"));

        await conflict.GetByRole(AriaRole.Button, new() { Name = "Save mine over theirs" }).ClickAsync();
        await Assertions.Expect(mine.Locator("h1")).ToHaveTextAsync("Merlin talks, my title");
        Assert.Empty(errors);
    }
}
