using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>Steps of the exercise life cycle and milestone journeys, as a person takes them in the browser.</summary>
internal static class LifecycleSteps
{
    /// <summary>Types a day into a date field and leaves it, waiting until the day is read (the field says so).</summary>
    public static async Task TypeDayAsync(this IPage page, string label, string day)
    {
        var field = page.GetByLabel(label, new() { Exact = true });
        await field.FillAsync(day);
        await field.PressAsync("Tab");
        await Assertions.Expect(field).ToHaveValueAsync(day);
    }

    /// <summary>Clicks a life-cycle button and waits until the status shown is the new one.</summary>
    public static async Task TakeStepAsync(this IPage page, string button, string status)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=lifecycle] [data-testid=status]")).ToContainTextAsync(status);
    }

    /// <summary>The rows of the status history, as "From → To" texts with who and why.</summary>
    public static ILocator HistoryRows(this IPage page) => page.Locator("[data-testid=lifecycle] tbody tr");

    /// <summary>Types part of a name into a nation picker, clicks the nation offered and waits until it is chosen (as PlannerJourney does).</summary>
    public static async Task PickNationAsync(this IPage page, string label, string typed, string option)
    {
        var box = page.GetByLabel(label, new() { Exact = true });
        await box.FillAsync(typed);
        await page.GetByText(option, new() { Exact = true }).ClickAsync();
        await Assertions.Expect(box).ToHaveValueAsync(option);
    }
}
