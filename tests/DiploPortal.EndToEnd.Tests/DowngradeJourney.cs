using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>A staff officer lowers a Secret engagement's marking: the first save asks for a reason beside the marking, the second saves it.</summary>
public class DowngradeJourney(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task AsksForAReasonBesideTheMarkingBeforeLoweringIt()
    {
        var id = await portal.Database.ScalarAsync<int>("""
            INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, is_demo)
            VALUES ('Operation Heron talks', 'StaffTalks', 'FaceToFace', DATE '2025-01-15', 'Talks', 'Positive', 'Secret', false) RETURNING id
            """);
        await portal.Database.ExecuteAsync($"INSERT INTO engagement_participants (engagement_id, nation_id, is_lead) VALUES ({id}, (SELECT id FROM nations WHERE code = 'GBR'), true)");
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "staff");
        await page.GotoAsync($"/engagements/{id}/edit");
        await BrowserPortal.WaitUntilInteractiveAsync(page);

        await page.GetByLabel("Classification").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Restricted", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("lowers the classification from Secret to Restricted");
        Assert.Equal("Secret", await portal.Database.ScalarAsync<string>($"SELECT classification FROM engagements WHERE id = {id}"));
        await page.GetByLabel("Reason for the downgrade").FillAsync("Released by the originating staff");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Operation Heron talks");
        Assert.Equal("Restricted", await portal.Database.ScalarAsync<string>($"SELECT classification FROM engagements WHERE id = {id}"));
        Assert.Equal("Released by the originating staff", await portal.Database.ScalarAsync<string>(
            $"SELECT after->>'Reason' FROM audit_entries WHERE action = 'Downgraded' AND entity_key = '{id}'"));
        Assert.Empty(errors);
    }
}
