using DiploPortal.Core.Audit;
using DiploPortal.Core.Security;
using Microsoft.AspNetCore.Identity;

namespace DiploPortal.Web.Accounts;

/// <summary>The outcome of a password check: the account when it succeeded.</summary>
public sealed record PasswordCheckResult(PortalUser? User, bool IsLockedOut)
{
    public bool Succeeded => User is not null;
}

/// <summary>
/// One way to check a user name and password, for the sign-in page and the token endpoint alike:
/// failures count towards lockout, both outcomes are audited (never the password), and an unknown
/// user name costs as much time as a wrong password, so the answer's timing does not tell which
/// user names exist.
/// </summary>
public sealed class PasswordCheck(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, IPasswordHasher<PortalUser> hasher, AuditTrail audit)
{
    private static readonly PortalUser Nobody = new() { UserName = "" };

    // Made by the portal's own hasher, so that verifying it costs what a real account's check costs
    // (the configured iteration count, not the library's default).
    private static string? _nobodysHash;

    /// <summary>Checks the password; <paramref name="channel"/> ("page", "api") is recorded with the outcome.</summary>
    public async Task<PasswordCheckResult> CheckAsync(string userName, string password, string channel)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            _nobodysHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(Nobody, _nobodysHash, password);
            await audit.RecordAsync(userName, AuditAction.SignInFailed, nameof(PortalUser), userName, new { channel, reason = "wrong user name or password" });
            return new PasswordCheckResult(null, IsLockedOut: false);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync(userName, AuditAction.SignedIn, nameof(PortalUser), userName, new { channel });
            return new PasswordCheckResult(user, IsLockedOut: false);
        }

        await audit.RecordAsync(userName, AuditAction.SignInFailed, nameof(PortalUser), userName,
            new { channel, reason = result.IsLockedOut ? "locked out" : "wrong user name or password" });
        return new PasswordCheckResult(null, result.IsLockedOut);
    }
}
