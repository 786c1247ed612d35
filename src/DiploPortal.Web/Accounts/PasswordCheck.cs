using DiploPortal.Core.Audit;
using DiploPortal.Core.Security;
using Microsoft.AspNetCore.Identity;

namespace DiploPortal.Web.Accounts;

/// <summary>The outcome of a password check: the account when it succeeded, how long to wait when throttled.</summary>
public sealed record PasswordCheckResult(PortalUser? User, TimeSpan? RetryAfter)
{
    public bool Succeeded => User is not null;

    public bool IsThrottled => RetryAfter is not null;
}

/// <summary>
/// One way to check a user name and password, for the sign-in page and the token endpoint alike.
/// <para>
/// An unknown user name, a wrong password and a locked account get the same answer after the same
/// work: the account is looked up, a password hash is verified (a dummy one for an unknown name),
/// and the outcome is audited (never the password). A lock is checked only after the hash, so a
/// locked account answers no faster than any other. Failures are never counted on the account
/// (no lockout a stranger could cause); <see cref="SignInThrottle"/> slows the client that fails instead.
/// </para>
/// </summary>
public sealed partial class PasswordCheck(UserManager<PortalUser> users, IPasswordHasher<PortalUser> hasher, SignInThrottle throttle, AuditTrail audit, ILogger<PasswordCheck> logger)
{
    /// <summary>The one answer to every failed check: it does not say which part was wrong, nor that an account is locked.</summary>
    public const string Refusal = "The user name or password is not correct.";

    private static readonly PortalUser Nobody = new() { UserName = "" };

    // Made by the portal's own hasher, so that verifying it costs what a real account's check costs
    // (the configured iteration count, not the library's default).
    private static string? _nobodysHash;

    /// <summary>The text a throttled person reads.</summary>
    public static string ThrottledMessage(TimeSpan wait) =>
        $"Too many failed sign-ins from here. Try again in {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} seconds.";

    /// <summary>The client a request comes from, as throttling counts it (the proxy's, behind a proxy without forwarded headers).</summary>
    public static string ClientOf(HttpContext? context) => context?.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// Checks the password of <paramref name="userName"/> for a request from <paramref name="client"/> (its
    /// address); <paramref name="channel"/> ("page", "api") is recorded with the outcome.
    /// </summary>
    public async Task<PasswordCheckResult> CheckAsync(string userName, string password, string channel, string client)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        if (throttle.PauseFor(userName, client) is { } wait)
        {
            // Neither the name nor the address: a flood of throttled attempts must not fill the logs with personal data.
            LogThrottled(logger, channel, wait);
            return new PasswordCheckResult(null, wait);
        }

        var user = await users.FindByNameAsync(userName);
        var passwordMatches = await VerifyAsync(user, password);
        if (user is not null && passwordMatches && !await users.IsLockedOutAsync(user))
        {
            throttle.RecordSuccess(userName, client);
            await audit.RecordAsync(userName, AuditAction.SignedIn, nameof(PortalUser), userName, new { channel });
            return new PasswordCheckResult(user, null);
        }

        throttle.RecordFailure(userName, client);
        var reason = user is null ? "unknown user name" : passwordMatches ? "account locked" : "wrong password";
        await audit.RecordAsync(userName, AuditAction.SignInFailed, nameof(PortalUser), userName, new { channel, reason });
        return new PasswordCheckResult(null, null);
    }

    /// <summary>Always runs the hasher once: on the account's hash, or on a dummy one when there is no account or no password.</summary>
    private async Task<bool> VerifyAsync(PortalUser? user, string password)
    {
        if (user?.PasswordHash is not null)
        {
            // Identity's check: the same hasher, and a hash made with fewer iterations is upgraded.
            return await users.CheckPasswordAsync(user, password);
        }

        _nobodysHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(Nobody, _nobodysHash, password);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in attempt ({Channel}) refused unchecked: the client failed too often and must wait {Wait}")]
    private static partial void LogThrottled(ILogger logger, string channel, TimeSpan wait);
}
