using DiploPortal.Core.Exercises;
using DiploPortal.Web.Components.Shared;

namespace DiploPortal.Web.Exercises;

/// <summary>The fields two versions of an observation disagree on, in words, for the conflict panel.</summary>
public static class ObservationDifferences
{
    public static IReadOnlyList<FieldDifference> Between(ObservationForm theirs, ObservationForm mine)
    {
        ArgumentNullException.ThrowIfNull(theirs);
        ArgumentNullException.ThrowIfNull(mine);
        return FieldDifference.Between(
            ("Observation", theirs.Observation, mine.Observation),
            ("Lesson", theirs.Lesson, mine.Lesson),
            ("Recommendation", theirs.Recommendation, mine.Recommendation),
            ("Recorded on", FieldDifference.Day(theirs.RecordedOn), FieldDifference.Day(mine.RecordedOn)));
    }
}
