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
        if (user.IsSystem)
        {
            return true;
        }

        if (record.Classification > user.Clearance)
        {
            return false;
        }

        if (record.ReleasableToNations.Count == 0 && record.ReleasableToAlliances.Count == 0)
        {
            return true;
        }

        return (user.NationCode is { } nation && record.ReleasableToNations.Contains(nation, StringComparer.Ordinal))
            || record.ReleasableToAlliances.Any(a => user.AllianceAcronyms.Contains(a, StringComparer.Ordinal));
    }
}
