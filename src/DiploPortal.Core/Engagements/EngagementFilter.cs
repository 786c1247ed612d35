using DiploPortal.Core.Common;

namespace DiploPortal.Core.Engagements;

/// <summary>How a list of engagements is ordered; every order pages by keyset on an index.</summary>
public enum EngagementSort
{
    Newest,
    Oldest,
    TitleAscending,
    TitleDescending,
}

/// <summary>
/// What a person narrows the engagement list to. The same filter drives the page, the export and
/// the API, and travels in the page's address so that a view can be bookmarked and shared.
/// </summary>
public sealed record EngagementFilter : IRecordFilter
{
    /// <summary>Alpha-3 codes of nations that all took part or hosted; at most <see cref="NationSet.Max"/>.</summary>
    public NationSet Nations { get; init; } = NationSet.None;

    /// <summary>One nation: <see cref="Nations"/> holding only it (reads null when it holds none or several).</summary>
    public string? Nation { get => Nations.Count == 1 ? Nations[0] : null; init => Nations = NationSet.Of(value); }

    /// <summary>Acronym of an alliance one of whose members (on the day) took part.</summary>
    public string? Alliance { get; init; }

    public EngagementKind? Kind { get; init; }

    public CommunicationChannel? Channel { get; init; }

    public EngagementOutcome? Outcome { get; init; }

    public Classification? Classification { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? Until { get; init; }

    /// <summary>Words as in a web search: "quoted phrases", -excluded words, or.</summary>
    public string? Text { get; init; }

    public EngagementSort Sort { get; init; }

    /// <summary>Only the engagements one import created ("See the list" after an import).</summary>
    public int? Import { get; init; }

    public bool IsEmpty => this == new EngagementFilter { Sort = Sort };

    public IReadOnlyList<string> Describe() => FilterWords.Of(
        ("nation", Nations), ("alliance", Alliance), ("kind", Kind), ("channel", Channel), ("outcome", Outcome), ("classification", Classification),
        ("from", From), ("until", Until), ("text", Text), ("sort", Sort), ("import", Import));
}
