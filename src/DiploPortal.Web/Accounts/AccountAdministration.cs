using System.Linq.Expressions;
using System.Security.Claims;
using DiploPortal.Core.Audit;
using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using DiploPortal.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DiploPortal.Web.Accounts;

/// <summary>
/// What administrators do with accounts: list, create, edit, lock, unlock, reset a password.
/// <para>
/// Each change runs in a DI scope of its own that acts for the administrator who asked, so Identity's
/// UserManager reads the account afresh instead of from a context a circuit has held for hours. The
/// change runs in one transaction that first takes the advisory lock of account administration (two
/// administrators cannot demote each other at the same moment and leave none) and ends with the
/// <see cref="AuditAction.PermissionChanged"/> entry, so a change and its entry commit together.
/// </para>
/// <para>
/// Role, clearance and nationality travel in the sign-in cookie, so every change of them, a lock, an
/// unlock and a password reset renews the account's security stamp: the person's existing sign-ins
/// stop working at the next stamp check (PortalAccountsExtensions, AccountRevalidation). The same
/// changes, except an unlock, revoke the account's access tokens: an unlock brings none back.
/// </para>
/// <para>
/// An administrator grants only what they hold: an account they create or change must end up within
/// their reach (cleared no higher than they are, and of their nationality), because whoever sets an
/// account's permissions and password could sign in as it. An account outside their reach can only lose
/// access at their hands (a lower clearance, a lock, a revoked token), never gain it (docs/SECURITY.md).
/// </para>
/// </summary>
public sealed partial class AccountAdministration(
    IDbContextFactory<PortalDbContext> dbFactory,
    IServiceScopeFactory scopes,
    IOptions<IdentityOptions> identityOptions,
    TimeProvider clock,
    ILogger<AccountAdministration> logger)
{
    /// <summary>"accounts" in ASCII; held by every account change until its transaction ends.</summary>
    private const long LockKey = 0x6163636f756e7473;

    /// <summary>The length of Identity's user name column.</summary>
    public const int MaxUserNameLength = 256;

    /// <summary>Long passphrases are welcome; a megabyte to hash at 210,000 iterations is not.</summary>
    public const int MaxPasswordLength = 256;

    public async Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .OrderBy(u => u.UserName)
            .Select(ToAccount(clock.GetUtcNow()))
            .ToListAsync(cancellationToken);
    }

    public async Task<Account?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(ToAccount(clock.GetUtcNow()))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The account with this user name (as Identity compares them: case-insensitive), or null.</summary>
    public async Task<Account?> FindByUserNameAsync(string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userName);
        if (userName.Length is 0 or > MaxUserNameLength || userName.Any(char.IsControl))
        {
            return null;
        }

        var normalized = userName.ToUpperInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => u.NormalizedUserName == normalized)
            .Select(ToAccount(clock.GetUtcNow()))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The account's access tokens, active ones first, then those that ended in the last 30 days.</summary>
    public async Task<IReadOnlyList<AccessTokenSummary>> TokensAsync(int id, CancellationToken cancellationToken = default)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-30);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AccessTokens.AsNoTracking()
            .Where(t => t.UserId == id && (t.RevokedAt ?? t.ExpiresAt) > since)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new AccessTokenSummary(t.Id, t.Kind, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(cancellationToken);
    }

    public Task<AccountResult> CreateAsync(ClaimsPrincipal administrator, NewAccount input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ChangeAsync(administrator, accountId: 0, async change =>
        {
            var user = new PortalUser
            {
                UserName = input.UserName.Trim(),
                DisplayName = input.DisplayName.Trim(),
                Role = input.Role,
                Clearance = input.Clearance,
                NationCode = input.NationCode.Trim().ToUpperInvariant(),
            };
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            if (user.UserName.Length == 0)
            {
                Add(errors, nameof(NewAccount.UserName), "Enter a user name.");
            }
            else if (user.UserName.Length > MaxUserNameLength)
            {
                Add(errors, nameof(NewAccount.UserName), $"At most {MaxUserNameLength} characters.");
            }
            else if (user.UserName.Any(char.IsControl))
            {
                Add(errors, nameof(NewAccount.UserName), $"Use only letters, digits and {AllowedUserNameSymbols()}.");
            }
            else
            {
                foreach (var validator in change.Users.UserValidators)
                {
                    AddIdentityErrors(errors, await validator.ValidateAsync(change.Users, user));
                }
            }

            if (PasswordProblem(input.Password) is { } problem)
            {
                Add(errors, nameof(NewAccount.Password), problem);
            }
            else
            {
                foreach (var validator in change.Users.PasswordValidators)
                {
                    AddIdentityErrors(errors, await validator.ValidateAsync(change.Users, user, input.Password));
                }
            }

            await CheckSettingsAsync(change, user, errors);
            CheckReach(change.Administrator, before: null, AccountPermissions.Of(user), errors);
            if (errors.Count > 0)
            {
                return AccountResult.Invalid(0, errors);
            }

            var created = await change.Users.CreateAsync(user, input.Password);
            if (!created.Succeeded)
            {
                AddIdentityErrors(errors, created);
                return AccountResult.Invalid(0, errors);
            }

            await RecordAsync(change, user, before: null, after: AccountPermissions.Of(user));
            LogCreated(logger, user.UserName, change.Administrator.UserName, user.Role, user.Clearance, user.NationCode);
            return AccountResult.Done(user.Id);
        }, cancellationToken);
    }

    /// <summary>
    /// Saves <paramref name="input"/> unless the account changed since the copy the input was made on; with
    /// <see cref="AccountChanges.Locked"/> set, also locks or unlocks it, all in one transaction.
    /// </summary>
    public Task<AccountResult> UpdateAsync(ClaimsPrincipal administrator, int id, AccountChanges input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ChangeAsync(administrator, id, async change =>
        {
            if (await change.Users.FindByIdAsync(Key(id)) is not { } user)
            {
                return AccountResult.NotFound(id);
            }

            if (!string.Equals(user.ConcurrencyStamp, input.ConcurrencyStamp, StringComparison.Ordinal))
            {
                LogStale(logger, user.UserName, change.Administrator.UserName);
                return AccountResult.Conflict(id);
            }

            var before = AccountPermissions.Of(user);
            user.DisplayName = input.DisplayName.Trim();
            user.Role = input.Role;
            user.Clearance = input.Clearance;
            user.NationCode = input.NationCode.Trim().ToUpperInvariant();
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            await CheckSettingsAsync(change, user, errors);
            CheckReach(change.Administrator, before, AccountPermissions.Of(user), errors);
            if (before.Role == PortalRole.Administrator && user.Role != PortalRole.Administrator
                && await AdministratorRuleBrokenAsync(change, user, "remove your own Administrator role", "demoted") is { } reason)
            {
                Add(errors, nameof(AccountSettings.Role), reason);
            }

            if (errors.Count > 0)
            {
                return AccountResult.Invalid(id, errors);
            }

            var after = AccountPermissions.Of(user);
            // The stamp renewal saves the other changes with it: one save, one audit entry of the update.
            var saved = after == before ? await change.Users.UpdateAsync(user) : await change.Users.UpdateSecurityStampAsync(user);
            if (IsConcurrencyFailure(saved))
            {
                LogStale(logger, user.UserName, change.Administrator.UserName);
                return AccountResult.Conflict(id);
            }

            if (!saved.Succeeded)
            {
                AddIdentityErrors(errors, saved);
                return AccountResult.Invalid(id, errors);
            }

            if (after != before)
            {
                var revoked = await RevokeTokensAsync(change, user);
                await RecordAsync(change, user, before, revoked == 0 ? after : new { after.Role, after.Clearance, after.NationCode, TokensRevoked = revoked });
                LogPermissionsChanged(logger, user.UserName, change.Administrator.UserName, user.Role, user.Clearance, user.NationCode, revoked);
            }

            var locked = await change.Users.IsLockedOutAsync(user);
            if (input.Locked == true && !(locked && user.LockoutEnd == DateTimeOffset.MaxValue))
            {
                return await LockAsync(change, user) ?? AccountResult.Done(id);
            }

            if (input.Locked == false && (locked || user.AccessFailedCount > 0))
            {
                await UnlockAsync(change, user);
            }

            return AccountResult.Done(id);
        }, cancellationToken);
    }

    /// <summary>Locks the account until an administrator unlocks it, and revokes its access tokens.</summary>
    public Task<AccountResult> LockAsync(ClaimsPrincipal administrator, int id, CancellationToken cancellationToken = default) =>
        ChangeAsync(administrator, id, async change =>
            await change.Users.FindByIdAsync(Key(id)) is { } user
                ? await LockAsync(change, user) ?? AccountResult.Done(id)
                : AccountResult.NotFound(id), cancellationToken);

    /// <summary>Ends a lock, whether an administrator's or one after failed sign-ins, and forgets the failures.</summary>
    public Task<AccountResult> UnlockAsync(ClaimsPrincipal administrator, int id, CancellationToken cancellationToken = default) =>
        ChangeAsync(administrator, id, async change =>
        {
            if (await change.Users.FindByIdAsync(Key(id)) is not { } user)
            {
                return AccountResult.NotFound(id);
            }

            await UnlockAsync(change, user);
            return AccountResult.Done(id);
        }, cancellationToken);

    /// <summary>Revokes one access token of the account; not found when it has no such active token.</summary>
    public Task<AccountResult> RevokeTokenAsync(ClaimsPrincipal administrator, int id, long tokenId, CancellationToken cancellationToken = default) =>
        ChangeAsync(administrator, id, async change =>
        {
            var now = change.Now.UtcDateTime;
            var token = await change.Db.AccessTokens.Include(t => t.User)
                .SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == id && t.RevokedAt == null && t.ExpiresAt > now, cancellationToken);
            if (token?.User is not { } user)
            {
                return AccountResult.NotFound(id, "This account has no active token with this id.");
            }

            // The token's own entry (RevokedAt) is written by the save; this one names the account and who acted.
            token.RevokedAt = now;
            await change.Db.SaveChangesAsync(cancellationToken);
            await RecordAsync(change, user, new { Token = $"{token.Prefix}… {token.Name}", Revoked = false }, new { Token = $"{token.Prefix}… {token.Name}", Revoked = true });
            LogTokenRevoked(logger, tokenId, user.UserName, change.Administrator.UserName);
            return AccountResult.Done(id);
        }, cancellationToken);

    /// <summary>Sets a new password, checked against the password policy; the holder's sign-ins end.</summary>
    public Task<AccountResult> ResetPasswordAsync(ClaimsPrincipal administrator, int id, string newPassword, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(newPassword);
        return ChangeAsync(administrator, id, async change =>
        {
            if (await change.Users.FindByIdAsync(Key(id)) is not { } user)
            {
                return AccountResult.NotFound(id);
            }

            // Whoever sets the password can sign in as the account: only within the administrator's reach.
            if (!WithinReach(change.Administrator, AccountPermissions.Of(user)))
            {
                return AccountResult.Refused(id, OutOfReach(change.Administrator, AccountPermissions.Of(user), "set its password, since whoever sets it could sign in with it"));
            }

            if (PasswordProblem(newPassword) is { } problem)
            {
                return AccountResult.Invalid(id, new Dictionary<string, string> { [nameof(NewAccount.Password)] = problem }, "The password was not changed: it does not meet the password policy.");
            }

            // A reset token, used at once: Identity validates the password and renews the stamp in one save.
            var token = await change.Users.GeneratePasswordResetTokenAsync(user);
            var reset = await change.Users.ResetPasswordAsync(user, token, newPassword);
            if (!reset.Succeeded)
            {
                var errors = new Dictionary<string, string>(StringComparer.Ordinal);
                AddIdentityErrors(errors, reset);
                return AccountResult.Invalid(id, errors, "The password was not changed: it does not meet the password policy.");
            }

            await SignInSessions.EndAllAsync(change.Db, user.Id, "password reset", change.Now.UtcDateTime, cancellationToken);
            // Never the password, not even its hash: only that it was reset.
            var revoked = await RevokeTokensAsync(change, user);
            await RecordAsync(change, user, before: null, after: revoked == 0
                ? new { Password = "reset by an administrator" }
                : new { Password = "reset by an administrator", TokensRevoked = revoked });
            LogPasswordReset(logger, user.UserName, change.Administrator.UserName, revoked);
            return AccountResult.Done(id);
        }, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="apply"/> in a scope acting for <paramref name="administrator"/>, inside a
    /// transaction holding the account-administration lock; commits only when it succeeded.
    /// </summary>
    private async Task<AccountResult> ChangeAsync(ClaimsPrincipal administrator, int accountId, Func<AccountChange, Task<AccountResult>> apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(administrator);
        await using var scope = scopes.CreateAsyncScope();
        // Before anything resolves a context: the scope's contexts are bound to its user when created.
        scope.ServiceProvider.GetRequiredService<PortalUserState>().SetPrincipal(administrator);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);

        // The cookie may be a minute behind the database: the acting account must still be an unlocked administrator.
        var actor = await users.GetUserAsync(administrator);
        if (actor is null || actor.Role != PortalRole.Administrator || await users.IsLockedOutAsync(actor))
        {
            LogNotAnAdministrator(logger, administrator.Identity?.Name);
            return AccountResult.Refused(accountId, "Your account may no longer administer accounts. Sign in again, or ask another administrator.");
        }

        var result = await apply(new AccountChange(db, users, actor, clock.GetUtcNow()));
        if (result.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else if (result.Outcome == AccountOutcome.Refused)
        {
            LogRefused(logger, actor.UserName, accountId, result.Message);
        }

        return result;
    }

    /// <summary>Null when the lock was made; the refusal otherwise. Revokes the account's tokens: an unlock brings none back.</summary>
    private async Task<AccountResult?> LockAsync(AccountChange change, PortalUser user)
    {
        // Only administrators act here, so this also keeps administrators from locking themselves.
        if (user.Role == PortalRole.Administrator
            && await AdministratorRuleBrokenAsync(change, user, "lock your own account", "locked") is { } reason)
        {
            return AccountResult.Refused(user.Id, reason);
        }

        // Accounts are created with lockout enabled; an account imported without it must lock all the same.
        await RequireSuccess(change.Users.SetLockoutEnabledAsync(user, true));
        await RequireSuccess(change.Users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        await RequireSuccess(change.Users.UpdateSecurityStampAsync(user));
        await SignInSessions.EndAllAsync(change.Db, user.Id, "account locked", change.Now.UtcDateTime, CancellationToken.None);
        var revoked = await RevokeTokensAsync(change, user);
        await RecordAsync(change, user, new { Locked = false }, revoked == 0 ? new { Locked = true } : new { Locked = true, TokensRevoked = revoked });
        LogLocked(logger, user.UserName, change.Administrator.UserName, revoked);
        return null;
    }

    private async Task UnlockAsync(AccountChange change, PortalUser user)
    {
        var before = new { Locked = await change.Users.IsLockedOutAsync(user), FailedSignIns = user.AccessFailedCount };
        await RequireSuccess(change.Users.SetLockoutEndDateAsync(user, null));
        await RequireSuccess(change.Users.ResetAccessFailedCountAsync(user));
        await RequireSuccess(change.Users.UpdateSecurityStampAsync(user));
        await RecordAsync(change, user, before, new { Locked = false, FailedSignIns = 0 });
        LogUnlocked(logger, user.UserName, change.Administrator.UserName);
    }

    /// <summary>
    /// Revokes every active token of the account, in the change's transaction; each revocation is audited by
    /// the save. Revoked, not suspended: nothing that happens to the account later brings them back.
    /// </summary>
    private static async Task<int> RevokeTokensAsync(AccountChange change, PortalUser user)
    {
        var now = change.Now.UtcDateTime;
        var active = await change.Db.AccessTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null && t.ExpiresAt > now).ToListAsync();
        foreach (var token in active)
        {
            token.RevokedAt = now;
        }

        if (active.Count > 0)
        {
            await change.Db.SaveChangesAsync();
        }

        return active.Count;
    }

    /// <summary>Whether the administrator holds these permissions' clearance and nationality, and could so grant them.</summary>
    private static bool WithinReach(PortalUser administrator, AccountPermissions permissions) =>
        permissions.Clearance <= administrator.Clearance && string.Equals(permissions.NationCode, administrator.NationCode, StringComparison.Ordinal);

    /// <summary>
    /// An administrator grants only what they hold. A new account, or a changed one, must end within their reach;
    /// an account that stays outside it may only lose access (a lower clearance), never gain a clearance, a
    /// nationality or a role from them.
    /// </summary>
    private static void CheckReach(PortalUser administrator, AccountPermissions? before, AccountPermissions after, Dictionary<string, string> errors)
    {
        if (WithinReach(administrator, after) || errors.ContainsKey(nameof(AccountSettings.NationCode)))
        {
            return;
        }

        var raised = before is null || after.Clearance > before.Clearance;
        if (raised && after.Clearance > administrator.Clearance)
        {
            Add(errors, nameof(AccountSettings.Clearance), $"You are cleared to {administrator.Clearance}, so you can grant at most {administrator.Clearance}.");
        }

        var foreign = after.NationCode != administrator.NationCode;
        if (foreign && (before is null || after.NationCode != before.NationCode))
        {
            Add(errors, nameof(AccountSettings.NationCode),
                $"You can give only your own nationality ({administrator.NationCode}): an account of another nation is made or moved by an administrator of that nation.");
        }
        else if (foreign && raised && after.Clearance <= administrator.Clearance)
        {
            Add(errors, nameof(AccountSettings.Clearance), $"Only an administrator of {after.NationCode} can raise the clearance of its nationals.");
        }

        if (before is not null && after.Role != before.Role)
        {
            Add(errors, nameof(AccountSettings.Role), OutOfReach(administrator, before, "change its role"));
        }
    }

    private static string OutOfReach(PortalUser administrator, AccountPermissions account, string action) =>
        account.Clearance > administrator.Clearance
            ? $"This account is cleared to {account.Clearance}, above your {administrator.Clearance}: only an administrator cleared as high can {action}."
            : $"This account is a national of {account.NationCode}: only an administrator of {account.NationCode} can {action}.";

    /// <summary>What is wrong with a password before Identity's policy looks at it: its size and NUL bytes.</summary>
    private static string? PasswordProblem(string password) =>
        password.Length > MaxPasswordLength ? $"At most {MaxPasswordLength} characters."
        : password.Contains('\0', StringComparison.Ordinal) ? "A password cannot contain a NUL character."
        : null;

    /// <summary>
    /// Why <paramref name="administrator"/> may not lose the role or be locked, or null when it may:
    /// the portal always keeps one unlocked administrator, and nobody removes their own access.
    /// </summary>
    private static async Task<string?> AdministratorRuleBrokenAsync(AccountChange change, PortalUser administrator, string ownAction, string passive)
    {
        var now = change.Now;
        var anotherRemains = await change.Db.Users.AnyAsync(u =>
            u.Id != administrator.Id && u.Role == PortalRole.Administrator && (u.LockoutEnd == null || u.LockoutEnd <= now));
        if (!anotherRemains)
        {
            return $"This is the last unlocked administrator account, so it cannot be {passive}. Make another account an administrator first.";
        }

        return administrator.Id == change.Administrator.Id
            ? $"You cannot {ownAction}: ask another administrator to do it."
            : null;
    }

    private static async Task CheckSettingsAsync(AccountChange change, PortalUser user, Dictionary<string, string> errors)
    {
        if (user.DisplayName.Length == 0)
        {
            Add(errors, nameof(AccountSettings.DisplayName), "Enter the name the portal shows for this person.");
        }
        else if (user.DisplayName.Length > PortalUser.DisplayNameMaxLength)
        {
            Add(errors, nameof(AccountSettings.DisplayName), $"At most {PortalUser.DisplayNameMaxLength} characters.");
        }
        else if (user.DisplayName.Any(char.IsControl))
        {
            Add(errors, nameof(AccountSettings.DisplayName), "Remove the control characters (tabs, line breaks, NUL).");
        }

        if (!Enum.IsDefined(user.Role))
        {
            Add(errors, nameof(AccountSettings.Role), "Choose a role.");
        }

        if (!Enum.IsDefined(user.Clearance))
        {
            Add(errors, nameof(AccountSettings.Clearance), "Choose a clearance.");
        }

        // A nationality is a current state: releasability names today's nations and alliances.
        var code = user.NationCode;
        if (code.Length == 0)
        {
            Add(errors, nameof(AccountSettings.NationCode), "Choose the nation this person is a national of.");
        }
        else if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
        {
            Add(errors, nameof(AccountSettings.NationCode), "Use the alpha-3 code of a current state, such as GBR.");
        }
        else if (!await change.Db.Nations.AnyAsync(n => n.Code == code && n.ExistedUntil == null))
        {
            Add(errors, nameof(AccountSettings.NationCode), $"“{code}” is not the alpha-3 code of a current state.");
        }
    }

    private void AddIdentityErrors(Dictionary<string, string> errors, IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            switch (error.Code)
            {
                case nameof(IdentityErrorDescriber.DuplicateUserName):
                    Add(errors, nameof(NewAccount.UserName), "Another account already has this user name.");
                    break;
                case nameof(IdentityErrorDescriber.InvalidUserName):
                    Add(errors, nameof(NewAccount.UserName), $"Use only letters, digits and {AllowedUserNameSymbols()}.");
                    break;
                case var code when code.StartsWith("Password", StringComparison.Ordinal):
                    Add(errors, nameof(NewAccount.Password), error.Description);
                    break;
                default:
                    // The forms set no e-mail and use no tokens of their own: anything else is a fault, not a mistake to correct.
                    throw new InvalidOperationException($"Identity refused an account change: {error.Code}: {error.Description}");
            }
        }
    }

    private string AllowedUserNameSymbols() =>
        string.Join(" ", identityOptions.Value.User.AllowedUserNameCharacters.Where(c => !char.IsLetterOrDigit(c)));

    private static void Add(Dictionary<string, string> errors, string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var earlier) ? $"{earlier} {message}" : message;

    private static bool IsConcurrencyFailure(IdentityResult result) =>
        result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure));

    /// <summary>Steps that fail only if the database or Identity's setup is broken: an exception, and the transaction rolls back.</summary>
    private static async Task RequireSuccess(Task<IdentityResult> step)
    {
        var result = await step;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("An account change failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    private static Task RecordAsync(AccountChange change, PortalUser user, object? before, object? after) =>
        AuditTrail.RecordAsync(change.Db, AuditAction.PermissionChanged, nameof(PortalUser), user.UserName, before, after);

    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Expression<Func<PortalUser, Account>> ToAccount(DateTimeOffset now) => u => new Account(
        u.Id,
        u.UserName ?? "",
        u.DisplayName,
        u.Role,
        u.Clearance,
        u.NationCode,
        u.LockoutEnd,
        u.LockoutEnd != null && u.LockoutEnd > now,
        u.AccessFailedCount,
        u.CreatedAt,
        u.ConcurrencyStamp ?? "");

    /// <summary>One change in progress: its scope's context and UserManager, the acting administrator, and the time it began.</summary>
    private sealed record AccountChange(PortalDbContext Db, UserManager<PortalUser> Users, PortalUser Administrator, DateTimeOffset Now);

    /// <summary>What an account may see and do, as recorded before and after a change.</summary>
    private sealed record AccountPermissions(PortalRole Role, Classification Clearance, string NationCode)
    {
        public static AccountPermissions Of(PortalUser user) => new(user.Role, user.Clearance, user.NationCode);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {UserName} created by {Administrator}: {Role}, cleared to {Clearance}, national of {Nation}")]
    private static partial void LogCreated(ILogger logger, string? userName, string? administrator, PortalRole role, Classification clearance, string nation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Permissions of account {UserName} changed by {Administrator}: {Role}, cleared to {Clearance}, national of {Nation}; {TokensRevoked} tokens revoked")]
    private static partial void LogPermissionsChanged(ILogger logger, string? userName, string? administrator, PortalRole role, Classification clearance, string nation, int tokensRevoked);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {UserName} locked by {Administrator}; {TokensRevoked} tokens revoked")]
    private static partial void LogLocked(ILogger logger, string? userName, string? administrator, int tokensRevoked);

    [LoggerMessage(Level = LogLevel.Information, Message = "Token {TokenId} of account {UserName} revoked by {Administrator}")]
    private static partial void LogTokenRevoked(ILogger logger, long tokenId, string? userName, string? administrator);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {UserName} unlocked by {Administrator}")]
    private static partial void LogUnlocked(ILogger logger, string? userName, string? administrator);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password of account {UserName} reset by {Administrator}; {TokensRevoked} tokens revoked")]
    private static partial void LogPasswordReset(ILogger logger, string? userName, string? administrator, int tokensRevoked);

    [LoggerMessage(Level = LogLevel.Information, Message = "Edit of account {UserName} by {Administrator} not saved: the account changed since the form was opened")]
    private static partial void LogStale(ILogger logger, string? userName, string? administrator);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Change of account {AccountId} by {Administrator} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string? administrator, int accountId, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account change refused: {Administrator} is no longer an unlocked administrator")]
    private static partial void LogNotAnAdministrator(ILogger logger, string? administrator);
}
