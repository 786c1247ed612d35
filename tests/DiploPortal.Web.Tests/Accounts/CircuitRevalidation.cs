using DiploPortal.Core.Common;
using DiploPortal.Core.Security;
using DiploPortal.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DiploPortal.Web.Tests.Accounts;

/// <summary>The check an open circuit runs every minute against the account as it is now.</summary>
public class CircuitRevalidation(AccountsPortal portal) : IClassFixture<AccountsPortal>
{
    [Fact]
    public async Task KeepsAnUnchangedAccountSignedIn()
    {
        var (principal, _) = await SignedInPrincipalAsync();

        Assert.True(await IsStillValidAsync(principal));
    }

    [Fact]
    public async Task EndsTheCircuitOfAnAccountWhosePermissionsChanged()
    {
        var (principal, userName) = await SignedInPrincipalAsync();

        using (var scope = portal.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.FindByNameAsync(userName);
            user!.Clearance = Classification.Unclassified;
            await users.UpdateAsync(user);
            await users.UpdateSecurityStampAsync(user);
        }

        Assert.False(await IsStillValidAsync(principal));
    }

    [Fact]
    public async Task EndsTheCircuitOfALockedAccount()
    {
        var (principal, userName) = await SignedInPrincipalAsync();

        await portal.Database.ExecuteAsync($"UPDATE users SET lockout_end = now() + interval '1 hour' WHERE user_name = '{userName}'");

        Assert.False(await IsStillValidAsync(principal));
    }

    private Task<bool> IsStillValidAsync(System.Security.Claims.ClaimsPrincipal principal) =>
        AccountRevalidation.IsStillValidAsync(portal.Services.GetRequiredService<IServiceScopeFactory>(), principal);

    /// <summary>A fresh account and the principal its sign-in cookie would carry.</summary>
    private async Task<(System.Security.Claims.ClaimsPrincipal Principal, string UserName)> SignedInPrincipalAsync()
    {
        var user = await portal.CreateAccountAsync(PortalRole.Analyst, Classification.Secret, "USA");
        using var scope = portal.Services.CreateScope();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
        return (principal, user.UserName!);
    }
}
