using DiploPortal.Core.Engagements;
using DiploPortal.Web.Components.Shared;

namespace DiploPortal.Web.Engagements;

/// <summary>The fields two versions of an engagement form disagree on, in words, for the conflict panel.</summary>
public static class EngagementDifferences
{
    public static IReadOnlyList<FieldDifference> Between(EngagementForm theirs, EngagementForm mine)
    {
        ArgumentNullException.ThrowIfNull(theirs);
        ArgumentNullException.ThrowIfNull(mine);
        return FieldDifference.Between(
            ("Title", theirs.Title, mine.Title),
            ("Day", FieldDifference.Day(theirs.OccurredOn), FieldDifference.Day(mine.OccurredOn)),
            ("Kind", theirs.Kind.ToWords(), mine.Kind.ToWords()),
            ("Channel", theirs.Channel.ToWords(), mine.Channel.ToWords()),
            ("Outcome", theirs.Outcome.ToWords(), mine.Outcome.ToWords()),
            ("Participating nations", string.Join(", ", theirs.Participants), string.Join(", ", mine.Participants)),
            ("Host nation", theirs.HostNation, mine.HostNation),
            ("Location", theirs.Location, mine.Location),
            ("Summary", theirs.Summary, mine.Summary),
            ("What came of it", theirs.OutcomeNotes, mine.OutcomeNotes),
            ("Classification", theirs.Classification.ToWords(), mine.Classification.ToWords()),
            ("Releasable to nations", FieldDifference.Codes(theirs.ReleasableToNations), FieldDifference.Codes(mine.ReleasableToNations)),
            ("Releasable to alliances", FieldDifference.Codes(theirs.ReleasableToAlliances), FieldDifference.Codes(mine.ReleasableToAlliances)));
    }
}
