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
            .Compare("Title", theirs.Title, mine.Title)
            .Compare("Day", theirs.OccurredOn, mine.OccurredOn)
            .Compare("Kind", theirs.Kind.ToWords(), mine.Kind.ToWords())
            .Compare("Channel", theirs.Channel.ToWords(), mine.Channel.ToWords())
            .Compare("Outcome", theirs.Outcome.ToWords(), mine.Outcome.ToWords())
            .Compare("Participating nations", theirs.Participants, mine.Participants, ordered: true)
            .Compare("Host nation", theirs.HostNation, mine.HostNation)
            .Compare("Location", theirs.Location, mine.Location)
            .Compare("Summary", theirs.Summary, mine.Summary)
            .Compare("What came of it", theirs.OutcomeNotes, mine.OutcomeNotes)
            .Compare("Classification", theirs.Classification.ToWords(), mine.Classification.ToWords())
            .Compare("Releasable to nations", theirs.ReleasableToNations, mine.ReleasableToNations)
            .Compare("Releasable to alliances", theirs.ReleasableToAlliances, mine.ReleasableToAlliances)
            .ToList();
    }
}
