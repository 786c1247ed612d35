using System.Security.Claims;
using DiploPortal.Core.Common;
using DiploPortal.Core.Security;
using DiploPortal.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace DiploPortal.Web.Api;

/// <summary>A new account: role and clearance default to the least (Staff, Unclassified), as on the page.</summary>
public sealed record NewAccountRequest(string? UserName, string? DisplayName, string? Password, string? Role, string? Clearance, string? Nationality);

/// <summary>Changes to an account; what is left out stays as it is. Send the account's ETag as <c>If-Match</c>.</summary>
public sealed record AccountPatchRequest(string? DisplayName, string? Role, string? Clearance, string? Nationality, bool? Locked);

/// <summary>A new password for an account.</summary>
public sealed record PasswordResetRequest(string? Password);

/// <summary>An account as administrators see it; <c>concurrencyStamp</c> is also its ETag.</summary>
public sealed record AccountDto(
    string UserName,
    string DisplayName,
    PortalRole Role,
    Classification Clearance,
    string Nationality,
    bool Locked,
    bool LockedByAdministrator,
    DateTimeOffset? LockedUntil,
    int FailedSignIns,
    DateTime CreatedAt,
    string ConcurrencyStamp)
{
    public static AccountDto From(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new AccountDto(
            account.UserName, account.DisplayName, account.Role, account.Clearance, account.NationCode, account.IsLocked,
            account.IsLockedIndefinitely, account.IsLocked ? account.LockedUntil : null, account.FailedSignIns, account.CreatedAt, account.ConcurrencyStamp);
    }
}

/// <summary>One of an account's access tokens: never the token itself, which is not stored.</summary>
public sealed record AccessTokenDto(long Id, AccessTokenKind Kind, string Name, string Prefix, DateTime CreatedAt, DateTime ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt);

/// <summary>
/// Account administration for scripts: the same <see cref="AccountAdministration"/> methods as the pages, so the
/// same rules (reach, last administrator, password policy, stale edits) and the same audit entries apply.
/// </summary>
public static class AccountAdministrationApi
{
    /// <summary>JSON names of the fields whose errors <see cref="AccountResult"/> reports by form property.</summary>
    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.Ordinal)
    {
        [nameof(NewAccount.UserName)] = "userName",
        [nameof(NewAccount.DisplayName)] = "displayName",
        [nameof(NewAccount.Password)] = "password",
        [nameof(NewAccount.Role)] = "role",
        [nameof(NewAccount.Clearance)] = "clearance",
        [nameof(NewAccount.NationCode)] = "nationality",
    };

    public static RouteGroupBuilder MapAccountAdministrationApi(this RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/admin/accounts").RequireAuthorization(PortalPolicies.Administer).WithTags("Account administration");
        accounts.MapGet("", ListAsync)
            .WithName("ListAccounts")
            .WithSummary("Every account, by user name.");
        accounts.MapPost("", CreateAsync)
            .WithName("CreateAccount")
            .WithSummary("Creates an account. An administrator grants at most their own clearance, and only their own nationality.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        accounts.MapGet("/{userName}", FindAsync)
            .WithName("GetAccount")
            .WithSummary("One account; its ETag (the concurrency stamp) goes back as If-Match on PATCH.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        accounts.MapPatch("/{userName}", PatchAsync)
            .WithName("ChangeAccount")
            .WithSummary("Changes display name, role, clearance, nationality or lock. Needs If-Match with the account's ETag: 412 when the account changed since, 428 without it. A new role, clearance or nationality, and a lock, revoke the account's tokens.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        accounts.MapPost("/{userName}/password", ResetPasswordAsync)
            .WithName("ResetAccountPassword")
            .WithSummary("Sets a new password; the account's sign-ins end and its tokens are revoked. Only for accounts within your clearance and nationality.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        accounts.MapGet("/{userName}/tokens", TokensAsync)
            .WithName("ListAccountTokens")
            .WithSummary("The account's access tokens: active ones, and those that ended in the last 30 days.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        accounts.MapDelete("/{userName}/tokens/{id:long}", RevokeTokenAsync)
            .WithName("RevokeAccountToken")
            .WithSummary("Revokes one of the account's active tokens.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<List<AccountDto>>> ListAsync(AccountAdministration accounts, CancellationToken cancellationToken) =>
        TypedResults.Ok((await accounts.ListAsync(cancellationToken)).Select(AccountDto.From).ToList());

    private static async Task<Results<Created<AccountDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        NewAccountRequest? request, ClaimsPrincipal user, AccountAdministration accounts, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var role = EnumOrDefault(request?.Role, PortalRole.Staff, "role", errors);
        var clearance = EnumOrDefault(request?.Clearance, Classification.Unclassified, "clearance", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var input = new NewAccount
        {
            UserName = request?.UserName ?? "",
            DisplayName = request?.DisplayName ?? "",
            Password = request?.Password ?? "",
            Role = role,
            Clearance = clearance,
            NationCode = request?.Nationality ?? "",
        };
        var result = await accounts.CreateAsync(user, input, cancellationToken);
        if (!result.Succeeded)
        {
            return result.Outcome == AccountOutcome.Invalid ? Invalid(result) : Problem(result);
        }

        var account = (await accounts.FindAsync(result.AccountId, cancellationToken))!;
        SetETag(context, account);
        return TypedResults.Created($"/api/admin/accounts/{Uri.EscapeDataString(account.UserName)}", AccountDto.From(account));
    }

    private static async Task<Results<Ok<AccountDto>, ValidationProblem, ProblemHttpResult>> FindAsync(
        string userName, AccountAdministration accounts, HttpContext context, CancellationToken cancellationToken)
    {
        if (UserNameProblem(userName) is { } invalid)
        {
            return invalid;
        }

        if (await accounts.FindByUserNameAsync(userName, cancellationToken) is not { } account)
        {
            return NoSuchAccount(userName);
        }

        SetETag(context, account);
        return TypedResults.Ok(AccountDto.From(account));
    }

    private static async Task<Results<Ok<AccountDto>, ValidationProblem, ProblemHttpResult>> PatchAsync(
        string userName, AccountPatchRequest? request, ClaimsPrincipal user, AccountAdministration accounts, HttpContext context, CancellationToken cancellationToken)
    {
        if (UserNameProblem(userName) is { } invalid)
        {
            return invalid;
        }

        if (await accounts.FindByUserNameAsync(userName, cancellationToken) is not { } account)
        {
            return NoSuchAccount(userName);
        }

        if (IfMatchStamp(context.Request) is not { } stamp)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status428PreconditionRequired,
                title: "Precondition required",
                detail: "Send the account's ETag (from GET /api/admin/accounts/{userName}) as If-Match, so that a change made since is not overwritten.");
        }

        var changes = AccountChanges.From(account);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        changes.Role = EnumOrDefault(request?.Role, changes.Role, "role", errors);
        changes.Clearance = EnumOrDefault(request?.Clearance, changes.Clearance, "clearance", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        changes.DisplayName = request?.DisplayName ?? changes.DisplayName;
        changes.NationCode = request?.Nationality ?? changes.NationCode;
        changes.Locked = request?.Locked;
        changes.ConcurrencyStamp = stamp;
        var result = await accounts.UpdateAsync(user, account.Id, changes, cancellationToken);
        if (!result.Succeeded)
        {
            return result.Outcome == AccountOutcome.Invalid ? Invalid(result) : Problem(result);
        }

        var now = (await accounts.FindAsync(account.Id, cancellationToken))!;
        SetETag(context, now);
        return TypedResults.Ok(AccountDto.From(now));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ResetPasswordAsync(
        string userName, PasswordResetRequest? request, ClaimsPrincipal user, AccountAdministration accounts, CancellationToken cancellationToken)
    {
        if (UserNameProblem(userName) is { } invalid)
        {
            return invalid;
        }

        if (await accounts.FindByUserNameAsync(userName, cancellationToken) is not { } account)
        {
            return NoSuchAccount(userName);
        }

        var result = await accounts.ResetPasswordAsync(user, account.Id, request?.Password ?? "", cancellationToken);
        if (!result.Succeeded)
        {
            return result.Outcome == AccountOutcome.Invalid ? Invalid(result) : Problem(result);
        }

        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<List<AccessTokenDto>>, ValidationProblem, ProblemHttpResult>> TokensAsync(
        string userName, AccountAdministration accounts, CancellationToken cancellationToken)
    {
        if (UserNameProblem(userName) is { } invalid)
        {
            return invalid;
        }

        if (await accounts.FindByUserNameAsync(userName, cancellationToken) is not { } account)
        {
            return NoSuchAccount(userName);
        }

        var tokens = await accounts.TokensAsync(account.Id, cancellationToken);
        return TypedResults.Ok(tokens.Select(t => new AccessTokenDto(t.Id, t.Kind, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt)).ToList());
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RevokeTokenAsync(
        string userName, long id, ClaimsPrincipal user, AccountAdministration accounts, CancellationToken cancellationToken)
    {
        if (UserNameProblem(userName) is { } invalid)
        {
            return invalid;
        }

        if (await accounts.FindByUserNameAsync(userName, cancellationToken) is not { } account)
        {
            return NoSuchAccount(userName);
        }

        var result = await accounts.RevokeTokenAsync(user, account.Id, id, cancellationToken);
        if (!result.Succeeded)
        {
            return result.Outcome == AccountOutcome.Invalid ? Invalid(result) : Problem(result);
        }

        return TypedResults.NoContent();
    }

    /// <summary>A user name in the address that no account can have is refused before any query (NUL would fail in PostgreSQL).</summary>
    private static ValidationProblem? UserNameProblem(string userName) =>
        userName.Length > AccountAdministration.MaxUserNameLength || userName.Any(char.IsControl)
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["userName"] = [$"A user name has at most {AccountAdministration.MaxUserNameLength} characters and no control characters."],
            })
            : null;

    private static ProblemHttpResult NoSuchAccount(string userName) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no account {userName}.");

    /// <summary>A known member of <typeparamref name="TEnum"/> by name (any case), never by number; the default when left out.</summary>
    private static TEnum EnumOrDefault<TEnum>(string? value, TEnum fallback, string field, Dictionary<string, string[]> errors)
        where TEnum : struct, Enum
    {
        if (value is null)
        {
            return fallback;
        }

        if (value.Length <= 40 && !value.Any(char.IsDigit) && Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        errors[field] = [$"Choose one of: {string.Join(", ", Enum.GetNames<TEnum>())}."];
        return fallback;
    }

    private static void SetETag(HttpContext context, Account account) =>
        context.Response.Headers.ETag = new EntityTagHeaderValue($"\"{account.ConcurrencyStamp}\"").ToString();

    /// <summary>The stamp an If-Match header carries: a quoted ETag as this API sends it, or the bare stamp.</summary>
    private static string? IfMatchStamp(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length is 0 or > 200 || header == "*" || header.Contains(',', StringComparison.Ordinal))
        {
            return null;
        }

        return header.Length >= 2 && header[0] == '"' && header[^1] == '"' ? header[1..^1] : header;
    }

    /// <summary>Field errors under the request's JSON names, beside the message the page would show.</summary>
    private static ValidationProblem Invalid(AccountResult result) => TypedResults.ValidationProblem(
        result.FieldErrors.ToDictionary(e => FieldNames.GetValueOrDefault(e.Key, e.Key), e => new[] { e.Value }, StringComparer.Ordinal),
        detail: result.Message);

    private static ProblemHttpResult Problem(AccountResult result) => result.Outcome switch
    {
        AccountOutcome.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition failed", detail: result.Message),
        AccountOutcome.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: result.Message),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Refused", detail: result.Message),
    };
}
