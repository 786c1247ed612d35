using DiploPortal.Core.Common;
using DiploPortal.Core.Security;

namespace DiploPortal.Web.Accounts;

/// <summary>
/// What an administrator sets on an account. Mutable, because the forms bind to it; the rules are
/// <see cref="AccountAdministration"/>'s, checked on the server.
/// </summary>
public abstract class AccountSettings
{
    public string DisplayName { get; set; } = "";

    public PortalRole Role { get; set; } = PortalRole.Staff;

    public Classification Clearance { get; set; } = Classification.Unclassified;

    /// <summary>Alpha-3 code of a current state.</summary>
    public string NationCode { get; set; } = "";
}

/// <summary>A new account, with the password its holder signs in with first.</summary>
public sealed class NewAccount : AccountSettings
{
    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";
}

/// <summary>Changes to an existing account, made on the copy whose <see cref="ConcurrencyStamp"/> this carries.</summary>
public sealed class AccountChanges : AccountSettings
{
    public string ConcurrencyStamp { get; set; } = "";

    /// <summary>True to lock the account, false to unlock it, null to leave it (the API's PATCH; the page has buttons).</summary>
    public bool? Locked { get; set; }

    public static AccountChanges From(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new AccountChanges
        {
            DisplayName = account.DisplayName,
            Role = account.Role,
            Clearance = account.Clearance,
            NationCode = account.NationCode,
            ConcurrencyStamp = account.ConcurrencyStamp,
        };
    }
}
