using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>An administrator adds a training area, turns a nation's assumed capacity into a sourced figure, and cannot delete an area in use.</summary>
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

    [Fact]
    public async Task AnAdministratorIsToldWhyATrainingAreaInUseIsNotDeleted()
    {
        await portal.Database.ExecuteAsync("""
            INSERT INTO exercises (name, kind, status, host_nation_id, training_area_id, starts_on, ends_on, classification, is_demo)
            SELECT 'Exercise Plain Anvil', 'Field', 'Planning', (SELECT id FROM nations WHERE code = 'GBR'),
                   (SELECT id FROM training_areas WHERE name = 'Salisbury Plain Training Area'), DATE '2034-06-05', DATE '2034-06-09', 'Unclassified', false
            WHERE NOT EXISTS (SELECT 1 FROM exercises WHERE name = 'Exercise Plain Anvil');
            """);
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "admin");

        await page.GotoAsync("/admin/training-areas");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit Salisbury Plain Training Area" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Edit training area");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete for good" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Salisbury Plain Training Area is the training area of 1 exercise; choose another area for it first." }))
            .ToBeVisibleAsync();
        await page.GotoAsync("/admin/training-areas");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit Salisbury Plain Training Area" })).ToBeVisibleAsync();
        Assert.Empty(errors);
    }
}
