using System.Net;
using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>
/// The planners' whole journey in a real Chromium: a new exercise with three nations and a training area, a
/// conflict warning seen and overridden with a reason, the exercise moved a week on the timeline with its
/// milestones, advanced through its life cycle, and its host nation's calendar feed subscribed to and read.
/// </summary>
public class PlannerSchedulingJourney(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string Name = "Exercise Iron Meadow";
    private const string Reason = "Germany commits a reinforced brigade this once; agreed with its staff.";

    [Fact]
    public async Task SchedulesAnExerciseOverridesAWarningMovesItAdvancesItAndSubscribesToItsNation()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "planner");
        await page.GotoAsync("/exercises/new");
        await BrowserPortal.WaitUntilInteractiveAsync(page);

        await page.PickNationAsync("Host nation", "Germ", "Germany (DEU)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add participant" }).ClickAsync();
        await page.PickNationAsync("Participant 2", "Fran", "France (FRA)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add participant" }).ClickAsync();
        await page.PickNationAsync("Participant 3", "Pola", "Poland (POL)");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(Name);
        await page.TypeDayAsync("First day", "9 Aug 2027");
        await page.TypeDayAsync("Last day", "20 Aug 2027");
        var personnel = page.GetByLabel("Personnel", new() { Exact = true }).First;
        await personnel.FillAsync("12000");
        await personnel.PressAsync("Tab");
        await page.GetByTestId("training-area").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Grafenwöhr Training Area (Germany)" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose milestones from the start day" }).ClickAsync();

        // The capacity warning blocks the first save and says why; a reason lets the second one through.
        await page.GetByRole(AriaRole.Button, new() { Name = "Create exercise" }).ClickAsync();
        var conflicts = page.GetByTestId("conflicts");
        await Assertions.Expect(conflicts).ToContainTextAsync("Warning: DEU is over an assumed capacity");
        await Assertions.Expect(conflicts).ToContainTextAsync("personnel");
        await page.AssertNoBlockingAxeViolationsAsync();
        await page.GetByLabel("Reason to override warnings", new() { Exact = true }).FillAsync(Reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create exercise" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Name);
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>($"""
            SELECT count(*) FROM exercise_conflict_overrides o JOIN exercises e ON e.id = o.exercise_id
            WHERE e.name = '{Name}' AND o.reason = '{Reason.Replace("'", "''", StringComparison.Ordinal)}'
            """));

        // A week later on the timeline, from the keyboard, with its milestones and the warning overridden again.
        await page.GotoAsync("/exercises/timeline?from=2027-01-01&span=year&nation=POL");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        await page.MoveExerciseByKeyboardAsync(Name, "+7 days");
        var panel = page.GetByTestId("timeline-move");
        await Assertions.Expect(panel).ToContainTextAsync("Moves to 16 Aug 2027 – 27 Aug 2027.");
        await Assertions.Expect(panel.GetByRole(AriaRole.Checkbox, new() { Name = "Move its 6 milestones by the same days" })).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByTestId("timeline-move-conflicts")).ToContainTextAsync("over an assumed capacity");
        await page.GetByLabel("Reason to override the warnings", new() { Exact = true }).FillAsync(Reason);
        await page.PressOnFocusableAsync("Save the new dates");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"{Name} now runs 16 Aug 2027 – 27 Aug 2027." })).ToBeVisibleAsync();
        Assert.Equal("2027-08-16", await portal.Database.ScalarAsync<string>($"""
            SELECT m.planned_on::text FROM exercise_milestones m JOIN exercises e ON e.id = m.exercise_id
            WHERE e.name = '{Name}' AND m.kind = 'Execution'
            """));

        // Its life cycle, step by step, from the exercise page the bar opens.
        await page.GetByRole(AriaRole.Link, new() { Name = $"{Name}, 16 Aug 2027 – 27 Aug 2027, Proposed" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Name);
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        await page.TakeStepAsync("Start planning", "Planning");
        await page.TakeStepAsync("Approve", "Approved");
        await Assertions.Expect(page.HistoryRows()).ToHaveCountAsync(2);

        // The host nation's calendar feed holds the exercise, read as a calendar program would.
        await page.GotoAsync("/nations/DEU");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Subscribe to this nation's exercises" }).ClickAsync();
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create subscription" }).ClickAsync();
        var address = await page.GetByLabel("Subscription address").InputValueAsync();
        using var calendarProgram = new HttpClient();
        using var feed = await calendarProgram.GetAsync(new Uri(address));
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        var calendar = await feed.Content.ReadAsStringAsync();
        Assert.Contains($"SUMMARY:{Name}", calendar, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20270816", calendar, StringComparison.Ordinal);
        Assert.Empty(errors);
    }
}
