using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>
/// An exercise imported from the Multinational Military Exercises data set cites its row, and a date whose
/// day the data set does not know is shown as its month, never as an invented 1st (ADR 0007).
/// </summary>
public partial class ImportedExerciseSource(BrowserPortal portal) : IClassFixture<BrowserPortal>, IAsyncLifetime
{
    // As MmeImport writes row mme88 of the data set: January 1980, no day known, stored as its whole month.
    public async Task InitializeAsync() => await portal.Database.ExecuteAsync("""
        INSERT INTO exercises (name, kind, status, host_nation_id, location, starts_on, ends_on, starts_on_precision, ends_on_precision, source_key, classification, is_demo)
        SELECT 'Saudi Arabian skies', 'Air', 'Completed', (SELECT id FROM nations WHERE code = 'EGY'), 'Egypt', '1980-01-01', '1980-01-31', 'Month', 'Month', 'mme:mme88', 'Unclassified', false
        WHERE NOT EXISTS (SELECT 1 FROM exercises WHERE source_key = 'mme:mme88');
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheExercisePageCitesItsRowAndShowsTheMonthNotAnInventedDay()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "analyst");

        await page.GotoAsync("/exercises?q=%22Saudi%20Arabian%20skies%22");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        var row = page.Locator(".mud-table tr", new() { HasText = "Saudi Arabian skies" });
        await Assertions.Expect(row.Locator("td[data-label=Dates]")).ToHaveTextAsync("Jan 1980");
        await row.GetByRole(AriaRole.Link, new() { Name = "Saudi Arabian skies" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(ExercisePage());
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Saudi Arabian skies");
        await Assertions.Expect(page.GetByText("Air exercise, Jan 1980 · Completed")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("1 Jan 1980")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("exercise-source")).ToContainTextAsync(
            "Source: Multinational Military Exercises 1980–2010 (D'Orazio & Galambos 2021), Harvard Dataverse, doi:10.7910/DVN/KHFODX, row MMEID mme88");
        await Assertions.Expect(page.GetByTestId("exercise-source").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "https://doi.org/10.7910/DVN/KHFODX");
        await page.AssertNoBlockingAxeViolationsAsync();
        Assert.Empty(errors);
    }

    [GeneratedRegex("/exercises/[0-9]+(\\?.*)?$")]
    private static partial Regex ExercisePage();
}
