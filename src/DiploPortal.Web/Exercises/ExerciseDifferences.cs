using System.Globalization;
using DiploPortal.Core.Exercises;
using DiploPortal.Web.Components.Shared;

namespace DiploPortal.Web.Exercises;

/// <summary>The fields two versions of an exercise form disagree on, in words, for the conflict panel.</summary>
public static class ExerciseDifferences
{
    public static IReadOnlyList<FieldDifference> Between(ExerciseForm theirs, ExerciseForm mine)
    {
        ArgumentNullException.ThrowIfNull(theirs);
        ArgumentNullException.ThrowIfNull(mine);
        return new FieldDifferences()
            .Compare("Name", theirs.Name, mine.Name)
            .Compare("Series", theirs.SeriesName, mine.SeriesName)
            .Compare("Kind", theirs.Kind.ToWords(), mine.Kind.ToWords())
            .Compare("Status", theirs.Status.ToWords(), mine.Status.ToWords())
            .Compare("Host nation", theirs.HostNation, mine.HostNation)
            .Compare("Location", theirs.Location, mine.Location)
            .Compare("First day", theirs.StartsOn, mine.StartsOn)
            .Compare("Last day", theirs.EndsOn, mine.EndsOn)
            .Compare("Lead nation", theirs.LeadNation, mine.LeadNation)
            .Compare("Lead alliance", theirs.LeadAlliance, mine.LeadAlliance)
            .Compare("Objectives", theirs.Objectives, mine.Objectives)
            .Compare("Scenario", theirs.Scenario, mine.Scenario)
            .Compare("Participants", Lines(theirs), Lines(mine))
            .Compare("Classification", theirs.Classification.ToWords(), mine.Classification.ToWords())
            .Compare("Releasable to nations", theirs.ReleasableToNations, mine.ReleasableToNations)
            .Compare("Releasable to alliances", theirs.ReleasableToAlliances, mine.ReleasableToAlliances)
            .ToList();
    }

    private static IEnumerable<string> Lines(ExerciseForm form) =>
        form.Participants.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"{p.Nation} ({p.Role.ToWords()}: {p.Personnel} personnel, {p.Units} units, {p.Ships} ships, {p.Aircraft} aircraft)"));
}
