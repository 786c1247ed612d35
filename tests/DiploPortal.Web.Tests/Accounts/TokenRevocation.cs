using System.Net;
using System.Net.Http.Headers;
using DiploPortal.Core.Audit;
using DiploPortal.Core.Common;
using DiploPortal.Core.Security;
using DiploPortal.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DiploPortal.Web.Tests.Accounts;

/// <summary>
/// Tokens die with the access they were made under: a password reset, a new role, clearance or nationality, and
/// a lock by an administrator revoke them (an unlock brings none back); administrators list and revoke any account's.
/// </summary>
public sealed class TokenRevocation(AccountsPortal portal) : IClassFixture<AccountsPortal>, IDisposable
{
    private readonly IServiceScope _scope = portal.Services.CreateScope();

    private AccountAdministration Accounts => _scope.ServiceProvider.GetRequiredService<AccountAdministration>();

    public void Dispose() => _scope.Dispose();

    [Fact]
    public async Task APasswordResetRevokesPersonalAndSessionTokens()
    {
        var (admin, user, personal, session) = await AccountWithTokensAsync();

        var reset = await Accounts.ResetPasswordAsync(admin, user.Id, "a brand new password for them");

        Assert.True(reset.Succeeded, reset.Message);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(personal));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(session));
        var entry = Assert.Single(await PermissionChangesAsync(user.UserName!));
        Assert.Contains("\"TokensRevoked\": 2", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewRoleClearanceOrNationalityRevokesTheTokensAndADisplayNameDoesNot()
    {
        var (admin, user, personal, session) = await AccountWithTokensAsync();
        var rename = AccountChanges.From((await Accounts.FindAsync(user.Id))!);
        rename.DisplayName = "Renamed, tokens kept";

        Assert.True((await Accounts.UpdateAsync(admin, user.Id, rename)).Succeeded);
        var afterRename = (await StatusWithAsync(personal), await StatusWithAsync(session));
        var lower = AccountChanges.From((await Accounts.FindAsync(user.Id))!);
        lower.Clearance = Classification.Unclassified;
        Assert.True((await Accounts.UpdateAsync(admin, user.Id, lower)).Succeeded);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), afterRename);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(personal));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(session));
    }

    [Fact]
    public async Task ALockRevokesTheTokensAndAnUnlockBringsNoneBack()
    {
        var (admin, user, personal, session) = await AccountWithTokensAsync();

        Assert.True((await Accounts.LockAsync(admin, user.Id)).Succeeded);
        Assert.True((await Accounts.UnlockAsync(admin, user.Id)).Succeeded);

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(personal));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(session));
        Assert.All(await Accounts.TokensAsync(user.Id), t => Assert.NotNull(t.RevokedAt));
    }

    [Fact]
    public async Task AnAdministratorListsAnotherAccountsTokensAndRevokesOneWithAnAuditEntry()
    {
        var (admin, user, personal, session) = await AccountWithTokensAsync();
        var tokens = await Accounts.TokensAsync(user.Id);
        var nightly = Assert.Single(tokens, t => t.Kind == AccessTokenKind.Personal);
        Assert.Single(tokens, t => t.Kind == AccessTokenKind.Session);

        var revoked = await Accounts.RevokeTokenAsync(admin, user.Id, nightly.Id);
        var again = await Accounts.RevokeTokenAsync(admin, user.Id, nightly.Id);

        Assert.True(revoked.Succeeded, revoked.Message);
        Assert.Equal(AccountOutcome.NotFound, again.Outcome);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(personal));
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(session));
        var entry = Assert.Single(await PermissionChangesAsync(user.UserName!));
        Assert.Equal(admin.Identity!.Name, entry.Actor);
        Assert.Contains(nightly.Prefix, entry.After, StringComparison.Ordinal);
        await using var db = portal.Database.CreateContext();
        var tokenEntry = await db.AuditEntries.SingleAsync(e => e.EntityType == nameof(AccessToken) && e.EntityKey == nightly.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.Action == AuditAction.Updated);
        Assert.Equal(admin.Identity!.Name, tokenEntry.Actor);
    }

    [Fact]
    public async Task AnAdministratorCannotRevokeATokenThroughAnotherAccount()
    {
        var (admin, user, personal, _) = await AccountWithTokensAsync();
        var other = await portal.CreateAccountAsync(PortalRole.Staff, Classification.Restricted, "GBR");
        var nightly = (await Accounts.TokensAsync(user.Id)).Single(t => t.Kind == AccessTokenKind.Personal);

        var result = await Accounts.RevokeTokenAsync(admin, other.Id, nightly.Id);

        Assert.Equal(AccountOutcome.NotFound, result.Outcome);
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(personal));
    }

    /// <summary>An administrator, and an account with a personal token and a session token that both work.</summary>
    private async Task<(System.Security.Claims.ClaimsPrincipal Admin, PortalUser User, string Personal, string Session)> AccountWithTokensAsync()
    {
        var admin = await portal.PrincipalOfAsync(await portal.CreateAccountAsync(PortalRole.Administrator, Classification.Secret, "GBR"));
        var user = await portal.CreateAccountAsync(PortalRole.Analyst, Classification.Restricted, "GBR");
        await using var scope = portal.Services.CreateAsyncScope();
        var personal = await scope.ServiceProvider.GetRequiredService<AccessTokens>().CreatePersonalAsync(user.Id, "nightly export", 30);
        using var client = portal.CreateClient();
        var session = await ApiTokens.IssueAsync(client, user.UserName!);
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(personal.Token));
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(session));
        return (admin, user, personal.Token, session);
    }

    private async Task<HttpStatusCode> StatusWithAsync(string token)
    {
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync(new Uri("/api/nations", UriKind.Relative));
        return response.StatusCode;
    }

    private async Task<List<AuditEntry>> PermissionChangesAsync(string userName)
    {
        await using var db = portal.Database.CreateContext();
        return await db.AuditEntries
            .Where(e => e.Action == AuditAction.PermissionChanged && e.EntityKey == userName)
            .OrderBy(e => e.Id)
            .ToListAsync();
    }
}
