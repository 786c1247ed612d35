using System.Text.RegularExpressions;
using DiploPortal.TestSupport;
using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>
/// The portal on a real loopback port with a little demo data, and Debian's Chromium driven by
/// Playwright (never a downloaded browser: the machines have no internet).
/// </summary>
public sealed class BrowserPortal : PortalWebFactory
{
    private IPlaywright? _playwright;

    public Uri Address { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go (./test.sh keeps them as artifacts).</summary>
    public static string ArtifactDirectory =>
        Environment.GetEnvironmentVariable("DIPLOPORTAL_TEST_ARTIFACTS") is { Length: > 0 } path
            ? path
            : Path.Combine(AppContext.BaseDirectory, "artifacts");

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Portal:Setup:DemoData"] = "true",
        ["Portal:Setup:DemoEngagements"] = "300",
        ["Portal:Setup:DemoAccounts"] = "true",
        ["Portal:RateLimits:SignIn:PermitLimit"] = "1000",
        // Open circuits check their session every few seconds instead of every minute, so that a journey
        // can watch a sign-out end another tab (TwoTabSignOutJourney) without waiting a minute.
        ["Portal:Sessions:RevalidationInterval"] = "00:00:03",
    };

    /// <summary>The interval set above.</summary>
    public static readonly TimeSpan RevalidationInterval = TimeSpan.FromSeconds(3);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Address = StartKestrel();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("DIPLOPORTAL_CHROMIUM") is { Length: > 0 } chromium ? chromium : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// A page whose console errors and uncaught exceptions are collected for assertions, of the given size and
    /// device colour setting. Reduced motion: the portal then shows and hides its messages without a fade, so
    /// an axe run never meets one half-transparent (a contrast failure that depends on timing).
    /// </summary>
    public async Task<(IPage Page, List<string> Errors)> OpenPageAsync(int width = 1400, int height = 900, ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = colorScheme,
            ReducedMotion = ReducedMotion.Reduce,
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return (page, errors);
    }

    /// <summary>Signs in through the sign-in page, as a person does, and waits for the interactive portal.</summary>
    public static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(DiploPortal.Web.Accounts.DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await WaitUntilInteractiveAsync(page);
    }

    /// <summary>
    /// Waits until the Blazor circuit is connected: a click before that is silently lost.
    /// The layout marks its root with data-interactive once it renders interactively.
    /// </summary>
    public static async Task WaitUntilInteractiveAsync(IPage page) =>
        await page.Locator("[data-interactive=true]").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

    /// <summary>
    /// Waits until the page's address matches <paramref name="address"/>, by reading the address until it does.
    /// Not <c>WaitForURLAsync</c>: that waits for a navigation event, and an in-circuit navigation (history.pushState)
    /// that lands while its waiter is being set up is never seen, so a loaded machine timed out with the address
    /// already right (TypingDates failed 6 runs in 6 that way under load, and 0 in 8 with this wait).
    /// </summary>
    public static async Task ExpectAddressAsync(IPage page, Regex address) =>
        await Assertions.Expect(page).ToHaveURLAsync(address, new PageAssertionsToHaveURLOptions { Timeout = 30_000 });

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}
