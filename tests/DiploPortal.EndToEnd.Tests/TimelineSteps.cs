using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>Steps on the exercise timeline taken with the keyboard alone.</summary>
public static class TimelineSteps
{
    /// <summary>Tabs to the exercise's Move button, opens the panel with Enter, then tabs to the shift button <paramref name="shift"/> and presses it.</summary>
    public static async Task MoveExerciseByKeyboardAsync(this IPage page, string exercise, string shift)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.TabToAsync($"button[aria-label='Move {exercise}']", maxPresses: 120);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Move {exercise}" })).ToBeFocusedAsync();
        await page.PressOnFocusableAsync(shift);
    }

    /// <summary>Tabs to the button whose text is <paramref name="text"/> and presses Enter on it.</summary>
    public static async Task PressOnFocusableAsync(this IPage page, string text)
    {
        ArgumentNullException.ThrowIfNull(page);
        await KeyboardSteps.TabUntilAsync(
            page,
            () => page.EvaluateAsync<bool>("t => document.activeElement !== null && document.activeElement.tagName === 'BUTTON' && document.activeElement.textContent.trim() === t", text),
            text,
            40);
        await page.Keyboard.PressAsync("Enter");
    }
}
