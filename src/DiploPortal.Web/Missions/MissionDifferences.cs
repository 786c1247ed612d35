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
        return new FieldDifferences()
            .Compare("Name", theirs.Name, mine.Name)
            .Compare("Kind", theirs.Kind.ToWords(), mine.Kind.ToWords())
            .Compare("Crisis", theirs.Crisis.ToWords(), mine.Crisis.ToWords())
            .Compare("Affected nation", theirs.AffectedNation, mine.AffectedNation)
            .Compare("First day", theirs.StartsOn, mine.StartsOn)
            .Compare("Last day", theirs.EndsOn, mine.EndsOn)
            .Compare("People assisted", PortalText.Number(theirs.PeopleAssisted), PortalText.Number(mine.PeopleAssisted))
            .Compare("Summary", theirs.Summary, mine.Summary)
            .Compare("Contributions", Lines(theirs), Lines(mine))
            .Compare("Classification", theirs.Classification.ToWords(), mine.Classification.ToWords())
            .Compare("Releasable to nations", theirs.ReleasableToNations, mine.ReleasableToNations)
            .Compare("Releasable to alliances", theirs.ReleasableToAlliances, mine.ReleasableToAlliances)
            .ToList();
    }

    private static IEnumerable<string> Lines(MissionForm form) =>
        form.Contributions.Select(c => string.Create(CultureInfo.InvariantCulture,
            $"{c.Nation} ({c.Personnel} personnel, {c.Aircraft} aircraft, {c.Ships} ships, {c.MedicalTeams} medical teams, {c.SuppliesTonnes} t supplies)"));
}
