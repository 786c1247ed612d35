using DiploPortal.Core.Security;

namespace DiploPortal.Core.Common;

/// <summary>
/// The rules of a record's marking, the same for every kind of record: the releasability codes must exist,
/// and nobody marks a record above their own clearance (the context refuses it too, without a message).
/// </summary>
public static class MarkingRules
{
    public const string ClassificationField = "Classification";
    public const string NationsField = "ReleasableToNations";
    public const string AlliancesField = "ReleasableToAlliances";
    public const string DowngradeReasonField = "DowngradeReason";
    public const int DowngradeReasonMaxLength = 500;

    public static void Check(
        FieldErrors errors,
        Classification classification,
        IEnumerable<string?> releasableToNations,
        IEnumerable<string?> releasableToAlliances,
        Func<string, bool> nationExists,
        Func<string, bool> allianceExists,
        CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(releasableToNations);
        ArgumentNullException.ThrowIfNull(releasableToAlliances);
        ArgumentNullException.ThrowIfNull(nationExists);
        ArgumentNullException.ThrowIfNull(allianceExists);
        ArgumentNullException.ThrowIfNull(user);
        FormRules.Defined(errors, ClassificationField, classification);
        foreach (var unknown in releasableToNations.Select(RecordCode.Normalise).OfType<string>().Where(c => !nationExists(c)).Distinct())
        {
            errors.Add(NationsField, $"There is no nation with the code {unknown}.");
        }

        foreach (var unknown in releasableToAlliances.Select(RecordCode.Normalise).OfType<string>().Where(a => !allianceExists(a)).Distinct())
        {
            errors.Add(AlliancesField, $"There is no alliance {unknown}.");
        }

        if (!user.IsSystem && classification > user.Clearance)
        {
            errors.Add(ClassificationField, $"You are cleared to {user.Clearance} and cannot mark a record {classification}.");
        }
    }

    /// <summary>
    /// A save that lowers the marking or widens releasability (<see cref="MarkingChange.IsDowngrade"/>) is a
    /// deliberate act: it needs a reason (at most <see cref="DowngradeReasonMaxLength"/> characters), given as
    /// a second step once the person has been told what the save does. Who may do it is whoever may edit the
    /// record: the editors load only records the person sees, so they are cleared to the old marking.
    /// </summary>
    public static void CheckDowngrade(FieldErrors errors, MarkingChange change, string? reason)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(change);
        if (!change.IsDowngrade)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(DowngradeReasonField, $"This save {change.Describe()}. To confirm, give the reason for the downgrade and save again.");
            return;
        }

        FormRules.Length(errors, DowngradeReasonField, reason, DowngradeReasonMaxLength);
    }

    /// <summary>Caveat codes as stored: normalised, once each, in order.</summary>
    public static List<string> Codes(IEnumerable<string?> codes) =>
        [.. codes.Select(RecordCode.Normalise).OfType<string>().Distinct().Order(StringComparer.Ordinal)];
}
