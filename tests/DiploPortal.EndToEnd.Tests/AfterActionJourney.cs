using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>
/// A planner in a real Chromium records an observation with its lesson and recommendation on a completed exercise,
/// finds it from the search box, and reads it beside the earlier edition's on the lessons-by-series page.
/// </summary>
public class AfterActionJourney(BrowserPortal portal) : IClassFixture<BrowserPortal>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.Database.ExecuteAsync("""
        INSERT INTO exercises (name, series_name, kind, status, host_nation_id, starts_on, ends_on, classification, is_demo)
        SELECT t.name, 'Frost Harbour', 'Naval', 'Completed', (SELECT id FROM nations WHERE code = 'NOR'), t.day, t.day + 11, 'Unclassified', false
        FROM (VALUES ('Exercise Frost Harbour 2024', DATE '2024-02-05'), ('Exercise Frost Harbour 2025', DATE '2025-02-03')) AS t(name, day)
        WHERE NOT EXISTS (SELECT 1 FROM exercises WHERE name = t.name);
        INSERT INTO exercise_observations (exercise_id, observation, lesson, recorded_on)
        SELECT id, 'Ice closed the inner harbour for two days', 'Plan an ice-free alternate berth', DATE '2024-02-20'
        FROM exercises WHERE name = 'Exercise Frost Harbour 2024' AND NOT EXISTS (SELECT 1 FROM exercise_observations o WHERE o.exercise_id = exercises.id);
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RecordsAnObservationFindsItFromTheSearchBoxAndReadsItWithTheSeriesLessons()
    {
        var exercise = await portal.Database.ScalarAsync<int>("SELECT id FROM exercises WHERE name = 'Exercise Frost Harbour 2025'");
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "planner");

        await page.GotoAsync($"/exercises/{exercise}");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        var section = page.Locator("#after-action");
        await Assertions.Expect(section).ToContainTextAsync("No observations recorded.");
        await section.GetByRole(AriaRole.Link, new() { Name = "Record an observation" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("New observation");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        // By role: the form itself is labelled "Observation" too.
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Observation" }).FillAsync("Walrus tugs berthed late at the quay");
        await page.GetByLabel("Lesson", new() { Exact = true }).FillAsync("Book tugs a week ahead");
        await page.GetByLabel("Recommendation", new() { Exact = true }).FillAsync("Add tug bookings to the logistics annex");
        await page.AssertNoBlockingAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create observation" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/exercises/{exercise}#observation-[0-9]+$"));
        await Assertions.Expect(page.GetByText("Observation saved.")).ToBeVisibleAsync();
        await Assertions.Expect(section).ToContainTextAsync("Walrus tugs berthed late at the quay");
        await Assertions.Expect(section).ToContainTextAsync("Lesson: Book tugs a week ahead");
        await Assertions.Expect(section).ToContainTextAsync("Recommendation: Add tug bookings to the logistics annex");
        await page.AssertNoBlockingAxeViolationsAsync();

        // Found by a word of its recommendation, and opened at the exercise's after-action section.
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        await page.Locator("#portal-search").FillAsync("logistics annex");
        await page.Locator("#portal-search").PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/search\\?q=logistics(%20|\\+)annex$"));
        var hit = page.Locator("ol.search-results li", new() { HasText = "Walrus tugs berthed late" });
        await Assertions.Expect(hit).ToContainTextAsync("Exercise Frost Harbour 2025");
        await hit.Locator("a.search-title").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/exercises/{exercise}#observation-[0-9]+$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Exercise Frost Harbour 2025");

        // The lessons of the series, the newest edition first.
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Lessons from earlier Frost Harbour exercises" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Lessons from Frost Harbour exercises");
        var editions = page.Locator("[data-testid=lesson-exercise] h2");
        await Assertions.Expect(editions).ToHaveTextAsync(["Exercise Frost Harbour 2025", "Exercise Frost Harbour 2024"]);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Recommendation: Add tug bookings to the logistics annex");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Lesson: Plan an ice-free alternate berth");
        await page.AssertNoBlockingAxeViolationsAsync();

        Assert.Empty(errors);
    }
}
