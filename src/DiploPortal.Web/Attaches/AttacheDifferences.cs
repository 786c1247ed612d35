using DiploPortal.Core.Attaches;
using DiploPortal.Web.Components.Shared;

namespace DiploPortal.Web.Attaches;

/// <summary>The fields two versions of an attaché or report form disagree on, in words, for the conflict panel.</summary>
public static class AttacheDifferences
{
    public static IReadOnlyList<FieldDifference> Between(AttacheForm theirs, AttacheForm mine)
    {
        ArgumentNullException.ThrowIfNull(theirs);
        ArgumentNullException.ThrowIfNull(mine);
        return new FieldDifferences()
            .Text("Full name", theirs.FullName, mine.FullName)
            .Text("Rank", theirs.Rank, mine.Rank)
            .Words("Service", theirs.Service, mine.Service)
            .Words("Post", theirs.Post, mine.Post)
            .Text("Sending nation", theirs.SendingNation, mine.SendingNation)
            .Text("Host nation", theirs.HostNation, mine.HostNation)
            .Day("Posted from", theirs.PostedFrom, mine.PostedFrom)
            .Day("Posted until", theirs.PostedUntil, mine.PostedUntil)
            .Words("Classification", theirs.Classification, mine.Classification)
            .CodeSet("Releasable to nations", theirs.ReleasableToNations, mine.ReleasableToNations)
            .CodeSet("Releasable to alliances", theirs.ReleasableToAlliances, mine.ReleasableToAlliances)
            .List;
    }

    public static IReadOnlyList<FieldDifference> Between(AttacheReportForm theirs, AttacheReportForm mine)
    {
        ArgumentNullException.ThrowIfNull(theirs);
        ArgumentNullException.ThrowIfNull(mine);
        return new FieldDifferences()
            .Text("Title", theirs.Title, mine.Title)
            .Words("Kind", theirs.Kind, mine.Kind)
            .Day("Filed on", theirs.FiledOn, mine.FiledOn)
            .Text("Report", theirs.Body, mine.Body)
            .Words("Classification", theirs.Classification, mine.Classification)
            .CodeSet("Releasable to nations", theirs.ReleasableToNations, mine.ReleasableToNations)
            .CodeSet("Releasable to alliances", theirs.ReleasableToAlliances, mine.ReleasableToAlliances)
            .List;
    }
}
