using DiploPortal.Core.Common;
using DiploPortal.Core.Security;
using Microsoft.AspNetCore.Identity;

namespace DiploPortal.Web.Accounts;

/// <summary>
/// Development-only accounts for trying the portal: admin, staff, planner and analyst (cleared to
/// secret) and analyst-restricted (restricted only). Production never creates them.
/// </summary>
public sealed partial class DemoAccounts(UserManager<PortalUser> users, IWebHostEnvironment environment, ILogger<DemoAccounts> logger)
{
    public const string PasswordVariable = "DIPLOPORTAL_DEMO_PASSWORD";

    /// <summary>Used when <see cref="PasswordVariable"/> is unset; documented in the README, development only.</summary>
    public const string DefaultPassword = "diploportal-demo";

    private static readonly (string UserName, string DisplayName, PortalRole Role, Classification Clearance, string Nation)[] Accounts =
    [
        ("admin", "Portal administrator", PortalRole.Administrator, Classification.Secret, "GBR"),
        ("staff", "Engagement staff officer", PortalRole.Staff, Classification.Secret, "GBR"),
        ("planner", "Exercise planner", PortalRole.Planner, Classification.Secret, "USA"),
        ("analyst", "Alliance analyst", PortalRole.Analyst, Classification.Secret, "USA"),
        ("analyst-restricted", "Analyst (restricted)", PortalRole.Analyst, Classification.Restricted, "FRA"),
    ];

    public static string Password => Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } value ? value : DefaultPassword;

    public async Task EnsureAsync()
    {
        if (!environment.IsDevelopment())
        {
            throw new Hosting.StartupConfigurationException(
                "demo accounts are for Development only; Production never seeds them",
                "remove Portal__Setup__DemoAccounts; use ./run.sh to try the portal with demo accounts");
        }

        foreach (var (userName, displayName, role, clearance, nation) in Accounts)
        {
            if (await users.FindByNameAsync(userName) is not null)
            {
                continue;
            }

            var user = new PortalUser { UserName = userName, DisplayName = displayName, Role = role, Clearance = clearance, NationCode = nation };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"The demo account {userName} could not be created: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }

            LogCreated(logger, userName, role, clearance);
        }
    }

    /// <summary>
    /// The demo user names that exist and open with the published demo password: outside Development the
    /// portal refuses to start while any does (<see cref="Hosting.ProductionSafeguards"/>).
    /// </summary>
    public async Task<IReadOnlyList<string>> WithThePublishedPasswordAsync()
    {
        var found = new List<string>();
        foreach (var (userName, _, _, _, _) in Accounts)
        {
            // The hasher, not CheckPasswordAsync: this check must not count as a failed sign-in.
            if (await users.FindByNameAsync(userName) is { PasswordHash: { } hash } user
                && users.PasswordHasher.VerifyHashedPassword(user, hash, DefaultPassword) != PasswordVerificationResult.Failed)
            {
                found.Add(userName);
            }
        }

        return found;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo account {UserName} created ({Role}, cleared to {Clearance})")]
    private static partial void LogCreated(ILogger logger, string userName, PortalRole role, Classification clearance);
}
