using System.Globalization;
using DiploPortal.Core.Alliances;
using DiploPortal.Web.Components.Shared;

namespace DiploPortal.Web.ReferenceData;

/// <summary>The fields two versions of an alliance form disagree on, for the conflict panel.</summary>
public static class AllianceDifferences
{
    public static IReadOnlyList<FieldDifference> Between(AllianceForm theirs, AllianceForm mine)
    {
        ArgumentNullException.ThrowIfNull(theirs);
        ArgumentNullException.ThrowIfNull(mine);
        return FieldDifference.Between(
            ("Name", theirs.Name, mine.Name),
            ("Kind", theirs.Kind.ToWords(), mine.Kind.ToWords()),
            ("Founding treaty", theirs.FoundingTreaty, mine.FoundingTreaty),
            ("Founded", FieldDifference.Day(theirs.FoundedOn), FieldDifference.Day(mine.FoundedOn)),
            ("Dissolved", FieldDifference.Day(theirs.DissolvedOn), FieldDifference.Day(mine.DissolvedOn)),
            ("Headquarters", theirs.Headquarters, mine.Headquarters),
            ("Description", theirs.Description, mine.Description),
            ("Membership periods", Periods(theirs), Periods(mine)));
    }

    private static string Periods(AllianceForm form) => string.Join(
        "; ",
        form.Members.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Nation} {m.Role.ToWords().ToLowerInvariant()} {FieldDifference.Day(m.JoinedOn)}–{FieldDifference.Day(m.LeftOn)}"))
            .Order(StringComparer.Ordinal));
}
