using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>A save says "saved" on the page it lands on, and a delete says "deleted" on the list it returns to, filters kept.</summary>
public class SaveFeedback(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task SaysSavedOnTheRecordAfterASave()
    {
        var id = await portal.InsertEngagementAsync("Feedback talks before saving");
        var (page, errors) = await portal.OpenAsStaffAsync($"/engagements/{id}/edit");
        await Assertions.Expect(page.GetByLabel("Title")).ToHaveValueAsync("Feedback talks before saving");

        await page.GetByLabel("Title").FillAsync("Feedback talks after saving");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        // No question on the way out: the edit was saved.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Feedback talks after saving");
        await Assertions.Expect(page.Announcement("Engagement saved.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await page.AssertNoBlockingAxeViolationsAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task SaysDeletedOnTheFilteredListItCameFrom()
    {
        await portal.InsertEngagementAsync("Zephyrine talks to delete");
        await portal.InsertEngagementAsync("Zephyrine talks to keep");
        var (page, errors) = await portal.OpenAsStaffAsync("/engagements?kind=StaffTalks&q=Zephyrine");
        await page.GetByRole(AriaRole.Link, new() { Name = "Zephyrine talks to delete" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Zephyrine talks to delete");

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete for good" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/engagements\?kind=StaffTalks&q=Zephyrine$"));
        await Assertions.Expect(page.Announcement("Engagement deleted.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Zephyrine talks to keep" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Zephyrine talks to delete" })).ToHaveCountAsync(0);
        await page.AssertNoBlockingAxeViolationsAsync();
        Assert.Empty(errors);
    }
}
