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
/// stop working at the next stamp check (PortalAccountsExtensions, AccountRevalidation).
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
    private const int MaxUserNameLength = 256;

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
            else
            {
                foreach (var validator in change.Users.UserValidators)
                {
                    AddIdentityErrors(errors, await validator.ValidateAsync(change.Users, user));
                }
            }

            foreach (var validator in change.Users.PasswordValidators)
            {
                AddIdentityErrors(errors, await validator.ValidateAsync(change.Users, user, input.Password));
            }

            await CheckSettingsAsync(change, user, errors);
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

    /// <summary>Saves <paramref name="input"/> unless the account changed since the copy the input was made on.</summary>
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
                await RecordAsync(change, user, before, after);
                LogPermissionsChanged(logger, user.UserName, change.Administrator.UserName, user.Role, user.Clearance, user.NationCode);
            }

            return AccountResult.Done(id);
        }, cancellationToken);
    }

    /// <summary>Locks the account until an administrator unlocks it.</summary>
    public Task<AccountResult> LockAsync(ClaimsPrincipal administrator, int id, CancellationToken cancellationToken = default) =>
        ChangeAsync(administrator, id, async change =>
        {
            if (await change.Users.FindByIdAsync(Key(id)) is not { } user)
            {
                return AccountResult.NotFound(id);
            }

            // Only administrators act here, so this also keeps administrators from locking themselves.
            if (user.Role == PortalRole.Administrator
                && await AdministratorRuleBrokenAsync(change, user, "lock your own account", "locked") is { } reason)
            {
                return AccountResult.Refused(id, reason);
            }

            // Accounts are created with lockout enabled; an account imported without it must lock all the same.
            await RequireSuccess(change.Users.SetLockoutEnabledAsync(user, true));
            await RequireSuccess(change.Users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
            await RequireSuccess(change.Users.UpdateSecurityStampAsync(user));
            await SignInSessions.EndAllAsync(change.Db, user.Id, "account locked", change.Now.UtcDateTime, cancellationToken);
            await RecordAsync(change, user, new { Locked = false }, new { Locked = true });
            LogLocked(logger, user.UserName, change.Administrator.UserName);
            return AccountResult.Done(id);
        }, cancellationToken);

    /// <summary>Ends a lock, whether an administrator's or one after failed sign-ins, and forgets the failures.</summary>
    public Task<AccountResult> UnlockAsync(ClaimsPrincipal administrator, int id, CancellationToken cancellationToken = default) =>
        ChangeAsync(administrator, id, async change =>
        {
            if (await change.Users.FindByIdAsync(Key(id)) is not { } user)
            {
                return AccountResult.NotFound(id);
            }

            var before = new { Locked = await change.Users.IsLockedOutAsync(user), FailedSignIns = user.AccessFailedCount };
            await RequireSuccess(change.Users.SetLockoutEndDateAsync(user, null));
            await RequireSuccess(change.Users.ResetAccessFailedCountAsync(user));
            await RequireSuccess(change.Users.UpdateSecurityStampAsync(user));
            await RecordAsync(change, user, before, new { Locked = false, FailedSignIns = 0 });
            LogUnlocked(logger, user.UserName, change.Administrator.UserName);
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
            await RecordAsync(change, user, before: null, after: new { Password = "reset by an administrator" });
            LogPasswordReset(logger, user.UserName, change.Administrator.UserName);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Permissions of account {UserName} changed by {Administrator}: {Role}, cleared to {Clearance}, national of {Nation}")]
    private static partial void LogPermissionsChanged(ILogger logger, string? userName, string? administrator, PortalRole role, Classification clearance, string nation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {UserName} locked by {Administrator}")]
    private static partial void LogLocked(ILogger logger, string? userName, string? administrator);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {UserName} unlocked by {Administrator}")]
    private static partial void LogUnlocked(ILogger logger, string? userName, string? administrator);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password of account {UserName} reset by {Administrator}")]
    private static partial void LogPasswordReset(ILogger logger, string? userName, string? administrator);

    [LoggerMessage(Level = LogLevel.Information, Message = "Edit of account {UserName} by {Administrator} not saved: the account changed since the form was opened")]
    private static partial void LogStale(ILogger logger, string? userName, string? administrator);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Change of account {AccountId} by {Administrator} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string? administrator, int accountId, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account change refused: {Administrator} is no longer an unlocked administrator")]
    private static partial void LogNotAnAdministrator(ILogger logger, string? administrator);
}
