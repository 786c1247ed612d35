using System.Net;
using DiploPortal.Web.Accounts;

namespace DiploPortal.Web.Tests.Accounts;

public class SigningIn(AccountsPortal portal) : IClassFixture<AccountsPortal>
{
    [Fact]
    public async Task SignsInADemoAccountAndShowsWhoIsSignedIn()
    {
        using var client = portal.CreateBrowserClient();

        using var response = await AccountsPortal.PostSignInAsync(client, "analyst", DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", LocalPath(response));
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("data-testid=\"signed-in-user\"", home, StringComparison.Ordinal);
        Assert.Contains(">analyst<", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAWrongPasswordWithAClearMessage()
    {
        using var client = portal.CreateBrowserClient();

        using var response = await AccountsPortal.PostSignInAsync(client, "planner", "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The user name or password is not correct.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NeverSendsASignedInUserToAnotherSite()
    {
        using var client = portal.CreateBrowserClient();

        using var toElsewhere = await AccountsPortal.PostSignInAsync(client, "analyst", DemoAccounts.Password, "/account/sign-in?ReturnUrl=//evil.example/");
        using var inside = await AccountsPortal.PostSignInAsync(client, "analyst", DemoAccounts.Password, "/account/sign-in?ReturnUrl=/alliances/NATO");

        Assert.Equal("/", LocalPath(toElsewhere));
        Assert.Equal("/alliances/NATO", LocalPath(inside));
    }

    // The portal redirects within its own origin; the host is the test server's.
    private static string? LocalPath(HttpResponseMessage response)
    {
        var location = response.Headers.Location;
        Assert.NotNull(location);
        return location.IsAbsoluteUri ? (location.Host == "localhost" ? location.AbsolutePath : location.ToString()) : location.OriginalString;
    }

    [Fact]
    public async Task RecordsSignInsAndFailuresInTheAuditTrail()
    {
        using var client = portal.CreateBrowserClient();
        using var failed = await AccountsPortal.PostSignInAsync(client, "admin", "wrong-password");
        await AccountsPortal.SignInAsync(client, "admin");

        Assert.True(await portal.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'SignInFailed' AND actor = 'admin'") >= 1);
        Assert.True(await portal.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'SignedIn' AND actor = 'admin'") >= 1);
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE after::text LIKE '%wrong-password%'"));
    }

    [Fact]
    public async Task KeepsDataProtectionKeysInTheSharedDatabaseButNotInTheAuditTrail()
    {
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, "analyst");

        Assert.True(await portal.Database.ScalarAsync<long>("SELECT count(*) FROM data_protection_keys") >= 1);
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE after::text LIKE '%<key%' OR before::text LIKE '%<key%'"));
    }

    [Fact]
    public async Task SignsOutWithAPostAndForgetsTheUser()
    {
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, "planner");
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var token = AccountsPortal.AntiforgeryTokenIn(home);

        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var response = await client.PostAsync(new Uri("/account/sign-out", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var afterwards = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Contains("/account/sign-in", afterwards.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesASignOutWithoutTheAntiforgeryTokenAsABadRequestAndStaysSignedIn()
    {
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, "planner");

        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" });
        using var response = await client.PostAsync(new Uri("/account/sign-out", UriKind.Relative), content);

        // Another site cannot sign a person out; the refusal is the caller's fault (400), not the portal's (500).
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var afterwards = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }
}
