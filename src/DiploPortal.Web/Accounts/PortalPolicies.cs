using DiploPortal.Core.Security;
using Microsoft.AspNetCore.Authorization;

namespace DiploPortal.Web.Accounts;

/// <summary>Named authorization policies; docs/SECURITY.md has the table of who holds which.</summary>
public static class PortalPolicies
{
    /// <summary>Reading records, within the account's clearance: every signed-in account.</summary>
    public const string ReadRecords = "read-records";

    /// <summary>Creating, editing and deleting engagements, attachés and their reports, and missions: staff.</summary>
    public const string MaintainRecords = "maintain-records";

    /// <summary>Creating, editing and deleting joint exercises and their calendar: planners.</summary>
    public const string PlanExercises = "plan-exercises";

    /// <summary>Writing assessments: analysts.</summary>
    public const string WriteAssessments = "write-assessments";

    /// <summary>Accounts, reference data and the audit trail.</summary>
    public const string Administer = "administer";

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Nothing is reachable without signing in unless it says so ([AllowAnonymous]): sign-in, static files, health.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(ReadRecords, policy => policy.RequireAuthenticatedUser());
        options.AddPolicy(MaintainRecords, policy => policy.RequireAuthenticatedUser().RequireRole(nameof(PortalRole.Staff)));
        options.AddPolicy(PlanExercises, policy => policy.RequireAuthenticatedUser().RequireRole(nameof(PortalRole.Planner)));
        options.AddPolicy(WriteAssessments, policy => policy.RequireAuthenticatedUser().RequireRole(nameof(PortalRole.Analyst)));
        options.AddPolicy(Administer, policy => policy.RequireAuthenticatedUser().RequireRole(nameof(PortalRole.Administrator)));
    }
}
