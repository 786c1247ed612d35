using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>Moving through a form with the keyboard alone, as a person without a mouse does.</summary>
internal static class FormKeys
{
    /// <summary>
    /// Presses Tab until the element has the focus: the test reads where the focus is, but only keys move it.
    /// </summary>
    public static Task TabToAsync(this IPage page, ILocator target, int limit = 60) =>
        KeyboardSteps.TabUntilAsync(page, () => target.EvaluateAsync<bool>("e => e === document.activeElement"), target.ToString() ?? "", limit);

    /// <summary>Puts text into the focused box the way a paste does (the browser's own editing, so the box's maxlength applies).</summary>
    public static async Task PasteIntoAsync(this IPage page, ILocator box, string text)
    {
        await box.FocusAsync();
        await page.Keyboard.InsertTextAsync(text);
    }
}
