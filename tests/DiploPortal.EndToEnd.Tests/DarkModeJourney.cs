using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>The dark theme: chosen and kept across reloads, taken from the device's setting, and accessible.</summary>
public class DarkModeJourney(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    // The dark palette's background (PortalTheme), as the browser reports it.
    private const string DarkBackground = "rgb(15, 23, 34)";

    [Fact]
    public async Task ADarkThemeChosenInTheMenuIsStillDarkAfterAReload()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "staff");

        await page.GetByRole(AriaRole.Button, new() { Name = "Theme: " }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Dark theme" }).ClickAsync();
        await Assertions.Expect(page.Locator(".portal-root")).ToHaveAttributeAsync("data-theme", "dark");

        await page.ReloadAsync();
        // Dark in the HTML the server sent, before the circuit connects: no flash of the light theme.
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        Assert.Equal(DarkBackground, await BodyBackgroundAsync(page));
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator(".portal-root")).ToHaveAttributeAsync("data-theme", "dark");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Theme: Dark theme" })).ToBeVisibleAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task TheFirstVisitFromADeviceSetToDarkIsDark()
    {
        var (page, errors) = await portal.OpenPageAsync(1400, 900, ColorScheme.Dark);
        await BrowserPortal.SignInAsync(page, "staff");

        await Assertions.Expect(page.Locator(".portal-root")).ToHaveAttributeAsync("data-theme", "dark");
        // The theme provider's colours follow the attribute in a later render: wait for them, do not read once.
        await Assertions.Expect(page.Locator("body")).ToHaveCSSAsync("background-color", DarkBackground);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Theme: Same as this device" })).ToBeVisibleAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task ListDetailDashboardHomeAndSignInPassAxeInTheDarkTheme()
    {
        var (page, errors) = await portal.OpenPageAsync(1400, 900, ColorScheme.Dark);
        await page.Context.AddCookiesAsync([new Cookie { Name = "DiploPortal.Theme", Value = "dark", Url = portal.Address.ToString() }]);

        var problems = new List<string>();
        await page.GotoAsync("/account/sign-in");
        Assert.Equal(DarkBackground, await BodyBackgroundAsync(page, ".account-layout"));
        problems.AddRange(await page.BlockingAxeViolationsAsync("/account/sign-in"));

        await BrowserPortal.SignInAsync(page, "analyst");
        foreach (var address in new[] { "/", "/engagements", "/nations/FRA", "/dashboards" })
        {
            await PhoneAndThemeBrowsing.OpenAsync(page, address);
            problems.AddRange(await page.BlockingAxeViolationsAsync(address));
        }

        // And on a phone, where the header is a menu and the filters are folded.
        var (phone, phoneErrors) = await portal.OpenPhonePageAsync(ColorScheme.Dark);
        await BrowserPortal.SignInAsync(phone, "analyst");
        await PhoneAndThemeBrowsing.OpenAsync(phone, "/engagements");
        problems.AddRange(await phone.BlockingAxeViolationsAsync("/engagements at 390 px, dark"));

        problems.AddRange(errors.Concat(phoneErrors).Select(e => $"console: {e}"));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static Task<string> BodyBackgroundAsync(IPage page, string selector = "body") =>
        page.EvaluateAsync<string>($"() => getComputedStyle(document.querySelector('{selector}')).backgroundColor");
}
