using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>An administrator adds a training area and turns a nation's assumed capacity into a sourced figure.</summary>
public class ReferenceDataAdministration(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string Source = "Icelandic Coast Guard annual report 2025";

    [Fact]
    public async Task AnAdministratorAddsATrainingAreaAndSourcesANationsCapacity()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "admin");

        await page.GotoAsync("/admin");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Training areas" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Training areas");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add training area" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("New training area");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        var nation = page.GetByLabel("Nation", new() { Exact = true });
        await nation.FillAsync("Icel");
        await page.GetByText("Iceland (ISL)", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(nation).ToHaveValueAsync("Iceland (ISL)");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Keflavik Range");
        await page.GetByLabel("Source", new() { Exact = true }).FillAsync("https://example.org/keflavik");
        await page.AssertNoBlockingAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create training area" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Training areas");
        var area = page.Locator("tr", new() { Has = page.GetByText("Keflavik Range", new() { Exact = true }) });
        await Assertions.Expect(area).ToContainTextAsync("Iceland");
        await Assertions.Expect(area).ToContainTextAsync("https://example.org/keflavik");
        await page.AssertNoBlockingAxeViolationsAsync();

        await page.GotoAsync("/admin/capacities");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        var iceland = page.Locator("tr", new() { Has = page.GetByText("Iceland", new() { Exact = true }) });
        await Assertions.Expect(iceland).ToContainTextAsync("Assumption:");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit Iceland" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Capacity of Iceland");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        await page.GetByLabel("These figures are an assumption, not a sourced number").UncheckAsync();
        await page.GetByLabel("Source", new() { Exact = true }).FillAsync(Source);
        await page.AssertNoBlockingAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Nation capacities");
        await Assertions.Expect(iceland).ToContainTextAsync($"Source: {Source}");
        await Assertions.Expect(iceland).Not.ToContainTextAsync("Assumption:");
        Assert.Empty(errors);
    }
}
