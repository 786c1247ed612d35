using System.Globalization;
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
        var differences = new List<FieldDifference>();
        void Compare(string field, string? a, string? b)
        {
            if (!string.Equals(a?.Trim() ?? "", b?.Trim() ?? "", StringComparison.Ordinal))
            {
                differences.Add(new FieldDifference(field, Show(a), Show(b)));
            }
        }

        Compare("Title", theirs.Title, mine.Title);
        Compare("Day", Day(theirs.OccurredOn), Day(mine.OccurredOn));
        Compare("Kind", theirs.Kind.ToWords(), mine.Kind.ToWords());
        Compare("Channel", theirs.Channel.ToWords(), mine.Channel.ToWords());
        Compare("Outcome", theirs.Outcome.ToWords(), mine.Outcome.ToWords());
        Compare("Participating nations", string.Join(", ", theirs.Participants), string.Join(", ", mine.Participants));
        Compare("Host nation", theirs.HostNation, mine.HostNation);
        Compare("Location", theirs.Location, mine.Location);
        Compare("Summary", theirs.Summary, mine.Summary);
        Compare("What came of it", theirs.OutcomeNotes, mine.OutcomeNotes);
        Compare("Classification", theirs.Classification.ToWords(), mine.Classification.ToWords());
        Compare("Releasable to nations", string.Join(", ", theirs.ReleasableToNations.Order(StringComparer.Ordinal)), string.Join(", ", mine.ReleasableToNations.Order(StringComparer.Ordinal)));
        Compare("Releasable to alliances", string.Join(", ", theirs.ReleasableToAlliances.Order(StringComparer.Ordinal)), string.Join(", ", mine.ReleasableToAlliances.Order(StringComparer.Ordinal)));
        return differences;
    }

    private static string? Day(DateOnly? day) => day?.ToString(PortalText.DayFormat, CultureInfo.InvariantCulture);

    private static string Show(string? value) => string.IsNullOrWhiteSpace(value) ? "—" : value.Trim();
}
