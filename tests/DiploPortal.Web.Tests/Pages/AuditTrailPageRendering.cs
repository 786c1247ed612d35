using System.Net;
using DiploPortal.Web.Tests.Accounts;

namespace DiploPortal.Web.Tests.Pages;

public class AuditTrailPageRendering(AccountsPortal portal) : IClassFixture<AccountsPortal>
{
    [Fact]
    public async Task ListsTheNewestEntriesWithTheirValues()
    {
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, "admin");

        // The reference data load (in the template) was recorded: alliances are among what it saved.
        var html = await client.GetStringAsync(new Uri("/admin/audit", UriKind.Relative));

        Assert.Contains("Audit trail", html, StringComparison.Ordinal);
        Assert.Contains("Verify chain", html, StringComparison.Ordinal);
        Assert.Contains("Older", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IsLinkedFromTheAdministrationOverview()
    {
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, "admin");

        var html = await client.GetStringAsync(new Uri("/admin", UriKind.Relative));

        Assert.Contains("href=\"/admin/audit\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("analyst")]
    [InlineData("staff")]
    public async Task IsClosedToAnyoneButAdministrators(string? userName)
    {
        using var client = portal.CreateBrowserClient();
        if (userName is not null)
        {
            await AccountsPortal.SignInAsync(client, userName);
        }

        using var audit = await client.GetAsync(new Uri("/admin/audit", UriKind.Relative));
        using var overview = await client.GetAsync(new Uri("/admin", UriKind.Relative));

        if (userName is null)
        {
            Assert.Equal(HttpStatusCode.Redirect, audit.StatusCode);
            Assert.Contains("/account/sign-in", audit.Headers.Location?.ToString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, overview.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, audit.StatusCode);
            Assert.Contains("You do not have access to this page", await audit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, overview.StatusCode);
        }
    }
}
