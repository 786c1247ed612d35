using DiploPortal.Core.Common;
using DiploPortal.Core.Security;
using DiploPortal.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace DiploPortal.Web.Tests.Accounts;

/// <summary>
/// An administrator grants only what they hold: at most their own clearance, only their own nationality, and
/// an account outside that reach can lose access at their hands but never gain it, nor get a password from them.
/// </summary>
public sealed class AdministratorReach(AccountsPortal portal) : IClassFixture<AccountsPortal>, IDisposable
{
    private readonly IServiceScope _scope = portal.Services.CreateScope();

    private AccountAdministration Accounts => _scope.ServiceProvider.GetRequiredService<AccountAdministration>();

    public void Dispose() => _scope.Dispose();

    [Fact]
    public async Task RefusesToCreateAnAccountClearedAboveTheAdministratorWithTheReasonBesideTheClearance()
    {
        var admin = await AdministratorAsync(Classification.Restricted, "GBR");
        var input = NewInput(Classification.Secret, "GBR");

        var result = await Accounts.CreateAsync(admin, input);

        Assert.Equal(AccountOutcome.Invalid, result.Outcome);
        Assert.Contains("at most Restricted", result.ErrorFor(nameof(AccountSettings.Clearance)), StringComparison.Ordinal);
        Assert.Null(await Accounts.FindByUserNameAsync(input.UserName));
    }

    [Fact]
    public async Task CreatesAnAccountClearedAsHighAsTheAdministrator()
    {
        var admin = await AdministratorAsync(Classification.Confidential, "GBR");

        var result = await Accounts.CreateAsync(admin, NewInput(Classification.Confidential, "GBR"));

        Assert.True(result.Succeeded, result.Message);
    }

    [Fact]
    public async Task RefusesToGiveANationalityOtherThanTheAdministratorsOwn()
    {
        var admin = await AdministratorAsync(Classification.Secret, "GBR");
        var input = NewInput(Classification.Restricted, "USA");

        var result = await Accounts.CreateAsync(admin, input);

        Assert.Equal(AccountOutcome.Invalid, result.Outcome);
        Assert.Contains("only your own nationality (GBR)", result.ErrorFor(nameof(AccountSettings.NationCode)), StringComparison.Ordinal);
        Assert.Null(await Accounts.FindByUserNameAsync(input.UserName));
    }

    [Fact]
    public async Task RefusesToRaiseAnAccountAboveTheAdministratorsClearance()
    {
        var admin = await AdministratorAsync(Classification.Restricted, "GBR");
        var user = await portal.CreateAccountAsync(PortalRole.Analyst, Classification.Restricted, "GBR");
        var changes = AccountChanges.From((await Accounts.FindAsync(user.Id))!);
        changes.Clearance = Classification.Secret;

        var result = await Accounts.UpdateAsync(admin, user.Id, changes);

        Assert.Contains("at most Restricted", result.ErrorFor(nameof(AccountSettings.Clearance)), StringComparison.Ordinal);
        Assert.Equal(Classification.Restricted, (await Accounts.FindAsync(user.Id))!.Clearance);
    }

    [Fact]
    public async Task LowersButOtherwiseLeavesAnAccountClearedAboveTheAdministrator()
    {
        var admin = await AdministratorAsync(Classification.Restricted, "GBR");
        var user = await portal.CreateAccountAsync(PortalRole.Analyst, Classification.Secret, "GBR");
        var lower = AccountChanges.From((await Accounts.FindAsync(user.Id))!);
        lower.Clearance = Classification.Confidential;

        var lowered = await Accounts.UpdateAsync(admin, user.Id, lower);
        var promote = AccountChanges.From((await Accounts.FindAsync(user.Id))!);
        promote.Role = PortalRole.Administrator;
        var promoted = await Accounts.UpdateAsync(admin, user.Id, promote);

        Assert.True(lowered.Succeeded, lowered.Message);
        Assert.Contains("above your Restricted", promoted.ErrorFor(nameof(AccountSettings.Role)), StringComparison.Ordinal);
        Assert.Equal((PortalRole.Analyst, Classification.Confidential), ((await Accounts.FindAsync(user.Id))!.Role, (await Accounts.FindAsync(user.Id))!.Clearance));
    }

    [Fact]
    public async Task RefusesToMoveAnAccountToAnotherNationOrRaiseAnotherNationsNational()
    {
        var admin = await AdministratorAsync(Classification.Secret, "GBR");
        var ours = await portal.CreateAccountAsync(PortalRole.Analyst, Classification.Restricted, "GBR");
        var theirs = await portal.CreateAccountAsync(PortalRole.Analyst, Classification.Restricted, "USA");
        var move = AccountChanges.From((await Accounts.FindAsync(ours.Id))!);
        move.NationCode = "USA";
        var raise = AccountChanges.From((await Accounts.FindAsync(theirs.Id))!);
        raise.Clearance = Classification.Secret;

        var moved = await Accounts.UpdateAsync(admin, ours.Id, move);
        var raised = await Accounts.UpdateAsync(admin, theirs.Id, raise);

        Assert.Contains("only your own nationality", moved.ErrorFor(nameof(AccountSettings.NationCode)), StringComparison.Ordinal);
        Assert.Contains("Only an administrator of USA", raised.ErrorFor(nameof(AccountSettings.Clearance)), StringComparison.Ordinal);
        Assert.Equal("GBR", (await Accounts.FindAsync(ours.Id))!.NationCode);
        Assert.Equal(Classification.Restricted, (await Accounts.FindAsync(theirs.Id))!.Clearance);
    }

    [Fact]
    public async Task RefusesToSetThePasswordOfAnAccountTheAdministratorCouldNotHold()
    {
        var admin = await AdministratorAsync(Classification.Restricted, "GBR");
        var higher = await portal.CreateAccountAsync(PortalRole.Analyst, Classification.Secret, "GBR");
        var foreign = await portal.CreateAccountAsync(PortalRole.Analyst, Classification.Unclassified, "USA");

        var aboveClearance = await Accounts.ResetPasswordAsync(admin, higher.Id, "a password the admin would know");
        var otherNation = await Accounts.ResetPasswordAsync(admin, foreign.Id, "a password the admin would know");

        Assert.Equal(AccountOutcome.Refused, aboveClearance.Outcome);
        Assert.Contains("cleared to Secret", aboveClearance.Message, StringComparison.Ordinal);
        Assert.Equal(AccountOutcome.Refused, otherNation.Outcome);
        Assert.Contains("national of USA", otherNation.Message, StringComparison.Ordinal);
        using var client = portal.CreateBrowserClient();
        using var signIn = await AccountsPortal.PostSignInAsync(client, higher.UserName!, DemoAccounts.Password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
    }

    private async Task<System.Security.Claims.ClaimsPrincipal> AdministratorAsync(Classification clearance, string nation) =>
        await portal.PrincipalOfAsync(await portal.CreateAccountAsync(PortalRole.Administrator, clearance, nation));

    private static NewAccount NewInput(Classification clearance, string nation) => new()
    {
        UserName = $"reach-{Guid.NewGuid():N}"[..16],
        DisplayName = "Reach test",
        Role = PortalRole.Analyst,
        Clearance = clearance,
        NationCode = nation,
        Password = "a long enough initial password",
    };
}
