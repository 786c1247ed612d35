using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>What the feedback journeys (saved and deleted messages, the unsaved-edits question, the way back to a filtered list) share.</summary>
internal static class FeedbackPages
{
    /// <summary>An engagement of the staff account's clearance, with a title no demo record has; its id.</summary>
    public static async Task<int> InsertEngagementAsync(this BrowserPortal portal, string title)
    {
        await portal.Database.ExecuteAsync($"""
            INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, is_demo)
            VALUES ('{title}', 'StaffTalks', 'FaceToFace', DATE '2025-02-03', 'Talks about feedback', 'Positive', 'Restricted', false);
            INSERT INTO engagement_participants (engagement_id, nation_id, is_lead)
            SELECT e.id, (SELECT id FROM nations WHERE code = 'FRA'), true FROM engagements e WHERE e.title = '{title}';
            """);
        return await portal.Database.ScalarAsync<int>($"SELECT id FROM engagements WHERE title = '{title}'");
    }

    /// <summary>Opens <paramref name="address"/> as a signed-in staff officer and waits for the circuit.</summary>
    public static async Task<(IPage Page, List<string> Errors)> OpenAsStaffAsync(this BrowserPortal portal, string address)
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "staff");
        await page.GotoAsync(address);
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        return (page, errors);
    }

    /// <summary>The portal's navigation menu, where a person goes elsewhere.</summary>
    public static ILocator NavigationLink(this IPage page, string name) =>
        page.Locator("#portal-navigation").GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>The message a snackbar shows, as a screen reader finds it (a live region).</summary>
    public static ILocator Announcement(this IPage page, string text) =>
        page.Locator(".mud-snackbar[aria-live]").Filter(new() { HasText = text });
}
