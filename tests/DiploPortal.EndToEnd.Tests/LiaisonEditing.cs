using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>A planner adds a liaison attaché to an exercise, saves, sees the attaché on the exercise page, and removes them again.</summary>
public class LiaisonEditing(BrowserPortal portal) : IClassFixture<BrowserPortal>, IAsyncLifetime
{
    private const string Exercise = "Exercise Liaison Harbour";

    private int _id;

    public async Task InitializeAsync()
    {
        await portal.Database.ExecuteAsync($"""
            INSERT INTO attaches (full_name, rank, service, post, sending_nation_id, host_nation_id, posted_from, classification, is_demo)
            SELECT 'Imogen Liaisonworth', 'Commander', 'Navy', 'Naval', (SELECT id FROM nations WHERE code = 'GBR'), (SELECT id FROM nations WHERE code = 'NOR'),
                   DATE '2020-01-01', 'Unclassified', false
            WHERE NOT EXISTS (SELECT 1 FROM attaches WHERE full_name = 'Imogen Liaisonworth');
            INSERT INTO exercises (name, kind, status, host_nation_id, starts_on, ends_on, classification, is_demo)
            SELECT '{Exercise}', 'Naval', 'Planning', (SELECT id FROM nations WHERE code = 'NOR'), DATE '2033-05-02', DATE '2033-05-06', 'Unclassified', false
            WHERE NOT EXISTS (SELECT 1 FROM exercises WHERE name = '{Exercise}');
            INSERT INTO exercise_participants (exercise_id, nation_id, role, personnel, units, ships, aircraft, starts_on)
            SELECT e.id, n.id, CASE WHEN n.code = 'NOR' THEN 'Host' ELSE 'Participant' END, 10, 0, 0, 0, e.starts_on
            FROM exercises e CROSS JOIN nations n
            WHERE e.name = '{Exercise}' AND n.code IN ('NOR', 'GBR')
            ON CONFLICT DO NOTHING;
            """);
        _id = await portal.Database.ScalarAsync<int>($"SELECT id FROM exercises WHERE name = '{Exercise}'");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task APlannerAddsALiaisonSeesItOnTheExerciseAndRemovesIt()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "planner");

        await page.GotoAsync($"/exercises/{_id}/edit");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        var liaisons = page.Locator("[data-testid=liaisons]");
        await Assertions.Expect(liaisons).ToContainTextAsync("No liaison attachés.");
        await page.GetByLabel("Add a liaison attaché", new() { Exact = true }).FillAsync("Liaisonworth");
        await page.GetByText("Commander Imogen Liaisonworth (United Kingdom)", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(liaisons.GetByRole(AriaRole.Button, new() { Name = "Remove liaison Commander Imogen Liaisonworth (United Kingdom)" })).ToBeVisibleAsync();
        await page.AssertNoBlockingAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Exercise);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Imogen Liaisonworth");

        await page.GotoAsync($"/exercises/{_id}/edit");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        await liaisons.GetByRole(AriaRole.Button, new() { Name = "Remove liaison Commander Imogen Liaisonworth (United Kingdom)" }).ClickAsync();
        await Assertions.Expect(liaisons).ToContainTextAsync("No liaison attachés.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Exercise);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Imogen Liaisonworth");
        Assert.Empty(errors);
    }
}
