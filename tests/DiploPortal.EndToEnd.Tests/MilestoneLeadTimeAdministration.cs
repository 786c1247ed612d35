using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>An administrator changes a standard milestone lead time in a real Chromium; the change is audited.</summary>
public class MilestoneLeadTimeAdministration(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task AnAdministratorChangesTheFinalPlanningConferencesLeadTime()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "admin");
        await page.GotoAsync("/admin");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Milestone lead times" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Milestone lead times");
        await BrowserPortal.WaitUntilInteractiveAsync(page);

        var days = page.GetByLabel("Days for Final planning conference", new() { Exact = true });
        await Assertions.Expect(days).ToHaveValueAsync("-60");
        await days.FillAsync("-45");
        await days.PressAsync("Tab");
        await Assertions.Expect(days).ToHaveValueAsync("-45");
        await page.AssertNoBlockingAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save lead times" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Lead times saved.")).ToBeVisibleAsync();
        Assert.Equal(-45, await portal.Database.ScalarAsync<int>("SELECT days FROM milestone_lead_times WHERE kind = 'FinalPlanningConference'"));
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_entries WHERE entity_type = 'MilestoneLeadTime' AND action = 'Updated' AND actor = 'admin'"));
        Assert.Empty(errors);
    }
}
