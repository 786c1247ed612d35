using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>Every entry of the navigation opens a working, accessible page in a real Chromium.</summary>
public class Navigation(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    [Fact]
    public async Task EveryNavigationEntryOpensWithoutErrorsOrSeriousAccessibilityViolations()
    {
        var (page, errors) = await portal.OpenPageAsync();
        // An administrator holds every permission, so every entry must open.
        await BrowserPortal.SignInAsync(page, "admin");

        // The entries come from the app's own navigation, so a new one is checked without editing this test.
        var links = await page.Locator("nav a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var targets = links.Distinct(StringComparer.Ordinal).ToList();
        Assert.True(targets.Count >= 9, $"Expected the navigation to hold every record kind, the calendar, dashboards and administration; found {string.Join(", ", targets)}");

        var problems = new List<string>();
        foreach (var href in targets)
        {
            await page.Locator($"nav a[href='{href}']").First.ClickAsync();
            await BrowserPortal.ExpectAddressAsync(page, new System.Text.RegularExpressions.Regex("^https?://[^/]+" + System.Text.RegularExpressions.Regex.Escape(new Uri(portal.Address, href).AbsolutePath.TrimEnd('/')) + "/?([?#].*)?$"));
            await page.Locator("h1").First.WaitForAsync();
            await BrowserPortal.WaitUntilInteractiveAsync(page);

            if (await page.Locator("#blazor-error-ui").IsVisibleAsync())
            {
                problems.Add($"{href}: the Blazor error bar is shown");
            }

            var axe = await page.RunAxe();
            problems.AddRange(axe.Violations
                .Where(v => BlockingImpacts.Contains(v.Impact))
                .Select(v => $"{href}: axe {v.Impact} {v.Id}: {v.Help} ({string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))})"));
        }

        problems.AddRange(errors.Select(e => $"console: {e}"));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task TheHomePageShowsRealFiguresAndIsKeptAsAScreenshot()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "analyst");

        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("DiploPortal"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("249");

        Directory.CreateDirectory(BrowserPortal.ArtifactDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserPortal.ArtifactDirectory, "home.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task TheSignInPageHasNoSeriousAccessibilityViolations()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await page.GotoAsync("/account/sign-in");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");

        var axe = await page.RunAxe();

        var blocking = axe.Violations.Where(v => BlockingImpacts.Contains(v.Impact)).Select(v => $"{v.Id}: {v.Help}").ToList();
        Assert.True(blocking.Count == 0, string.Join(Environment.NewLine, blocking));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task AnAlliancePageListsItsMembersOnTheChosenDay()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "planner");
        await page.GotoAsync("/alliances/NATO");
        await BrowserPortal.WaitUntilInteractiveAsync(page);

        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Founding member");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Finland");
        Assert.Empty(errors);
    }
}
