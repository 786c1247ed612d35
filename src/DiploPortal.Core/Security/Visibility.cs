using DiploPortal.Core.Common;

namespace DiploPortal.Core.Security;

/// <summary>
/// Who may see a classified record: cleared to at least its level, and, when the record carries
/// releasability caveats, a national of a named nation or of a member of a named alliance.
/// The same rule runs in SQL as a global query filter on every <see cref="ClassifiedRecord"/>.
/// </summary>
public static class Visibility
{
    public const string FilterName = "Visibility";

    public static List<Classification> LevelsUpTo(Classification clearance) =>
        Enum.GetValues<Classification>().Where(level => level <= clearance).ToList();

    public static bool CanSee(this CurrentUser user, ClassifiedRecord record)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(record);
        return user.CanSee(record.Classification, record.ReleasableToNations, record.ReleasableToAlliances);
    }

    /// <summary>The same rule for a marking without its record (one the audit trail kept, say).</summary>
    public static bool CanSee(this CurrentUser user, Classification classification, IReadOnlyCollection<string> releasableToNations, IReadOnlyCollection<string> releasableToAlliances)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(releasableToNations);
        ArgumentNullException.ThrowIfNull(releasableToAlliances);
        if (user.IsSystem)
        {
            return true;
        }

        if (classification > user.Clearance)
        {
            return false;
        }

        if (releasableToNations.Count == 0 && releasableToAlliances.Count == 0)
        {
            return true;
        }

        return (user.NationCode is { } nation && releasableToNations.Contains(nation, StringComparer.Ordinal))
            || releasableToAlliances.Any(a => user.AllianceAcronyms.Contains(a, StringComparer.Ordinal));
    }
}
