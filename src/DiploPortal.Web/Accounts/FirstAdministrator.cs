using DiploPortal.Core.Audit;
using DiploPortal.Core.Common;
using DiploPortal.Core.Security;
using DiploPortal.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Web.Accounts;

/// <summary>
/// The first administrator of a production database, from configuration
/// (<c>Portal:Setup:FirstAdministrator:UserName</c>, <c>Password</c>, <c>Nationality</c>, <c>Clearance</c>):
/// created only while the database holds no administrator, so that a deployment without demo accounts
/// can be signed into once; every later account is made by an administrator on <c>/admin/accounts</c>.
/// </summary>
public sealed partial class FirstAdministrator(UserManager<PortalUser> users, AuditTrail audit, IConfiguration configuration, ILogger<FirstAdministrator> logger)
{
    public const string Section = "Portal:Setup:FirstAdministrator";

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var settings = configuration.GetSection(Section);
        var userName = settings["UserName"];
        if (string.IsNullOrWhiteSpace(userName))
        {
            return;
        }

        if (await users.Users.AnyAsync(u => u.Role == PortalRole.Administrator, cancellationToken))
        {
            LogAlreadyThere(logger, userName);
            return;
        }

        if (!Enum.TryParse<Classification>(settings["Clearance"], ignoreCase: true, out var clearance) || !Enum.IsDefined(clearance)
            || settings["Nationality"] is not { Length: 3 } nation)
        {
            throw new StartupConfigurationException(
                $"{Section} needs a Clearance (Unclassified, Restricted, Confidential or Secret) and a Nationality (alpha-3 code)",
                "set Portal__Setup__FirstAdministrator__Clearance and __Nationality, e.g. Secret and GBR");
        }

        var user = new PortalUser { UserName = userName, DisplayName = userName, Role = PortalRole.Administrator, Clearance = clearance, NationCode = nation.ToUpperInvariant() };
        var result = await users.CreateAsync(user, settings["Password"] ?? "");
        if (!result.Succeeded)
        {
            throw new StartupConfigurationException(
                $"the first administrator {userName} could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}",
                "fix Portal__Setup__FirstAdministrator__* (a password of at least 12 characters, a free user name)");
        }

        await audit.RecordAsync(AuditAction.PermissionChanged, nameof(PortalUser), userName,
            new { Role = user.Role.ToString(), Clearance = clearance.ToString(), Nationality = user.NationCode, Reason = "first administrator, from configuration" }, cancellationToken);
        LogCreated(logger, userName, clearance);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "First administrator {UserName} created (cleared to {Clearance}); remove its password from the configuration now")]
    private static partial void LogCreated(ILogger logger, string userName, Classification clearance);

    [LoggerMessage(Level = LogLevel.Information, Message = "An administrator exists; the first administrator {UserName} from configuration is not created")]
    private static partial void LogAlreadyThere(ILogger logger, string userName);
}
