using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>The portal on a 390-pixel phone: the header's actions in reach, no sideways scrolling, list filters folded away, axe clean.</summary>
public class PhoneLayoutJourney(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task TheHeaderMenuOffersTheThemeAndSignOutOnAPhone()
    {
        var (page, errors) = await portal.OpenPhonePageAsync();
        await BrowserPortal.SignInAsync(page, "staff");

        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Account and theme" });
        await Assertions.Expect(menu).ToBeInViewportAsync();
        await menu.ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Dark theme" }).ClickAsync();
        await Assertions.Expect(page.Locator(".portal-root")).ToHaveAttributeAsync("data-theme", "dark");

        await menu.ClickAsync();
        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "Sign out" });
        await Assertions.Expect(signOut).ToBeInViewportAsync();
        await signOut.ClickAsync();
        await BrowserPortal.ExpectAddressAsync(page, new System.Text.RegularExpressions.Regex("/account/sign-in"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task TheNavigationDrawerStartsClosedOnAPhoneAndClosesAfterAChoice()
    {
        var (page, errors) = await portal.OpenPhonePageAsync();
        await BrowserPortal.SignInAsync(page, "staff");

        var show = page.GetByRole(AriaRole.Button, new() { Name = "Show navigation" });
        await Assertions.Expect(show).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("h1")).ToBeInViewportAsync();

        await show.ClickAsync();
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Portal sections" });
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Engagements" }).ClickAsync();
        await BrowserPortal.ExpectAddressAsync(page, new System.Text.RegularExpressions.Regex("/engagements$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Engagements");
        await Assertions.Expect(show).ToBeVisibleAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task HomeAListADetailPageAndTheDashboardDoNotScrollSidewaysAndPassAxe()
    {
        var (page, errors) = await portal.OpenPhonePageAsync();
        await BrowserPortal.SignInAsync(page, "analyst");

        var problems = new List<string>();
        foreach (var address in new[] { "/", "/engagements", "/nations/FRA", "/alliances/NATO", "/dashboards" })
        {
            await PhoneAndThemeBrowsing.OpenAsync(page, address);
            if (await PhoneAndThemeBrowsing.SidewaysScrollAsync(page) is { } scroll)
            {
                problems.Add($"{address}: {scroll}");
            }

            problems.AddRange(await page.BlockingAxeViolationsAsync(address));
        }

        problems.AddRange(errors.Select(e => $"console: {e}"));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task AListsFiltersAreFoldedAwayBehindAToggleThatCountsTheActiveOnes()
    {
        var (page, errors) = await portal.OpenPhonePageAsync();
        await BrowserPortal.SignInAsync(page, "staff");

        await PhoneAndThemeBrowsing.OpenAsync(page, "/engagements?q=talks");
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Filters (1 active)" });
        await Assertions.Expect(toggle).ToBeVisibleAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(page.GetByLabel("Words")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("main table").First).ToBeInViewportAsync();

        await toggle.ClickAsync();
        await Assertions.Expect(page.GetByLabel("Words")).ToBeVisibleAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");

        Directory.CreateDirectory(BrowserPortal.ArtifactDirectory);
        await toggle.ClickAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserPortal.ArtifactDirectory, "phone-engagements.png") });
        Assert.Empty(errors);
    }
}
