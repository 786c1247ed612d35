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
        return FieldDifference.Between(
            ("Full name", theirs.FullName, mine.FullName),
            ("Rank", theirs.Rank, mine.Rank),
            ("Service", theirs.Service.ToWords(), mine.Service.ToWords()),
            ("Post", theirs.Post.ToWords(), mine.Post.ToWords()),
            ("Sending nation", theirs.SendingNation, mine.SendingNation),
            ("Host nation", theirs.HostNation, mine.HostNation),
            ("Posted from", FieldDifference.Day(theirs.PostedFrom), FieldDifference.Day(mine.PostedFrom)),
            ("Posted until", FieldDifference.Day(theirs.PostedUntil), FieldDifference.Day(mine.PostedUntil)),
            ("Classification", theirs.Classification.ToWords(), mine.Classification.ToWords()),
            ("Releasable to nations", FieldDifference.Codes(theirs.ReleasableToNations), FieldDifference.Codes(mine.ReleasableToNations)),
            ("Releasable to alliances", FieldDifference.Codes(theirs.ReleasableToAlliances), FieldDifference.Codes(mine.ReleasableToAlliances)));
    }

    public static IReadOnlyList<FieldDifference> Between(AttacheReportForm theirs, AttacheReportForm mine)
    {
        ArgumentNullException.ThrowIfNull(theirs);
        ArgumentNullException.ThrowIfNull(mine);
        return FieldDifference.Between(
            ("Title", theirs.Title, mine.Title),
            ("Kind", theirs.Kind.ToWords(), mine.Kind.ToWords()),
            ("Filed on", FieldDifference.Day(theirs.FiledOn), FieldDifference.Day(mine.FiledOn)),
            ("Report", theirs.Body, mine.Body),
            ("Classification", theirs.Classification.ToWords(), mine.Classification.ToWords()),
            ("Releasable to nations", FieldDifference.Codes(theirs.ReleasableToNations), FieldDifference.Codes(mine.ReleasableToNations)),
            ("Releasable to alliances", FieldDifference.Codes(theirs.ReleasableToAlliances), FieldDifference.Codes(mine.ReleasableToAlliances)));
    }
}
