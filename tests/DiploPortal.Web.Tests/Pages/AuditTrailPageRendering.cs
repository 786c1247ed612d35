using DiploPortal.TestSupport;

namespace DiploPortal.Web.Tests.Pages;

public class AuditTrailPageRendering(PortalWebFactory portal) : IClassFixture<PortalWebFactory>
{
    private readonly HttpClient _client = portal.CreateClient();

    [Fact]
    public async Task ListsTheNewestEntriesWithTheirValues()
    {
        // The reference data load (in the template) was recorded: alliances are the last it saved.
        var html = await _client.GetStringAsync(new Uri("/admin/audit", UriKind.Relative));

        Assert.Contains("Audit trail", html, StringComparison.Ordinal);
        Assert.Contains("Verify chain", html, StringComparison.Ordinal);
        Assert.Contains("Alliance", html, StringComparison.Ordinal);
        Assert.Contains("North Atlantic Treaty Organization", html, StringComparison.Ordinal);
        Assert.Contains("Older", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IsLinkedFromTheAdministrationOverview()
    {
        var html = await _client.GetStringAsync(new Uri("/admin", UriKind.Relative));

        Assert.Contains("href=\"/admin/audit\"", html, StringComparison.Ordinal);
    }
}
