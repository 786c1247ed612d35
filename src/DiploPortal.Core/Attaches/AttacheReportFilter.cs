using DiploPortal.Core.Common;

namespace DiploPortal.Core.Attaches;

/// <summary>How a list of attaché reports is ordered; every order pages by keyset on an index (AttacheReportConfiguration).</summary>
public enum AttacheReportSort
{
    /// <summary>Newest filed first.</summary>
    Newest,
    Oldest,
    TitleAscending,
    TitleDescending,
}

/// <summary>What a person narrows the list of attaché reports to; shared by the page, the exports and links.</summary>
public sealed record AttacheReportFilter : IRecordFilter
{
    /// <summary>Alpha-3 codes of nations that all sent or hosted the reporting attaché; at most <see cref="NationSet.Max"/>.</summary>
    public NationSet Nations { get; init; } = NationSet.None;

    /// <summary>One nation: <see cref="Nations"/> holding only it (reads null when it holds none or several).</summary>
    public string? Nation { get => Nations.Count == 1 ? Nations[0] : null; init => Nations = NationSet.Of(value); }

    /// <summary>Only this attaché's reports (the attaché page's "all reports").</summary>
    public int? AttacheId { get; init; }

    public AttacheReportKind? Kind { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? Until { get; init; }

    public Classification? Classification { get; init; }

    /// <summary>Words as in a web search, over title and body.</summary>
    public string? Text { get; init; }

    public AttacheReportSort Sort { get; init; }

    public bool IsEmpty => this == new AttacheReportFilter { Sort = Sort };

    public IReadOnlyList<string> Describe() => FilterWords.Of(
        ("nation", Nations), ("attache", AttacheId), ("kind", Kind), ("from", From), ("until", Until), ("classification", Classification), ("text", Text), ("sort", Sort));
}
