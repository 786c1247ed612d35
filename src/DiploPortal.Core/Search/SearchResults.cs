using System.Globalization;
using DiploPortal.Core.Common;

namespace DiploPortal.Core.Search;

/// <summary>The kinds of record the search box finds, in the order the page lists them.</summary>
public enum SearchKind
{
    Engagement,
    Attache,
    Report,
    Exercise,
    Mission,

    /// <summary>An exercise's after-action observation, lesson and recommendation; its <see cref="SearchHit.ParentKey"/> is the exercise.</summary>
    Observation,
    Nation,
    Alliance,
}

/// <summary>
/// One record found. <see cref="Title"/> and <see cref="Snippet"/> carry <see cref="SearchHighlight"/> markers
/// around the words that matched. <see cref="Key"/> is the id, the nation code or the alliance acronym;
/// <see cref="ParentKey"/> is the attaché of a report, the exercise of an observation. Reference data (nations, alliances) has no date or marking.
/// </summary>
public sealed record SearchHit(
    SearchKind Kind,
    string Key,
    string Title,
    string Snippet,
    DateOnly? Date,
    Classification? Classification,
    float Rank,
    string? ParentKey = null);

/// <summary>How many records of a kind match, counted up to <see cref="SearchQueries.CountCap"/> and no further.</summary>
public sealed record SearchCount(SearchKind Kind, int Count, bool IsCapped)
{
    /// <summary>"12" or "1,000+".</summary>
    public string Text => Count.ToString("N0", CultureInfo.InvariantCulture) + (IsCapped ? "+" : "");
}

public enum SearchStatus
{
    /// <summary>Nothing was typed: nothing was searched.</summary>
    NoQuery,

    /// <summary>Every word is a stop word ("the", "and"), which full-text search ignores: nothing can match.</summary>
    OnlyStopWords,

    /// <summary>The search ran; it may still have found nothing.</summary>
    Searched,
}

/// <summary>
/// What a search found: the best hits across kinds (or of one kind), from the <see cref="Skip"/>+1st on, a capped
/// count per kind, and whether hits follow after these (<see cref="HasMore"/>).
/// </summary>
public sealed record SearchResults(
    string Query, SearchKind? Kind, SearchStatus Status, IReadOnlyList<SearchHit> Hits, IReadOnlyList<SearchCount> Counts, int Skip = 0, bool HasMore = false)
{
    public int Total => Counts.Sum(c => c.Count);

    public bool TotalIsCapped => Counts.Any(c => c.IsCapped);

    /// <summary>"37" or "2,014+".</summary>
    public string TotalText => Total.ToString("N0", CultureInfo.InvariantCulture) + (TotalIsCapped ? "+" : "");

    public SearchCount CountOf(SearchKind kind) => Counts.FirstOrDefault(c => c.Kind == kind) ?? new SearchCount(kind, 0, false);

    internal static SearchResults Nothing(string query, SearchKind? kind, SearchStatus status) =>
        new(query, kind, status, [], Enum.GetValues<SearchKind>().Select(k => new SearchCount(k, 0, false)).ToList());
}
