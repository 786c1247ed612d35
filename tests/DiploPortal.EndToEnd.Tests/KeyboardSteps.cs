using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>Moving through a page with the Tab key only, as a keyboard user does.</summary>
public static class KeyboardSteps
{
    /// <summary>
    /// Presses Tab until the focused element matches <paramref name="selector"/> (a CSS selector, tested with
    /// <c>matches</c>), at most <paramref name="maxPresses"/> times; fails when it never gets there.
    /// </summary>
    public static Task TabToAsync(this IPage page, string selector, int maxPresses = 80) =>
        TabUntilAsync(page, () => page.EvaluateAsync<bool>("s => document.activeElement !== null && document.activeElement.matches(s)", selector), selector, maxPresses);

    /// <summary>Presses Tab until <paramref name="focused"/> says the focus is where it should be; fails saying where it is.</summary>
    public static async Task TabUntilAsync(IPage page, Func<Task<bool>> focused, string target, int maxPresses)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(focused);
        for (var i = 0; i <= maxPresses; i++)
        {
            if (await focused())
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        var where = await page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.outerHTML.slice(0, 200) : 'nothing'");
        throw new InvalidOperationException($"{maxPresses} presses of Tab never reached {target}; the focus is on {where}.");
    }

    /// <summary>
    /// Picks a nation in the focused nation picker by typing <paramref name="typed"/> and pressing Enter on the
    /// highlighted suggestion, once <paramref name="suggestion"/> is offered. Whatever the box still holds is
    /// deleted first (Control+A, Backspace), and the typing is checked before Enter.
    /// </summary>
    public static async Task PickNationByKeyboardAsync(this IPage page, string typed, string suggestion)
    {
        ArgumentNullException.ThrowIfNull(page);
        var box = page.Locator(":focus");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Backspace");
        await Assertions.Expect(box).ToHaveValueAsync("");
        await page.Keyboard.TypeAsync(typed);
        await Assertions.Expect(box).ToHaveValueAsync(typed);
        await Assertions.Expect(page.GetByText(suggestion, new() { Exact = true }).First).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
    }
}
