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
        return FieldDifference.Between(
            ("Name", theirs.Name, mine.Name),
            ("Series", theirs.SeriesName, mine.SeriesName),
            ("Kind", theirs.Kind.ToWords(), mine.Kind.ToWords()),
            ("Status", theirs.Status.ToWords(), mine.Status.ToWords()),
            ("Host nation", theirs.HostNation, mine.HostNation),
            ("Location", theirs.Location, mine.Location),
            ("First day", FieldDifference.Day(theirs.StartsOn), FieldDifference.Day(mine.StartsOn)),
            ("Last day", FieldDifference.Day(theirs.EndsOn), FieldDifference.Day(mine.EndsOn)),
            ("Lead nation", theirs.LeadNation, mine.LeadNation),
            ("Lead alliance", theirs.LeadAlliance, mine.LeadAlliance),
            ("Objectives", theirs.Objectives, mine.Objectives),
            ("Scenario", theirs.Scenario, mine.Scenario),
            ("Participants", Lines(theirs), Lines(mine)),
            ("Classification", theirs.Classification.ToWords(), mine.Classification.ToWords()),
            ("Releasable to nations", FieldDifference.Codes(theirs.ReleasableToNations), FieldDifference.Codes(mine.ReleasableToNations)),
            ("Releasable to alliances", FieldDifference.Codes(theirs.ReleasableToAlliances), FieldDifference.Codes(mine.ReleasableToAlliances)));
    }

    private static string Lines(ExerciseForm form) =>
        FieldDifference.Codes(form.Participants.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"{p.Nation} ({p.Role.ToWords()}: {p.Personnel} personnel, {p.Units} units, {p.Ships} ships, {p.Aircraft} aircraft)")));
}
