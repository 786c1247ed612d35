using System.Security.Claims;
using DiploPortal.Core.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DiploPortal.Web.Accounts;

/// <summary>
/// A Blazor circuit keeps the user it started with and makes no requests for the cookie check to
/// see, so an open tab would outlive a lock or a lowered clearance. Every minute this checks that the
/// circuit's account still exists with the security stamp its sign-in was issued with; when not, the
/// circuit's user becomes anonymous (pages then ask to sign in, and the query filters follow).
/// </summary>
public sealed class SecurityStampRevalidation(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> identityOptions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override TimeSpan RevalidationInterval => Interval;

    /// <summary>Whether the sign-in of <paramref name="principal"/> still holds: the account exists and its stamp is unchanged.</summary>
    public async Task<bool> IsStillValidAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return false;
        }

        var issuedWith = principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
        return string.Equals(issuedWith, await users.GetSecurityStampAsync(user), StringComparison.Ordinal);
    }

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        return IsStillValidAsync(authenticationState.User);
    }
}
