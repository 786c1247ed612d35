using System.Globalization;
using DiploPortal.Core.Missions;
using DiploPortal.Web.Components.Shared;

namespace DiploPortal.Web.Missions;

/// <summary>The fields two versions of a mission form disagree on, in words, for the conflict panel.</summary>
public static class MissionDifferences
{
    public static IReadOnlyList<FieldDifference> Between(MissionForm theirs, MissionForm mine)
    {
        ArgumentNullException.ThrowIfNull(theirs);
        ArgumentNullException.ThrowIfNull(mine);
        return FieldDifference.Between(
            ("Name", theirs.Name, mine.Name),
            ("Kind", theirs.Kind.ToWords(), mine.Kind.ToWords()),
            ("Crisis", theirs.Crisis.ToWords(), mine.Crisis.ToWords()),
            ("Affected nation", theirs.AffectedNation, mine.AffectedNation),
            ("First day", FieldDifference.Day(theirs.StartsOn), FieldDifference.Day(mine.StartsOn)),
            ("Last day", FieldDifference.Day(theirs.EndsOn), FieldDifference.Day(mine.EndsOn)),
            ("People assisted", PortalText.Number(theirs.PeopleAssisted), PortalText.Number(mine.PeopleAssisted)),
            ("Summary", theirs.Summary, mine.Summary),
            ("Contributions", Lines(theirs), Lines(mine)),
            ("Classification", theirs.Classification.ToWords(), mine.Classification.ToWords()),
            ("Releasable to nations", FieldDifference.Codes(theirs.ReleasableToNations), FieldDifference.Codes(mine.ReleasableToNations)),
            ("Releasable to alliances", FieldDifference.Codes(theirs.ReleasableToAlliances), FieldDifference.Codes(mine.ReleasableToAlliances)));
    }

    private static string Lines(MissionForm form) =>
        FieldDifference.Codes(form.Contributions.Select(c => string.Create(CultureInfo.InvariantCulture,
            $"{c.Nation} ({c.Personnel} personnel, {c.Aircraft} aircraft, {c.Ships} ships, {c.MedicalTeams} medical teams, {c.SuppliesTonnes} t supplies)")));
}
