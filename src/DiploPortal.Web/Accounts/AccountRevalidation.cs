using System.Security.Claims;
using DiploPortal.Core.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DiploPortal.Web.Accounts;

/// <summary>
/// A Blazor circuit keeps the principal it started with for as long as the tab stays open. Once a
/// minute this checks the account again, so that an account an administrator locked, or whose role,
/// clearance or nationality changed (which renews its security stamp), loses the circuit too, not
/// only its cookie on the next request.
/// </summary>
public sealed class AccountRevalidation(ILoggerFactory loggerFactory, IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    /// <summary>How often open circuits, and sign-in cookies (the security stamp validator), are checked again.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        return await IsStillValidAsync(scopes, authenticationState.User);
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
