using System.Net;
using System.Security.Claims;
using DiploPortal.Core.Common;
using DiploPortal.Core.Security;
using DiploPortal.Web.Accounts;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace DiploPortal.Web.Tests.Accounts;

/// <summary>
/// Each sign-in is a session on the server that the cookie names: signing out, or an administrator, ends
/// it, and then no copy of the cookie works any more.
/// </summary>
public class ServerSideSessions(AccountsPortal portal) : IClassFixture<AccountsPortal>
{
    private static readonly Uri Home = new("/", UriKind.Relative);

    [Fact]
    public async Task RefusesACookieCopiedBeforeSignOut()
    {
        var user = await portal.CreateAccountAsync(PortalRole.Analyst, Classification.Secret, "USA");
        var (browser, cookies) = NewBrowser();
        using var signedIn = await AccountsPortal.PostSignInAsync(browser, user.UserName!, DemoAccounts.Password);
        var copy = AuthCookie(cookies);
        using var beforeSignOut = await GetWithCookieAsync(copy);

        await SignOutAsync(browser);
        using var afterSignOut = await GetWithCookieAsync(copy);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, beforeSignOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.StatusCode);
        Assert.Contains("/account/sign-in", afterSignOut.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM sign_in_sessions WHERE user_id = {user.Id} AND ended_at IS NOT NULL AND end_reason = 'signed out'"));
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_entries WHERE action = 'SignedOut' AND actor = '{user.UserName}' AND after->>'reason' = 'signed out'"));
        browser.Dispose();
    }

    [Fact]
    public async Task EndsOnlyTheSessionAnAdministratorEnded()
    {
        var user = await portal.CreateAccountAsync(PortalRole.Staff, Classification.Restricted, "GBR");
        var (first, firstCookies) = NewBrowser();
        var (second, secondCookies) = NewBrowser();
        using var firstSignIn = await AccountsPortal.PostSignInAsync(first, user.UserName!, DemoAccounts.Password);
        using var secondSignIn = await AccountsPortal.PostSignInAsync(second, user.UserName!, DemoAccounts.Password);
        var sessions = portal.Services.GetRequiredService<SignInSessions>();
        var listed = await sessions.ListAsync(user.Id);
        var firstSession = listed.OrderBy(s => s.CreatedAt).First().Id;

        var ended = await sessions.EndAsync(firstSession, user.Id, actor: "admin", reason: "ended by an administrator");
        var endedTwice = await sessions.EndAsync(firstSession, user.Id, actor: "admin", reason: "ended by an administrator");
        using var firstAfterwards = await GetWithCookieAsync(AuthCookie(firstCookies));
        using var secondAfterwards = await GetWithCookieAsync(AuthCookie(secondCookies));

        Assert.Equal(2, listed.Count);
        Assert.True(ended);
        Assert.False(endedTwice);
        Assert.Equal(HttpStatusCode.Redirect, firstAfterwards.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondAfterwards.StatusCode);
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_entries WHERE action = 'SignedOut' AND actor = 'admin' AND entity_key = '{user.UserName}' AND after->>'reason' = 'ended by an administrator'"));
        first.Dispose();
        second.Dispose();
    }

    [Fact]
    public async Task RefusesASessionOfAnotherAccount()
    {
        var owner = await portal.CreateAccountAsync();
        var other = await portal.CreateAccountAsync();
        var sessions = portal.Services.GetRequiredService<SignInSessions>();
        var session = await sessions.StartAsync(owner, http: null);

        Assert.Null(await sessions.FindActiveAsync(session, other.Id));
        Assert.False(await sessions.EndAsync(session, other.Id, actor: other.UserName!, reason: "ended by its owner"));
        Assert.NotNull(await sessions.FindActiveAsync(session, owner.Id));
    }

    [Fact]
    public async Task EndsEveryActiveSessionOfAnAccountAtOnce()
    {
        var user = await portal.CreateAccountAsync();
        var bystander = await portal.CreateAccountAsync();
        var sessions = portal.Services.GetRequiredService<SignInSessions>();
        await sessions.StartAsync(user, http: null);
        await sessions.StartAsync(user, http: null);
        var kept = await sessions.StartAsync(bystander, http: null);

        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DiploPortal.Core.Data.PortalDbContext>();
        var ended = await SignInSessions.EndAllAsync(db, user.Id, "password reset", DateTime.UtcNow);

        Assert.Equal(2, ended);
        Assert.All(await sessions.ListAsync(user.Id), s => Assert.Equal("password reset", s.EndReason));
        Assert.NotNull(await sessions.FindActiveAsync(kept, bystander.Id));
    }

    [Fact]
    public async Task RefusesACookieWithoutASession()
    {
        // A cookie made as the portal made them before sessions existed: the account's claims, no session.
        var user = await portal.CreateAccountAsync();
        using var scope = portal.Services.CreateScope();
        var principal = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);

        Assert.Null(SignInSessions.IdOf(principal));
        Assert.False(await AccountRevalidation.IsSessionActiveAsync(portal.Services.GetRequiredService<IServiceScopeFactory>(), principal));
        Assert.False(await AccountRevalidation.IsSessionActiveAsync(portal.Services.GetRequiredService<IServiceScopeFactory>(), new ClaimsPrincipal()));
    }

    private (HttpClient Client, System.Net.CookieContainer Cookies) NewBrowser()
    {
        var cookies = new System.Net.CookieContainer();
        return (portal.CreateDefaultClient(new CookieContainerHandler(cookies)), cookies);
    }

    private static string AuthCookie(System.Net.CookieContainer cookies)
    {
        var cookie = cookies.GetCookies(new Uri("http://localhost/"))["DiploPortal.Auth"];
        Assert.NotNull(cookie);
        return $"{cookie.Name}={cookie.Value}";
    }

    /// <summary>A request from another machine that holds only a copy of the cookie.</summary>
    private async Task<HttpResponseMessage> GetWithCookieAsync(string cookie)
    {
        using var stranger = portal.CreateDefaultClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, Home);
        request.Headers.Add("Cookie", cookie);
        return await stranger.SendAsync(request);
    }

    private static async Task SignOutAsync(HttpClient browser)
    {
        var home = await browser.GetStringAsync(Home);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = AccountsPortal.AntiforgeryTokenIn(home) });
        using var response = await browser.PostAsync(new Uri("/account/sign-out", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
