using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>An administrator creates an account and locks it, in a real Chromium.</summary>
public class AccountAdministrationJourney(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    [Fact]
    public async Task AnAdministratorCreatesAnAccountAndLocksIt()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "admin");
        var userName = $"journey-{Guid.NewGuid():N}"[..16];

        await page.Locator("nav a[href='/admin/accounts']").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New account" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("New account");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Initial password").FillAsync("a journey through the portal");
        await page.GetByLabel("Display name").FillAsync("Journey analyst");
        await ChooseAsync(page, "Role", "Analyst");
        await ChooseAsync(page, "Clearance", "Confidential");
        // The nationality starts as the administrator's own, the only one they can give.
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await BrowserPortal.ExpectAddressAsync(page, new System.Text.RegularExpressions.Regex(@"/admin/accounts/\d+\?created=true$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Journey analyst");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Account created");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(userName);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("CONFIDENTIAL");
        var axe = await page.RunAxe();

        await page.GetByRole(AriaRole.Button, new() { Name = "Lock", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Lock", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Locked by an administrator");

        await page.GetByRole(AriaRole.Link, new() { Name = "All accounts" }).ClickAsync();
        var row = page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = userName }) });
        await Assertions.Expect(row).ToContainTextAsync("Locked");
        var violations = axe.Violations.Where(v => BlockingImpacts.Contains(v.Impact))
            .Select(v => $"axe {v.Impact} {v.Id}: {v.Help} ({string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))})")
            .ToList();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        Assert.Empty(errors);
    }

    /// <summary>Picks an option of a MudSelect, as a person does: open it, click the option.</summary>
    private static async Task ChooseAsync(IPage page, string label, string option)
    {
        await page.GetByLabel(label).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }
}
