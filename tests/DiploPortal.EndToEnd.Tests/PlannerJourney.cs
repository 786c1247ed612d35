using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>A planner in a real Chromium: narrows the exercise list, plans a new exercise with two nations, and finds it in the list.</summary>
public class PlannerJourney(BrowserPortal portal) : IClassFixture<BrowserPortal>, IAsyncLifetime
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    public async Task InitializeAsync() => await portal.Database.ExecuteAsync("""
        INSERT INTO exercises (name, kind, status, host_nation_id, starts_on, ends_on, classification, is_demo)
        SELECT t.name, t.kind, 'Completed', (SELECT id FROM nations WHERE code = 'NOR'), DATE '2024-03-04', DATE '2024-03-15', 'Unclassified', false
        FROM (VALUES ('Exercise Arctic Anchor', 'Naval'), ('Exercise Granite Plain', 'Field')) AS t(name, kind)
        WHERE NOT EXISTS (SELECT 1 FROM exercises WHERE name = t.name);
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task FiltersTheListPlansAnExerciseWithTwoNationsAndFindsIt()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "planner");

        await page.GotoAsync("/exercises");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        await page.GetByLabel("Words").FillAsync("arctic anchor");
        await BrowserPortal.ExpectAddressAsync(page, new System.Text.RegularExpressions.Regex(@"/exercises\?q=arctic(%20|\+)anchor$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Exercise Arctic Anchor" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Exercise Granite Plain" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=match-count]")).ToHaveTextAsync("1 exercise match");

        await page.GetByRole(AriaRole.Link, new() { Name = "New exercise" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("New exercise");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        // The nations first, so that no other field's change is on its way to the server while a picker
        // searches (a CI run once saw Norway never offered after the name was typed just before).
        await PickNationAsync(page, "Host nation", "Norw", "Norway (NOR)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add participant" }).ClickAsync();
        await PickNationAsync(page, "Participant 2", "Denm", "Denmark (DNK)");
        // A number field hands its value over when it loses focus; the value shown is then the server's.
        var personnel = page.GetByLabel("Personnel").Nth(1);
        await personnel.FillAsync("250");
        await personnel.PressAsync("Tab");
        await Assertions.Expect(personnel).ToHaveValueAsync("250");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Exercise Polar Bridge");
        await page.GetByLabel("First day", new() { Exact = true }).FillAsync("2 Mar 2026");
        await page.GetByLabel("First day", new() { Exact = true }).PressAsync("Tab");
        await page.GetByLabel("Last day", new() { Exact = true }).FillAsync("13 Mar 2026");
        await page.GetByLabel("Last day", new() { Exact = true }).PressAsync("Tab");
        var axe = await page.RunAxe();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create exercise" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Exercise Polar Bridge");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Denmark");

        await page.GotoAsync("/exercises?q=polar");
        var row = page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Exercise Polar Bridge" }) });
        await Assertions.Expect(row).ToContainTextAsync("2 Mar 2026 – 13 Mar 2026");
        await Assertions.Expect(row).ToContainTextAsync("Norway");
        Assert.Equal("DNK:Participant:250,NOR:Host:0", await portal.Database.ScalarAsync<string>("""
            SELECT string_agg(n.code || ':' || p.role || ':' || p.personnel, ',' ORDER BY n.code)
            FROM exercise_participants p JOIN nations n ON n.id = p.nation_id JOIN exercises e ON e.id = p.exercise_id
            WHERE e.name = 'Exercise Polar Bridge' AND p.starts_on = DATE '2026-03-02'
            """));
        var violations = axe.Violations.Where(v => BlockingImpacts.Contains(v.Impact))
            .Select(v => $"axe {v.Impact} {v.Id}: {v.Help} ({string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))})")
            .ToList();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        Assert.Empty(errors);
    }

    /// <summary>Types part of a name into a nation picker, clicks the nation offered and waits until it is chosen.</summary>
    private static async Task PickNationAsync(IPage page, string label, string typed, string option)
    {
        var box = page.GetByLabel(label, new() { Exact = true });
        await box.FillAsync(typed);
        await page.GetByText(option, new() { Exact = true }).ClickAsync();
        // The pick is made on the server: wait until the box shows it, or a re-render it causes could
        // reset what is typed next into the same row (a number typed before it arrived was lost).
        await Assertions.Expect(box).ToHaveValueAsync(option);
    }
}
