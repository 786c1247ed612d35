using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>A record opened from a filtered list leads back to the same filters: from its page, from its editor, and after a reload.</summary>
public class BackToFilteredList(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string FilteredList = "/engagements?kind=StaffTalks&q=Quillon";

    [Fact]
    public async Task TheBackLinkReturnsToTheFilteredList()
    {
        var id = await portal.InsertEngagementAsync("Quillon talks on training");
        var (page, errors) = await portal.OpenAsStaffAsync(FilteredList);
        await page.GetByRole(AriaRole.Link, new() { Name = "Quillon talks on training" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Quillon talks on training");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/engagements/{id}\\?back="));

        // A full page load of the record (a reload, or the link opened in a new tab) still knows the list.
        await page.ReloadAsync();
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "All engagements" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(FilteredList) + "$"));
        await Assertions.Expect(page.GetByLabel("Words")).ToHaveValueAsync("Quillon");

        // Through the editor and back: Cancel, then the record's back link.
        await page.GetByRole(AriaRole.Link, new() { Name = "Quillon talks on training" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Edit engagement");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Quillon talks on training");
        await page.GetByRole(AriaRole.Link, new() { Name = "All engagements" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(FilteredList) + "$"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task AnAddressOfAnotherSiteIsNeverTheWayBack()
    {
        var id = await portal.InsertEngagementAsync("Quillon talks on the way back");
        var (page, errors) = await portal.OpenAsStaffAsync($"/engagements/{id}?back=%2F%2Fevil.example%2Fengagements");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Quillon talks on the way back");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "All engagements" })).ToHaveAttributeAsync("href", "/engagements");
        Assert.Empty(errors);
    }
}
