using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>Helpers for the phone-width and theme journeys: pages of a chosen size and colour scheme, sideways scroll, axe.</summary>
public static class PhoneAndThemeBrowsing
{
    public const int PhoneWidth = 390;

    public static Task<(IPage Page, List<string> Errors)> OpenPhonePageAsync(this BrowserPortal portal, ColorScheme colorScheme = ColorScheme.Light) =>
        portal.OpenPageAsync(PhoneWidth, 844, colorScheme);

    /// <summary>
    /// How far the page scrolls sideways beyond its viewport, with the widest elements that stick out
    /// (so that a failure says what to fix).
    /// </summary>
    public static async Task<string?> SidewaysScrollAsync(IPage page)
    {
        var report = await page.EvaluateAsync<string>("""
            () => {
              const width = document.documentElement.clientWidth;
              const scroll = document.documentElement.scrollWidth;
              if (scroll <= width) return "";
              const culprits = [...document.querySelectorAll("body *")]
                .filter(e => e.getBoundingClientRect().right > width + 1)
                .slice(-5)
                .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")} right=${Math.round(e.getBoundingClientRect().right)}`);
              return `scrollWidth ${scroll} > ${width}: ${culprits.join(", ")}`;
            }
            """);
        return report.Length == 0 ? null : report;
    }

    /// <summary>Opens an address with a full load and waits for the interactive circuit.</summary>
    public static async Task OpenAsync(IPage page, string address)
    {
        await page.GotoAsync(address);
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        await page.Locator("h1").First.WaitForAsync();
    }
}
