using System.Security.Claims;
using DiploPortal.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DiploPortal.Web.Accounts;

/// <summary>Puts the account's role, clearance and nationality into its sign-in cookie.</summary>
public sealed class PortalUserClaimsFactory(UserManager<PortalUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaims(PortalClaims.For(user));
        return identity;
    }
}
