namespace DiploPortal.Web.Accounts;

public enum AccountOutcome
{
    Done,

    /// <summary>Some fields are not acceptable; <see cref="AccountResult.FieldErrors"/> says which and why.</summary>
    Invalid,

    /// <summary>Someone else changed the account since the form was opened; nothing was saved.</summary>
    Conflict,

    NotFound,

    /// <summary>A safety rule forbids the change (an administrator locking themselves out, for example).</summary>
    Refused,
}

/// <summary>
/// The answer to an account change. Field errors are keyed by the property name of the form's model
/// (<c>nameof(NewAccount.UserName)</c>), so a page shows each beside its field.
/// </summary>
public sealed record AccountResult(AccountOutcome Outcome, int AccountId, IReadOnlyDictionary<string, string> FieldErrors, string? Message)
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    public bool Succeeded => Outcome == AccountOutcome.Done;

    public string? ErrorFor(string field) => FieldErrors.GetValueOrDefault(field);

    internal static AccountResult Done(int accountId) => new(AccountOutcome.Done, accountId, NoErrors, null);

    internal static AccountResult Invalid(int accountId, IReadOnlyDictionary<string, string> fieldErrors, string? message = null) =>
        new(AccountOutcome.Invalid, accountId, fieldErrors, message ?? "The account was not saved: correct the marked fields.");

    internal static AccountResult Conflict(int accountId) => new(
        AccountOutcome.Conflict,
        accountId,
        NoErrors,
        "Someone else changed this account since you opened it. Reload it to see their changes, then make yours again.");

    internal static AccountResult NotFound(int accountId, string message = "There is no account with this id.") => new(AccountOutcome.NotFound, accountId, NoErrors, message);

    internal static AccountResult Refused(int accountId, string reason) => new(AccountOutcome.Refused, accountId, NoErrors, reason);
}
