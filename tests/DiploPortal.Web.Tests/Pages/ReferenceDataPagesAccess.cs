using System.Net;
using DiploPortal.Web.Tests.Accounts;

namespace DiploPortal.Web.Tests.Pages;

/// <summary>The administrators' reference data pages (training areas, nation capacities): open to administrators only, linked from the overview.</summary>
public class ReferenceDataPagesAccess(AccountsPortal portal) : IClassFixture<AccountsPortal>
{
    [Theory]
    [InlineData("planner", "/admin/training-areas")]
    [InlineData("planner", "/admin/training-areas/new")]
    [InlineData("staff", "/admin/capacities")]
    [InlineData("analyst", "/admin/capacities")]
    public async Task AreClosedToAnyoneButAdministrators(string userName, string path)
    {
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, userName);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("You do not have access to this page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AreLinkedFromTheAdministrationOverviewAndOpenToAnAdministrator()
    {
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, "admin");

        var overview = await client.GetStringAsync(new Uri("/admin", UriKind.Relative));
        Assert.Contains("href=\"/admin/training-areas\"", overview, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/capacities\"", overview, StringComparison.Ordinal);
        using var areas = await client.GetAsync(new Uri("/admin/training-areas", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, areas.StatusCode);
        using var capacities = await client.GetAsync(new Uri("/admin/capacities", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, capacities.StatusCode);
    }
}
