using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>
/// A planner in a real Chromium plans a new exercise's milestones from its start day, moves the exercise and its
/// milestones with it, advances it from Proposed through Planning to Approved, and cancels another with a reason,
/// reading the status history each time.
/// </summary>
public class ExerciseLifecycleJourney(BrowserPortal portal) : IClassFixture<BrowserPortal>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.Database.ExecuteAsync("""
        INSERT INTO exercises (name, kind, status, host_nation_id, starts_on, ends_on, classification, is_demo)
        SELECT 'Exercise Amber Gate', 'Field', 'Planning', (SELECT id FROM nations WHERE code = 'DNK'), DATE '2027-09-06', DATE '2027-09-17', 'Unclassified', false
        WHERE NOT EXISTS (SELECT 1 FROM exercises WHERE name = 'Exercise Amber Gate');
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task PlansMilestonesMovesThemWithTheExerciseAndAdvancesItsStatus()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "planner");
        await page.GotoAsync("/exercises/new");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.GetByLabel("Status", new() { Exact = true })).ToHaveCountAsync(0);
        await page.PickNationAsync("Host nation", "Norw", "Norway (NOR)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add participant" }).ClickAsync();
        await page.PickNationAsync("Participant 2", "Denm", "Denmark (DNK)");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Exercise Silver Tide");
        await page.TypeDayAsync("First day", "2 Mar 2027");
        await page.TypeDayAsync("Last day", "13 Mar 2027");

        await page.GetByRole(AriaRole.Button, new() { Name = "Propose milestones from the start day" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Planned day of milestone 6", new() { Exact = true })).ToHaveValueAsync("12 Apr 2027");
        await Assertions.Expect(page.GetByLabel("Planned day of milestone 1", new() { Exact = true })).ToHaveValueAsync("2 Mar 2026");
        await page.AssertNoBlockingAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create exercise" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Exercise Silver Tide");
        await Assertions.Expect(page.Locator("[data-testid=lifecycle] [data-testid=status]")).ToContainTextAsync("Proposed");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("2 Mar 2026: Concept development");

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Edit exercise");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        await page.TypeDayAsync("First day", "16 Mar 2027");
        await page.TypeDayAsync("Last day", "27 Mar 2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move the milestones by 14 days too" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Planned day of milestone 1", new() { Exact = true })).ToHaveValueAsync("16 Mar 2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Exercise Silver Tide");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("16 Mar 2026: Concept development");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("26 Apr 2027: After action review");
        await page.TakeStepAsync("Start planning", "Planning");
        await page.TakeStepAsync("Approve", "Approved");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start execution" })).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("[data-testid=lifecycle]")).ToContainTextAsync("Execution starts on the first day, 16 March 2027, which is not reached yet.");
        await Assertions.Expect(page.HistoryRows()).ToHaveCountAsync(2);
        await Assertions.Expect(page.HistoryRows().First).ToContainTextAsync("planner");
        await Assertions.Expect(page.HistoryRows().First).ToContainTextAsync("Planning → Approved");
        await Assertions.Expect(page.HistoryRows().Nth(1)).ToContainTextAsync("Proposed → Planning");
        await page.AssertNoBlockingAxeViolationsAsync();
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>("""
            SELECT count(*) FROM exercise_milestones m JOIN exercises e ON e.id = m.exercise_id
            WHERE e.name = 'Exercise Silver Tide' AND m.kind = 'ConceptDevelopment' AND m.planned_on = DATE '2026-03-16'
            """));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task CancelsAnExerciseWithAReasonAndShowsItInTheHistory()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "planner");
        var id = await portal.Database.ScalarAsync<int>("SELECT id FROM exercises WHERE name = 'Exercise Amber Gate'");
        await page.GotoAsync($"/exercises/{id}");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=lifecycle] [data-testid=status]")).ToContainTextAsync("Planning");

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the exercise" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=cancel-exercise]")).ToContainTextAsync("Say why the exercise is cancelled.");
        await page.GetByLabel("Why is the exercise cancelled?").FillAsync("The ranges are flooded.");
        await page.TakeStepAsync("Cancel the exercise", "Cancelled");

        await Assertions.Expect(page.HistoryRows()).ToHaveCountAsync(1);
        await Assertions.Expect(page.HistoryRows().First).ToContainTextAsync("Planning → Cancelled");
        await Assertions.Expect(page.HistoryRows().First).ToContainTextAsync("The ranges are flooded.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel…" })).ToHaveCountAsync(0);
        await page.AssertNoBlockingAxeViolationsAsync();
        Assert.Empty(errors);
    }
}
