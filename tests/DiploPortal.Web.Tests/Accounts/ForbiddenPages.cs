using System.Net;

namespace DiploPortal.Web.Tests.Accounts;

/// <summary>
/// A signed-in person who opens a page their role does not allow is told so, as themselves, with a
/// 403; a signed-out person is still sent to sign in; the API keeps its problem details.
/// </summary>
public class ForbiddenPages(AccountsPortal portal) : IClassFixture<AccountsPortal>
{
    [Fact]
    public async Task APlannerLoadingAnAdministrationPageGets403WithTheNoAccessMessageNotTheSignInForm()
    {
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, "planner");

        using var response = await client.GetAsync(new Uri("/admin/accounts", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("You do not have access to this page", html, StringComparison.Ordinal);
        Assert.Contains("Administrator role", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"signed-in-user\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("current-password", html, StringComparison.Ordinal);
        // The page itself is not rendered: no account of the list leaks into the refusal.
        Assert.DoesNotContain("analyst-restricted", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASignedOutPersonIsStillSentToSignInWithTheAddressToReturnTo()
    {
        using var client = portal.CreateBrowserClient();

        using var response = await client.GetAsync(new Uri("/admin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/account/sign-in?ReturnUrl=%2Fadmin", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApiStillAnswersAForbiddenCallWithProblemDetails()
    {
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, "planner");

        using var response = await client.GetAsync(new Uri("/api/admin/accounts/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
