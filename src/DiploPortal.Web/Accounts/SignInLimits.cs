using System.Text;
using DiploPortal.Core.Audit;
using DiploPortal.Core.Security;

namespace DiploPortal.Web.Accounts;

/// <summary>
/// The entrance guard of the sign-in page and the token endpoint: a user name or password no account
/// can have (over-long, or holding a NUL or another control character) is refused before it reaches
/// Identity, the database or the trail, with the same answer as a wrong password. The refusal is
/// audited under a short, cleaned copy of the name, so a probe leaves a trace but never its payload.
/// </summary>
public static class SignInLimits
{
    /// <summary>Identity's own column holds 256 characters; no account has a longer name.</summary>
    public const int MaxUserNameLength = 256;

    /// <summary>Long passphrases are welcome; a megabyte of "password" is an attack on the hasher.</summary>
    public const int MaxPasswordLength = 1_024;

    /// <summary>How much of a refused user name the audit entry keeps.</summary>
    public const int AuditedUserNameLength = 64;

    public static bool Accepts(string? userName, string? password) =>
        userName is { Length: <= MaxUserNameLength } && !userName.Any(char.IsControl)
        && password is { Length: <= MaxPasswordLength } && !password.Contains('\0', StringComparison.Ordinal);

    /// <summary>At most <see cref="AuditedUserNameLength"/> characters, control characters dropped, "…" when cut.</summary>
    public static string ForAudit(string? userName)
    {
        var cleaned = new StringBuilder(AuditedUserNameLength + 1);
        foreach (var c in userName ?? "")
        {
            if (cleaned.Length == AuditedUserNameLength)
            {
                return cleaned.Append('…').ToString();
            }

            if (!char.IsControl(c) && !char.IsSurrogate(c))
            {
                cleaned.Append(c);
            }
        }

        return cleaned.ToString();
    }

    /// <summary>Records the refused attempt as a failed sign-in, under the shortened name.</summary>
    public static Task RecordRefusalAsync(AuditTrail audit, string? userName, string channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var name = ForAudit(userName);
        return audit.RecordAsync(name, AuditAction.SignInFailed, nameof(PortalUser), name, new { channel, reason = "user name or password too long or with control characters" }, cancellationToken);
    }
}
