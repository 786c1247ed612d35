using System.Net;
using System.Security.Claims;
using System.Text.Json;
using DiploPortal.Core.Audit;
using DiploPortal.Core.Common;
using DiploPortal.Core.Security;
using DiploPortal.Web.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DiploPortal.Web.Tests.Accounts;

/// <summary>
/// What administrators can do with accounts and what they cannot. The database is shared by the
/// tests of this class, so each test creates the accounts it works with, under names of its own.
/// </summary>
public sealed class AccountAdministrationRules(AccountsPortal portal) : IClassFixture<AccountsPortal>, IDisposable
{
    private const string Password = "correct horse battery";

    private readonly IServiceScope _scope = portal.Services.CreateScope();

    private AccountAdministration Accounts => _scope.ServiceProvider.GetRequiredService<AccountAdministration>();

    public void Dispose() => _scope.Dispose();

    [Fact]
    public async Task CreatesAnAccountThatSignsInWithItsInitialPassword()
    {
        var (_, admin) = await NewAccountAsync(PortalRole.Administrator);
        var input = NewInput("newcomer");

        var result = await Accounts.CreateAsync(admin, input);

        Assert.True(result.Succeeded, result.Message);
        var account = await Accounts.FindAsync(result.AccountId);
        Assert.NotNull(account);
        Assert.Equal((input.UserName, "Visiting analyst", PortalRole.Analyst, Classification.Confidential, "GBR", false),
            (account.UserName, account.DisplayName, account.Role, account.Clearance, account.NationCode, account.IsLocked));
        Assert.Contains(await Accounts.ListAsync(), a => a.Id == account.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(input.UserName, Password)).StatusCode);
    }

    [Fact]
    public async Task ChangesPermissionsAndRecordsThemBeforeAndAfter()
    {
        var (administrator, admin) = await NewAccountAsync(PortalRole.Administrator);
        var (user, _) = await NewAccountAsync(PortalRole.Staff, "FRA");
        var account = (await Accounts.FindAsync(user.Id))!;
        var changes = AccountChanges.From(account);
        changes.DisplayName = "Promoted analyst";
        changes.Role = PortalRole.Analyst;
        changes.Clearance = Classification.Secret;
        changes.NationCode = "gbr";

        var result = await Accounts.UpdateAsync(admin, user.Id, changes);

        Assert.True(result.Succeeded, result.Message);
        var changed = (await Accounts.FindAsync(user.Id))!;
        Assert.Equal(("Promoted analyst", PortalRole.Analyst, Classification.Secret, "GBR"), (changed.DisplayName, changed.Role, changed.Clearance, changed.NationCode));
        var entry = Assert.Single(await PermissionChangesAsync(user.UserName!));
        Assert.Equal(administrator.UserName, entry.Actor);
        Assert.Equal("""{"Clearance":"Restricted","NationCode":"FRA","Role":"Staff"}""", Compact(entry.Before));
        Assert.Equal("""{"Clearance":"Secret","NationCode":"GBR","Role":"Analyst"}""", Compact(entry.After));
    }

    [Fact]
    public async Task RecordsNoPermissionChangeForANewDisplayNameAlone()
    {
        var (_, admin) = await NewAccountAsync(PortalRole.Administrator);
        var (user, _) = await NewAccountAsync(PortalRole.Planner);
        var changes = AccountChanges.From((await Accounts.FindAsync(user.Id))!);
        changes.DisplayName = "Renamed planner";

        var result = await Accounts.UpdateAsync(admin, user.Id, changes);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("Renamed planner", (await Accounts.FindAsync(user.Id))!.DisplayName);
        Assert.Empty(await PermissionChangesAsync(user.UserName!));
    }

    [Fact]
    public async Task RefusesAnEditMadeOnACopySomeoneElseChangedSince()
    {
        var (_, admin) = await NewAccountAsync(PortalRole.Administrator);
        var (user, _) = await NewAccountAsync(PortalRole.Staff);
        var opened = (await Accounts.FindAsync(user.Id))!;
        var first = AccountChanges.From(opened);
        first.Clearance = Classification.Confidential;
        var second = AccountChanges.From(opened);
        second.Clearance = Classification.Secret;

        var saved = await Accounts.UpdateAsync(admin, user.Id, first);
        var stale = await Accounts.UpdateAsync(admin, user.Id, second);

        Assert.True(saved.Succeeded, saved.Message);
        Assert.Equal(AccountOutcome.Conflict, stale.Outcome);
        Assert.Contains("Someone else changed this account", stale.Message, StringComparison.Ordinal);
        Assert.Equal(Classification.Confidential, (await Accounts.FindAsync(user.Id))!.Clearance);
    }

    [Fact]
    public async Task GivesAnErrorBesideEachFieldThatIsNotAcceptable()
    {
        var (existing, admin) = await NewAccountAsync(PortalRole.Administrator);
        var input = NewInput("ignored");
        input.UserName = "not a name!";
        input.DisplayName = " ";
        input.NationCode = "XXX";
        input.Password = "short";

        var invalid = await Accounts.CreateAsync(admin, input);
        input.UserName = existing.UserName!.ToUpperInvariant();
        var duplicate = await Accounts.CreateAsync(admin, input);
        input.NationCode = "SUHH";
        var formerState = await Accounts.CreateAsync(admin, input);

        Assert.Equal(AccountOutcome.Invalid, invalid.Outcome);
        Assert.Contains("letters, digits", invalid.ErrorFor(nameof(NewAccount.UserName)), StringComparison.Ordinal);
        Assert.NotNull(invalid.ErrorFor(nameof(NewAccount.DisplayName)));
        Assert.Contains("XXX", invalid.ErrorFor(nameof(NewAccount.NationCode)), StringComparison.Ordinal);
        Assert.Contains("12 characters", invalid.ErrorFor(nameof(NewAccount.Password)), StringComparison.Ordinal);
        Assert.Contains("already has this user name", duplicate.ErrorFor(nameof(NewAccount.UserName)), StringComparison.Ordinal);
        Assert.NotNull(formerState.ErrorFor(nameof(NewAccount.NationCode)));
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM users WHERE user_name = 'not a name!'"));
    }

    [Fact]
    public async Task KeepsAdministratorsFromLockingOrDemotingThemselves()
    {
        var (administrator, admin) = await NewAccountAsync(PortalRole.Administrator);
        var changes = AccountChanges.From((await Accounts.FindAsync(administrator.Id))!);
        changes.Role = PortalRole.Analyst;

        var locked = await Accounts.LockAsync(admin, administrator.Id);
        var demoted = await Accounts.UpdateAsync(admin, administrator.Id, changes);

        Assert.Equal(AccountOutcome.Refused, locked.Outcome);
        Assert.Contains("You cannot lock your own account", locked.Message, StringComparison.Ordinal);
        Assert.Contains("You cannot remove your own Administrator role", demoted.ErrorFor(nameof(AccountSettings.Role)), StringComparison.Ordinal);
        var unchanged = (await Accounts.FindAsync(administrator.Id))!;
        Assert.Equal((PortalRole.Administrator, false), (unchanged.Role, unchanged.IsLocked));
    }

    [Fact]
    public async Task KeepsTheLastUnlockedAdministrator()
    {
        var (last, admin) = await NewAccountAsync(PortalRole.Administrator);
        var others = (await Accounts.ListAsync()).Where(a => a.Role == PortalRole.Administrator && !a.IsLocked && a.Id != last.Id).ToList();
        try
        {
            foreach (var other in others)
            {
                Assert.True((await Accounts.LockAsync(admin, other.Id)).Succeeded);
            }

            var changes = AccountChanges.From((await Accounts.FindAsync(last.Id))!);
            changes.Role = PortalRole.Staff;
            var demoted = await Accounts.UpdateAsync(admin, last.Id, changes);
            var locked = await Accounts.LockAsync(admin, last.Id);

            Assert.Contains("last unlocked administrator", demoted.ErrorFor(nameof(AccountSettings.Role)), StringComparison.Ordinal);
            Assert.Equal(AccountOutcome.Refused, locked.Outcome);
            Assert.Contains("last unlocked administrator", locked.Message, StringComparison.Ordinal);
            Assert.Equal(PortalRole.Administrator, (await Accounts.FindAsync(last.Id))!.Role);
        }
        finally
        {
            foreach (var other in others)
            {
                await Accounts.UnlockAsync(admin, other.Id);
            }
        }
    }

    [Fact]
    public async Task LetsNoLockedOrDemotedAdministratorGoOnAdministering()
    {
        var (_, admin) = await NewAccountAsync(PortalRole.Administrator);
        var (colleague, colleagueSignIn) = await NewAccountAsync(PortalRole.Administrator);
        Assert.True((await Accounts.LockAsync(admin, colleague.Id)).Succeeded);

        // The colleague's cookie still says Administrator; the database no longer does.
        var result = await Accounts.CreateAsync(colleagueSignIn, NewInput("by-locked"));

        Assert.Equal(AccountOutcome.Refused, result.Outcome);
        Assert.DoesNotContain(await Accounts.ListAsync(), a => a.UserName.StartsWith("by-locked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LocksAnAccountUntilAnAdministratorUnlocksIt()
    {
        var (_, admin) = await NewAccountAsync(PortalRole.Administrator);
        var (user, _) = await NewAccountAsync(PortalRole.Analyst);

        var locked = await Accounts.LockAsync(admin, user.Id);
        var whileLocked = await Accounts.FindAsync(user.Id);
        using var refused = await SignInAsync(user.UserName!, Password);
        var unlocked = await Accounts.UnlockAsync(admin, user.Id);
        var afterwards = await Accounts.FindAsync(user.Id);
        using var accepted = await SignInAsync(user.UserName!, Password);

        Assert.True(locked.Succeeded, locked.Message);
        Assert.True(whileLocked!.IsLockedIndefinitely);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        // A locked account is answered like a wrong password (SignInThrottling): it does not say it exists.
        Assert.Contains(PasswordCheck.Refusal, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(unlocked.Succeeded, unlocked.Message);
        Assert.Equal((false, 0), (afterwards!.IsLocked, afterwards.FailedSignIns));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(
            ["""{"Locked":false}""" + " -> " + """{"Locked":true}""", """{"FailedSignIns":0,"Locked":true}""" + " -> " + """{"FailedSignIns":0,"Locked":false}"""],
            (await PermissionChangesAsync(user.UserName!)).Select(e => Compact(e.Before) + " -> " + Compact(e.After)));
    }

    [Fact]
    public async Task ResetsAPasswordWithinThePolicyWithoutRecordingIt()
    {
        var (_, admin) = await NewAccountAsync(PortalRole.Administrator);
        var (user, _) = await NewAccountAsync(PortalRole.Planner);
        const string NewPassword = "a fresh start for planning";

        var tooShort = await Accounts.ResetPasswordAsync(admin, user.Id, "tiny");
        var reset = await Accounts.ResetPasswordAsync(admin, user.Id, NewPassword);
        using var oldPassword = await SignInAsync(user.UserName!, Password);
        using var newPassword = await SignInAsync(user.UserName!, NewPassword);

        Assert.Equal(AccountOutcome.Invalid, tooShort.Outcome);
        Assert.NotNull(tooShort.ErrorFor(nameof(NewAccount.Password)));
        Assert.True(reset.Succeeded, reset.Message);
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, newPassword.StatusCode);
        Assert.Single(await PermissionChangesAsync(user.UserName!));
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>($"SELECT count(*) FROM audit_entries WHERE before::text LIKE '%{NewPassword}%' OR after::text LIKE '%{NewPassword}%'"));
    }

    [Fact]
    public async Task EndsTheSignInsOfAnAccountWhosePermissionsChanged()
    {
        var (_, admin) = await NewAccountAsync(PortalRole.Administrator);
        var (user, userSignIn) = await NewAccountAsync(PortalRole.Analyst);
        Assert.IsType<AccountRevalidation>(_scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
        // The cookie check runs every minute in the portal; here at every request, to see it happen.
        await using var everyRequest = portal.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero)));
        using var browser = everyRequest.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        using var signedIn = await AccountsPortal.PostSignInAsync(browser, user.UserName!, Password);
        using var before = await browser.GetAsync(new Uri("/", UriKind.Relative));
        var validBefore = await AccountRevalidation.IsStillValidAsync(portal.Services.GetRequiredService<IServiceScopeFactory>(), userSignIn);

        var changes = AccountChanges.From((await Accounts.FindAsync(user.Id))!);
        changes.Clearance = Classification.Unclassified;
        Assert.True((await Accounts.UpdateAsync(admin, user.Id, changes)).Succeeded);

        using var after = await browser.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.True(validBefore);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/sign-in", after.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.False(await AccountRevalidation.IsStillValidAsync(portal.Services.GetRequiredService<IServiceScopeFactory>(), userSignIn));
    }

    private static NewAccount NewInput(string prefix) => new()
    {
        UserName = Unique(prefix),
        DisplayName = "Visiting analyst",
        Role = PortalRole.Analyst,
        Clearance = Classification.Confidential,
        NationCode = "GBR",
        Password = Password,
    };

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    /// <summary>
    /// An account made directly through Identity, as the system, and the principal its sign-in would carry:
    /// administrators are cleared Secret, so that they can grant what these tests give; others Restricted.
    /// </summary>
    private async Task<(PortalUser User, ClaimsPrincipal Principal)> NewAccountAsync(PortalRole role, string nation = "GBR")
    {
        await using var scope = portal.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PortalUserState>().ActAsSystem();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser
        {
            UserName = Unique(role.ToString().ToLowerInvariant()),
            DisplayName = $"Test {role}",
            Role = role,
            Clearance = role == PortalRole.Administrator ? Classification.Secret : Classification.Restricted,
            NationCode = nation,
        };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
        return (user, principal);
    }

    private async Task<HttpResponseMessage> SignInAsync(string userName, string password)
    {
        using var client = portal.CreateBrowserClient();
        return await AccountsPortal.PostSignInAsync(client, userName, password);
    }

    private async Task<List<AuditEntry>> PermissionChangesAsync(string userName)
    {
        await using var db = portal.Database.CreateContext();
        return await db.AuditEntries
            .Where(e => e.Action == AuditAction.PermissionChanged && e.EntityKey == userName)
            .OrderBy(e => e.Id)
            .ToListAsync();
    }

    /// <summary>A flat JSON object with its keys in ordinal order (jsonb stores shorter keys first).</summary>
    private static string? Compact(string? json) =>
        json is null ? null : JsonSerializer.Serialize(new SortedDictionary<string, JsonElement>(JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!, StringComparer.Ordinal));
}
