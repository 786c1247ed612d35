using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>
/// After a navigation the focus goes to the new page's heading (a screen reader says where the person is), but never
/// away from a field the person is already typing in: the call that moves it (PageFocus, js/page-focus.js) comes back
/// from the server after the page's first interactive render, which on a loaded machine is after the page is usable.
/// </summary>
public class FocusAfterNavigation(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task APageOpenedOrNavigatedToHasItsHeadingFocused()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "staff");
        await page.GotoAsync("/engagements");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Engagements");
        await Assertions.Expect(page.Locator("h1")).ToBeFocusedAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "New engagement" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("New engagement");
        await Assertions.Expect(page.Locator("h1")).ToBeFocusedAsync();
        Assert.Empty(errors);
    }
}
