using System.Text;
using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>
/// Importing a file twice in a real Chromium: the second preview says the file was already imported
/// and lists its rows as already in the portal; a file with one more row imports only that row, skips
/// the others, and "See the list" shows exactly what the import added.
/// </summary>
public class DuplicateImport(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string Header = "title,kind,channel,occurred_on,host_nation,location,participants,outcome,outcome_notes,summary,classification,releasable_to_nations,releasable_to_alliances";

    [Fact]
    public async Task RecognisesAFileImportedTwiceSkipsItsRowsAndListsWhatAnImportAdded()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "staff");
        var first = Row("Duplicate check talks Alpha", "2025-05-06");
        var second = Row("Duplicate check talks Bravo", "2025-05-07");
        var third = Row("Duplicate check talks Charlie", "2025-05-08");

        await page.GotoAsync("/engagements/import");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        await ChooseAsync(page, "talks.csv", Header, first, second);
        await Assertions.Expect(page.Locator("[data-testid=import-counts]")).ToContainTextAsync("2 rows: 2 new, 0 already in the portal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import 2 engagements" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=import-result]")).ToContainTextAsync("Imported 2 engagements from talks.csv.");

        await ChooseAsync(page, "talks.csv", Header, first, second);
        await Assertions.Expect(page.Locator("[data-testid=already-imported]")).ToContainTextAsync("This file was already imported on");
        await Assertions.Expect(page.Locator("[data-testid=already-imported]")).ToContainTextAsync("by staff (2 rows)");
        await Assertions.Expect(page.Locator("[data-testid=import-counts]")).ToContainTextAsync("2 rows: 0 new, 2 already in the portal");
        var duplicates = page.Locator("[data-testid=import-preview] table");
        await Assertions.Expect(duplicates).ToContainTextAsync("Duplicate check talks Alpha");
        await Assertions.Expect(duplicates).ToContainTextAsync("Duplicate check talks Bravo");
        await Assertions.Expect(page.Locator("[data-testid=nothing-new]")).ToBeVisibleAsync();
        var axe = await page.BlockingAxeViolationsAsync("the import preview of a file already imported");

        await ChooseAsync(page, "more-talks.csv", Header, first, second, third);
        await Assertions.Expect(page.Locator("[data-testid=import-counts]")).ToContainTextAsync("3 rows: 1 new, 2 already in the portal");
        await Assertions.Expect(page.Locator("[data-testid=already-imported]")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import 1 new, skip 2 already in the portal" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=import-result]")).ToContainTextAsync("Imported 1 engagement from more-talks.csv; skipped 2 already in the portal.");
        Assert.Equal(3L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM engagements WHERE title LIKE 'Duplicate check talks %'"));

        await page.GetByRole(AriaRole.Link, new() { Name = "See the list" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/engagements\?import=\d+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Duplicate check talks Charlie" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Duplicate check talks Alpha" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Duplicate check talks Bravo" })).ToHaveCountAsync(0);

        Assert.True(axe.Count == 0, string.Join(Environment.NewLine, axe));
        Assert.Empty(errors);
    }

    private static string Row(string title, string day) =>
        $"{title},StaffTalks,FaceToFace,{day},FRA,Brest,GBR;FRA,Positive,,Liaison,Restricted,,NATO";

    /// <summary>Chooses a CSV file in the import page's file box, as a person picking it from disk.</summary>
    private static async Task ChooseAsync(IPage page, string name, params string[] lines) =>
        await page.Locator("[data-testid=import-file]").SetInputFilesAsync(new FilePayload
        {
            Name = name,
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(string.Join("\r\n", lines)),
        });
}
