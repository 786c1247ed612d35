using System.Security.Claims;
using DiploPortal.Core.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DiploPortal.Web.Accounts;

/// <summary>
/// A Blazor circuit keeps the principal it started with for as long as the tab stays open. Every
/// <see cref="SessionSettings.RevalidationInterval"/> (a minute) this checks the sign-in session and the
/// account again, so that a session that was signed out, ended by an administrator or has expired
/// (the cookie's lifetime), and an account an administrator locked or whose role, clearance or
/// nationality changed (which renews its security stamp), lose the circuit too, not only the cookie on
/// the next request. The circuit then continues as an anonymous visitor, who sees no records.
/// </summary>
public sealed class AccountRevalidation(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<SessionSettings> settings)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => settings.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        return await IsSessionActiveAsync(scopes, authenticationState.User, cancellationToken)
            && await IsStillValidAsync(scopes, authenticationState.User);
    }

    /// <summary>True while the sign-in session the principal's cookie named is neither ended nor expired.</summary>
    public static async Task<bool> IsSessionActiveAsync(IServiceScopeFactory scopes, ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(principal);
        if (SignInSessions.IdOf(principal) is not { } id
            || !int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var userId))
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SignInSessions>().FindActiveAsync(id, userId, cancellationToken) is not null;
    }

    /// <summary>
    /// True while the principal's account exists, is not locked and has the security stamp the principal
    /// carries. Reads the account in a scope of its own, never through a context that may hold it stale.
    /// </summary>
    public static async Task<bool> IsStillValidAsync(IServiceScopeFactory scopes, ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.GetUserAsync(principal);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return false;
        }

        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        return principal.FindFirstValue(stampClaim) == await users.GetSecurityStampAsync(user);
    }
}
