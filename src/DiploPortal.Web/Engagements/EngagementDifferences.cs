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
        return new FieldDifferences()
            .Text("Title", theirs.Title, mine.Title)
            .Day("Day", theirs.OccurredOn, mine.OccurredOn)
            .Words("Kind", theirs.Kind, mine.Kind)
            .Words("Channel", theirs.Channel, mine.Channel)
            .Words("Outcome", theirs.Outcome, mine.Outcome)
            .Codes("Participating nations", theirs.Participants, mine.Participants)
            .Text("Host nation", theirs.HostNation, mine.HostNation)
            .Text("Location", theirs.Location, mine.Location)
            .Text("Summary", theirs.Summary, mine.Summary)
            .Text("What came of it", theirs.OutcomeNotes, mine.OutcomeNotes)
            .Words("Classification", theirs.Classification, mine.Classification)
            .CodeSet("Releasable to nations", theirs.ReleasableToNations, mine.ReleasableToNations)
            .CodeSet("Releasable to alliances", theirs.ReleasableToAlliances, mine.ReleasableToAlliances)
            .List;
    }
}
