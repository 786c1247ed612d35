using DiploPortal.Core.Common;
using DiploPortal.Core.Security;

namespace DiploPortal.Web.Accounts;

/// <summary>
/// An account as the administration pages show it. <see cref="ConcurrencyStamp"/> is Identity's: it
/// changes with every save, so an edit made on an older copy is recognised as stale.
/// </summary>
public sealed record Account(
    int Id,
    string UserName,
    string DisplayName,
    PortalRole Role,
    Classification Clearance,
    string NationCode,
    DateTimeOffset? LockedUntil,
    bool IsLocked,
    int FailedSignIns,
    DateTime CreatedAt,
    string ConcurrencyStamp)
{
    /// <summary>Locked by an administrator (until unlocked) rather than for a while after failed sign-ins.</summary>
    public bool IsLockedIndefinitely => IsLocked && LockedUntil == DateTimeOffset.MaxValue;
}
