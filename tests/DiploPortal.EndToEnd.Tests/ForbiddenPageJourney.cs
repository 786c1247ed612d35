using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>A planner who opens an administration page is told they have no access, as themselves, never shown a sign-in form.</summary>
public class ForbiddenPageJourney(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task APlannerLoadingAdministrationSeesTheNoAccessPageWithTheirNameAndNoSignInForm()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "planner");

        var response = await page.GotoAsync("/admin");
        await BrowserPortal.WaitUntilInteractiveAsync(page);

        Assert.Equal(403, response!.Status);
        await ExpectNoAccessPageAsync(page);
        Assert.DoesNotContain(errors, e => !e.Contains("403", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APlannerNavigatingToAdministrationInsideThePortalSeesTheSameNoAccessPage()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "planner");

        // No link offers it; an address typed into a link elsewhere in the portal is followed inside the circuit.
        await page.EvaluateAsync("() => Blazor.navigateTo('/admin/accounts')");
        await BrowserPortal.ExpectAddressAsync(page, new System.Text.RegularExpressions.Regex("/admin/accounts$"));

        await ExpectNoAccessPageAsync(page);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task ThePlannersNavigationOffersNoAdministration()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "planner");

        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Portal sections" });
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Calendar", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(navigation.GetByText("Administration")).ToHaveCountAsync(0);
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Accounts" })).ToHaveCountAsync(0);
        Assert.Empty(errors);
    }

    private static async Task ExpectNoAccessPageAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You do not have access to this page");
        await Assertions.Expect(page.Locator("[data-testid=not-permitted]")).ToContainTextAsync("signed in as planner");
        await Assertions.Expect(page.Locator("[data-testid=not-permitted]")).ToContainTextAsync("Administrator role");
        await Assertions.Expect(page.Locator("[data-testid=signed-in-user]")).ToHaveTextAsync("planner");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "home page" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Password")).ToHaveCountAsync(0);
    }
}
