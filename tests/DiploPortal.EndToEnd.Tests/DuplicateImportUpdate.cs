using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>
/// Updating from an import in a real Chromium: a file whose row matches an engagement with a different
/// summary shows the difference (old → new) in the preview; choosing "Update the changed ones from the
/// file" updates the engagement, the page says so, and the engagement shows the file's summary.
/// </summary>
public class DuplicateImportUpdate(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string Header = "title,kind,channel,occurred_on,host_nation,location,participants,outcome,outcome_notes,summary,classification,releasable_to_nations,releasable_to_alliances";

    [Fact]
    public async Task ShowsWhatChangedAndUpdatesTheEngagementWhenAsked()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "staff");
        await page.GotoAsync("/engagements/import");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        await ChooseAsync(page, "update-talks.csv", Header, Row("Update check talks Delta", "Liaison in Brest"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import 1 engagement" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=import-result]")).ToContainTextAsync("Imported 1 engagement from update-talks.csv.");
        var id = await portal.Database.ScalarAsync<int>("SELECT id FROM engagements WHERE title = 'Update check talks Delta'");

        await ChooseAsync(page, "update-talks-2.csv", Header, Row("Update check talks Delta", "Liaison in Brest and Toulon"));
        await Assertions.Expect(page.Locator("[data-testid=import-counts]")).ToContainTextAsync("1 row: 0 new, 0 already in the portal, 1 in the portal with different details");
        await Assertions.Expect(page.Locator("[data-testid=row-changes]")).ToContainTextAsync("summary: Liaison in Brest → Liaison in Brest and Toulon");
        await page.GetByText("Update the changed ones from the file").ClickAsync();
        var update = page.GetByRole(AriaRole.Button, new() { Name = "Update 1 changed" });
        await Assertions.Expect(update).ToBeVisibleAsync();
        var axe = await page.RunAxe();
        await update.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=import-result]")).ToContainTextAsync("Updated 1 engagement from update-talks-2.csv.");

        await page.GotoAsync($"/engagements/{id}");
        await Assertions.Expect(page.GetByText("Liaison in Brest and Toulon")).ToBeVisibleAsync();
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM engagements WHERE title = 'Update check talks Delta'"));

        var blocking = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(blocking.Count == 0, string.Join(Environment.NewLine, blocking));
        Assert.Empty(errors);
    }

    private static string Row(string title, string summary) =>
        $"{title},StaffTalks,FaceToFace,2025-06-10,FRA,Brest,GBR;FRA,Positive,,{summary},Restricted,,NATO";

    /// <summary>Chooses a CSV file in the import page's file box, as a person picking it from disk.</summary>
    private static async Task ChooseAsync(IPage page, string name, params string[] lines) =>
        await page.Locator("[data-testid=import-file]").SetInputFilesAsync(new FilePayload
        {
            Name = name,
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(string.Join("\r\n", lines)),
        });
}
