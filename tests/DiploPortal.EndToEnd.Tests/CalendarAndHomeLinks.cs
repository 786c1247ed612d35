using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>An exercise named on the calendar (its grid and its table) and on the home page opens its record.</summary>
public partial class CalendarAndHomeLinks(BrowserPortal portal) : IClassFixture<BrowserPortal>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.Database.ExecuteAsync("""
        INSERT INTO exercises (name, kind, status, host_nation_id, starts_on, ends_on, classification, is_demo)
        SELECT 'Ospreylink drill', 'Field', 'Approved', (SELECT id FROM nations WHERE code = 'NOR'), CURRENT_DATE, CURRENT_DATE + 1, 'Unclassified', false
        WHERE NOT EXISTS (SELECT 1 FROM exercises WHERE name = 'Ospreylink drill');
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheCalendarGridAndTableOpenTheExercise()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "analyst");
        var month = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        await page.GotoAsync($"/calendar?month={month}");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        await page.Locator(".calendar-events a", new() { HasText = "Ospreylink drill" }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(ExercisePage());
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Ospreylink drill");

        await page.GotoAsync($"/calendar?month={month}");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        var row = page.Locator(".mud-table tr", new() { HasText = "Ospreylink drill" });
        await Assertions.Expect(row.Locator("td[data-label=Status]")).ToHaveTextAsync("Approved");
        await row.GetByRole(AriaRole.Link, new() { Name = "Ospreylink drill" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(ExercisePage());
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Ospreylink drill");

        Assert.Empty(errors);
    }

    [Fact]
    public async Task TheHomePagesUpcomingExerciseOpensTheExercise()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "analyst");
        await page.GotoAsync("/");
        await BrowserPortal.WaitUntilInteractiveAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Ospreylink drill" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(ExercisePage());
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Ospreylink drill");
        Assert.Empty(errors);
    }

    [GeneratedRegex("/exercises/[0-9]+$")]
    private static partial Regex ExercisePage();
}
