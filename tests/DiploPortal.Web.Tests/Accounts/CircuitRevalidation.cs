using DiploPortal.Core.Common;
using DiploPortal.Core.Security;
using DiploPortal.Web.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DiploPortal.Web.Tests.Accounts;

/// <summary>The check an open circuit runs every minute against its sign-in session and the account as they are now.</summary>
public class CircuitRevalidation(AccountsPortal portal) : IClassFixture<AccountsPortal>
{
    [Fact]
    public async Task KeepsAnUnchangedAccountSignedIn()
    {
        var (principal, _) = await SignedInPrincipalAsync();

        Assert.True(await IsStillValidAsync(principal));
    }

    [Fact]
    public async Task EndsTheCircuitOfAnAccountWhosePermissionsChanged()
    {
        var (principal, userName) = await SignedInPrincipalAsync();

        using (var scope = portal.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.FindByNameAsync(userName);
            user!.Clearance = Classification.Unclassified;
            await users.UpdateAsync(user);
            await users.UpdateSecurityStampAsync(user);
        }

        Assert.False(await IsStillValidAsync(principal));
    }

    [Fact]
    public async Task EndsTheCircuitOfALockedAccount()
    {
        var (principal, userName) = await SignedInPrincipalAsync();

        await portal.Database.ExecuteAsync($"UPDATE users SET lockout_end = now() + interval '1 hour' WHERE user_name = '{userName}'");

        Assert.False(await IsStillValidAsync(principal));
    }

    [Fact]
    public async Task EndsTheCircuitOfASessionThatWasSignedOut()
    {
        await using var quick = portal.WithWebHostBuilder(builder => builder.UseSetting("Portal:Sessions:RevalidationInterval", "00:00:01"));
        var (principal, user, session) = await PrincipalWithSessionAsync(quick.Services);
        await using var circuit = quick.Services.CreateAsyncScope();
        var (provider, ended) = CircuitOf(circuit, principal);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var stillSignedIn = (await provider.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated;

        await quick.Services.GetRequiredService<SignInSessions>().EndAsync(session, user.Id, user.UserName!, "signed out");
        var afterwards = await ended.Task.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.True(stillSignedIn);
        Assert.False(afterwards.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task EndsTheCircuitWhenTheCookiesLifetimeEnds()
    {
        await using var quick = portal.WithWebHostBuilder(builder => builder
            .UseSetting("Portal:Sessions:RevalidationInterval", "00:00:01")
            .UseSetting("Portal:Sessions:Lifetime", "00:00:03"));
        var (principal, _, _) = await PrincipalWithSessionAsync(quick.Services);
        await using var circuit = quick.Services.CreateAsyncScope();
        var (_, ended) = CircuitOf(circuit, principal);

        var afterwards = await ended.Task.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.False(afterwards.Identity?.IsAuthenticated);
    }

    /// <summary>The circuit's authentication state, as Blazor sets it from the cookie, and the principal it changes to.</summary>
    private static (AuthenticationStateProvider Provider, TaskCompletionSource<System.Security.Claims.ClaimsPrincipal> Changed) CircuitOf(AsyncServiceScope circuit, System.Security.Claims.ClaimsPrincipal principal)
    {
        var provider = circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        Assert.IsType<AccountRevalidation>(provider);
        var changed = new TaskCompletionSource<System.Security.Claims.ClaimsPrincipal>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = false;
        provider.AuthenticationStateChanged += async state =>
        {
            // The first change is the one made below; the next is the revalidation's.
            if (started)
            {
                changed.TrySetResult((await state).User);
            }
        };
        ((IHostEnvironmentAuthenticationStateProvider)provider).SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        started = true;
        return (provider, changed);
    }

    /// <summary>A fresh account, a session of its own, and the principal the session's cookie would carry.</summary>
    private async Task<(System.Security.Claims.ClaimsPrincipal Principal, PortalUser User, Guid Session)> PrincipalWithSessionAsync(IServiceProvider services)
    {
        var user = await portal.CreateAccountAsync(PortalRole.Analyst, Classification.Secret, "USA");
        var session = await services.GetRequiredService<SignInSessions>().StartAsync(user, http: null);
        using var scope = services.CreateScope();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
        ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(new System.Security.Claims.Claim(SignInSessions.ClaimType, session.ToString()));
        return (principal, user, session);
    }

    private Task<bool> IsStillValidAsync(System.Security.Claims.ClaimsPrincipal principal) =>
        AccountRevalidation.IsStillValidAsync(portal.Services.GetRequiredService<IServiceScopeFactory>(), principal);

    /// <summary>A fresh account and the principal its sign-in cookie would carry.</summary>
    private async Task<(System.Security.Claims.ClaimsPrincipal Principal, string UserName)> SignedInPrincipalAsync()
    {
        var user = await portal.CreateAccountAsync(PortalRole.Analyst, Classification.Secret, "USA");
        using var scope = portal.Services.CreateScope();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
        return (principal, user.UserName!);
    }
}
