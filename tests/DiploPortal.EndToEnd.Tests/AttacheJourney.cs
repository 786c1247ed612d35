using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>A staff officer in a real Chromium narrows the attaché list, opens an attaché, files a report and finds it in the attaché's reports.</summary>
public class AttacheJourney(BrowserPortal portal) : IClassFixture<BrowserPortal>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.Database.ExecuteAsync("""
        INSERT INTO attaches (full_name, rank, service, post, sending_nation_id, host_nation_id, posted_from, classification, is_demo)
        SELECT t.name, 'Colonel', 'Army', 'Defence', (SELECT id FROM nations WHERE code = t.sending), (SELECT id FROM nations WHERE code = t.host), DATE '2024-01-01', 'Restricted', false
        FROM (VALUES ('Anna Lindqvist', 'FRA', 'GBR'), ('Otto Falk', 'DEU', 'ITA')) AS t(name, sending, host)
        WHERE NOT EXISTS (SELECT 1 FROM attaches WHERE full_name = t.name);
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task FiltersTheListOpensAnAttacheAndFilesAReport()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "staff");

        await page.GotoAsync("/attaches");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        await page.GetByLabel("Words").FillAsync("Lindqvist");
        await BrowserPortal.ExpectAddressAsync(page, new System.Text.RegularExpressions.Regex("/attaches\\?q=Lindqvist$"));
        await Assertions.Expect(page.Locator("[data-testid=match-count]")).ToContainTextAsync("1 attaché match");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Otto Falk" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Anna Lindqvist" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Colonel Anna Lindqvist");

        await BrowserPortal.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "New report" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("New report");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        var axe = await page.RunAxe();
        var blocking = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(blocking.Count == 0, string.Join(Environment.NewLine, blocking));
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Channel coastal radar assessment");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Report" }).FillAsync("The new radars cover the approaches to Portsmouth.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create report" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Channel coastal radar assessment");

        await page.GetByRole(AriaRole.Link, new() { Name = "All reports of this attaché" }).ClickAsync();
        await BrowserPortal.ExpectAddressAsync(page, new System.Text.RegularExpressions.Regex("/attaches/reports\\?attache=[^&]+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Channel coastal radar assessment" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=match-count]")).ToContainTextAsync("1 report");
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM attache_reports r JOIN attaches a ON a.id = r.attache_id WHERE a.full_name = 'Anna Lindqvist' AND r.title = 'Channel coastal radar assessment'"));
        Assert.Empty(errors);
    }
}
