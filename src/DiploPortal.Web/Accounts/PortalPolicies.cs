using DiploPortal.Core.Security;
using Microsoft.AspNetCore.Authorization;

namespace DiploPortal.Web.Accounts;

/// <summary>Named authorization policies; docs/SECURITY.md has the table of who holds which.</summary>
public static class PortalPolicies
{
    /// <summary>Accounts, reference data and the audit trail.</summary>
    public const string Administer = "administer";

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Administer, policy => policy.RequireAuthenticatedUser().RequireRole(nameof(PortalRole.Administrator)));
    }
}
