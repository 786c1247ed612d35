using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace DiploPortal.Web.Accounts;

/// <summary>
/// Ties the sign-in cookie to its server-side session (<see cref="SignInSessions"/>): a cookie whose
/// session ended, expired or is missing is refused and deleted, even if the cookie itself is intact
/// (one copied before signing out); then Identity's security stamp check runs as before. While the
/// session is in use it slides forward at most once a minute, and the cookie is renewed with it, so
/// that the record's expiry is the cookie's.
/// </summary>
public static class SessionCookieEvents
{
    public static void Apply(CookieAuthenticationOptions cookie)
    {
        ArgumentNullException.ThrowIfNull(cookie);
        cookie.Events.OnValidatePrincipal = ValidateAsync;
        cookie.Events.OnCheckSlidingExpiration = SlideWithCookieAsync;
    }

    /// <summary>Keeps the session claim when the security stamp check rebuilds the principal from the account.</summary>
    public static Task KeepSessionClaim(SecurityStampRefreshingPrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.CurrentPrincipal?.FindFirst(SignInSessions.ClaimType) is { } session
            && context.NewPrincipal?.Identity is ClaimsIdentity identity
            && !identity.HasClaim(c => c.Type == SignInSessions.ClaimType))
        {
            identity.AddClaim(new Claim(SignInSessions.ClaimType, session.Value));
        }

        return Task.CompletedTask;
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SignInSessions>();
        var (id, userId) = SessionOf(context.Principal);
        var session = id is { } sessionId && userId is { } owner
            ? await sessions.FindActiveAsync(sessionId, owner, context.HttpContext.RequestAborted)
            : null;
        if (session is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal is null)
        {
            return;
        }

        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        if (now - session.LastSeenAt >= SignInSessions.SlideResolution)
        {
            await sessions.SlideAsync(id!.Value, userId!.Value, context.HttpContext.RequestAborted);
            // The renewed cookie lives a full lifetime from now, like the record just slid.
            context.ShouldRenew = true;
        }
    }

    /// <summary>The cookie handler's own sliding renewal (past half the lifetime) moves the record too.</summary>
    private static async Task SlideWithCookieAsync(CookieSlidingExpirationContext context)
    {
        if (context.ShouldRenew && SessionOf(context.Principal) is ({ } id, { } userId))
        {
            await context.HttpContext.RequestServices.GetRequiredService<SignInSessions>().SlideAsync(id, userId, context.HttpContext.RequestAborted);
        }
    }

    private static (Guid? Id, int? UserId) SessionOf(ClaimsPrincipal? principal) =>
        (SignInSessions.IdOf(principal),
         int.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var userId) ? userId : null);
}
