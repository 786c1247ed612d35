using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>
/// A planner on the exercise timeline in a real Chromium: a year grouped by host, narrowed to a nation, a bar opened
/// and left again, and an exercise moved by a week with the keyboard alone; and the timeline on a phone in dark mode.
/// </summary>
public class TimelineJourney(BrowserPortal portal) : IClassFixture<BrowserPortal>, IAsyncLifetime
{
    private const string Year = "/exercises/timeline?from=2031-01-01&span=year";

    public async Task InitializeAsync() => await portal.Database.ExecuteAsync("""
        CREATE FUNCTION pg_temp.n(text) RETURNS int LANGUAGE sql AS $$ SELECT id FROM nations WHERE code = $1 $$;
        INSERT INTO exercises (name, kind, status, host_nation_id, starts_on, ends_on, classification, is_demo)
        SELECT v.name, 'Field', 'Planning', pg_temp.n(v.host), v.first, v.last, 'Unclassified', false
        FROM (VALUES ('Journey Harbour Shield', 'NOR', DATE '2031-03-03', DATE '2031-03-14'),
                     ('Journey Desert Line', 'ESP', DATE '2031-05-04', DATE '2031-05-08')) AS v(name, host, first, last)
        WHERE NOT EXISTS (SELECT 1 FROM exercises WHERE name = v.name);
        INSERT INTO exercise_participants (exercise_id, nation_id, role, personnel, units, ships, aircraft)
        SELECT e.id, e.host_nation_id, 'Host', 100, 1, 0, 0 FROM exercises e WHERE e.name LIKE 'Journey %'
        ON CONFLICT DO NOTHING;
        INSERT INTO exercise_participants (exercise_id, nation_id, role, personnel, units, ships, aircraft)
        SELECT e.id, pg_temp.n(v.nation), 'Participant', 50, 1, 0, 0
        FROM exercises e JOIN (VALUES ('Journey Harbour Shield', 'FRA'), ('Journey Desert Line', 'ITA')) AS v(name, nation) ON v.name = e.name
        ON CONFLICT DO NOTHING;
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task APlannerFiltersOpensABarAndMovesAnExerciseByAWeekWithTheKeyboard()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "planner");

        await PhoneAndThemeBrowsing.OpenAsync(page, Year);
        await Assertions.Expect(page.Locator("h3.timeline-group-title", new() { HasText = "Norway" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("h3.timeline-group-title", new() { HasText = "Spain" })).ToBeVisibleAsync();
        await page.AssertNoBlockingAxeViolationsAsync();

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Nations" }).FillAsync("Fran");
        await page.GetByText("France (FRA)", new() { Exact = true }).ClickAsync();
        await BrowserPortal.ExpectAddressAsync(page, new System.Text.RegularExpressions.Regex("nation=FRA"));
        await Assertions.Expect(page.Locator("h3.timeline-group-title", new() { HasText = "Spain" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Journey Harbour Shield, 3 Mar 2031 – 14 Mar 2031, Planning" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Journey Harbour Shield");
        await page.GoBackAsync();
        await BrowserPortal.ExpectAddressAsync(page, new System.Text.RegularExpressions.Regex("/exercises/timeline\\?.*nation=FRA"));
        await BrowserPortal.WaitUntilInteractiveAsync(page);

        await page.MoveExerciseByKeyboardAsync("Journey Harbour Shield", "+7 days");
        await Assertions.Expect(page.GetByTestId("timeline-move")).ToContainTextAsync("Moves to 10 Mar 2031 – 21 Mar 2031.");
        await page.PressOnFocusableAsync("Save the new dates");

        var row = page.Locator("li.timeline-row", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Move Journey Harbour Shield" }) });
        await Assertions.Expect(row).ToContainTextAsync("10 Mar 2031 – 21 Mar 2031 · Planning");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Journey Harbour Shield, 10 Mar 2031 – 21 Mar 2031, Planning" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Journey Harbour Shield now runs 10 Mar 2031 – 21 Mar 2031." })).ToBeVisibleAsync();
        Assert.Equal("2031-03-10/2031-03-21", await portal.Database.ScalarAsync<string>(
            "SELECT starts_on::text || '/' || ends_on::text FROM exercises WHERE name = 'Journey Harbour Shield'"));
        await page.AssertNoBlockingAxeViolationsAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task TheTimelineScrollsInsideItsBoxOnAPhoneInDarkMode()
    {
        var (page, errors) = await portal.OpenPhonePageAsync(ColorScheme.Dark);
        await BrowserPortal.SignInAsync(page, "analyst");

        await PhoneAndThemeBrowsing.OpenAsync(page, Year);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Journey Desert Line, 4 May 2031 – 8 May 2031, Planning" })).ToBeAttachedAsync();

        Assert.Null(await PhoneAndThemeBrowsing.SidewaysScrollAsync(page));
        Assert.True(await page.Locator(".timeline").EvaluateAsync<bool>("box => box.scrollWidth > box.clientWidth"), "The timeline is wider than a phone and scrolls inside its own box.");
        await page.AssertNoBlockingAxeViolationsAsync();
        Assert.Empty(errors);
    }
}
