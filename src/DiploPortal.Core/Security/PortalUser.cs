using DiploPortal.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace DiploPortal.Core.Security;

/// <summary>What a person does in the portal; each role has its own permissions (docs/SECURITY.md).</summary>
public enum PortalRole
{
    Staff,
    Planner,
    Analyst,
    Administrator,
}

/// <summary>
/// An account. Administrators create accounts (there is no self-registration); each has one role,
/// a clearance and a nationality, which together decide what the person may see and change.
/// </summary>
public class PortalUser : IdentityUser<int>
{
    public const int DisplayNameMaxLength = 120;

    public string DisplayName { get; set; } = "";

    public PortalRole Role { get; set; }

    public Classification Clearance { get; set; }

    /// <summary>Alpha-3 code of the nation the person is a national of.</summary>
    public string NationCode { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
