using DiploPortal.Core.Common;

namespace DiploPortal.Core.Attaches;

/// <summary>How a list of attachés is ordered; every order pages by keyset on an index (AttacheConfiguration).</summary>
public enum AttacheSort
{
    /// <summary>Newest posting first.</summary>
    Newest,
    Oldest,
    NameAscending,
    NameDescending,
}

/// <summary>Which side of a posting a nation is on.</summary>
public enum AttacheNationRole
{
    /// <summary>The nation sent the attaché.</summary>
    Sending,

    /// <summary>The attaché is posted to the nation.</summary>
    Host,
}

/// <summary>Whether a posting runs today.</summary>
public enum PostingStatus
{
    /// <summary>Began on or before today and has not ended.</summary>
    Serving,

    /// <summary>Ended before today.</summary>
    Ended,
}

/// <summary>
/// What a person narrows the attaché list to; the page, the exports and links (the nation page's
/// <c>/attaches?nation=FRA</c>) share it through the address.
/// </summary>
public sealed record AttacheFilter : IRecordFilter
{
    /// <summary>Alpha-3 codes of nations that all sent or hosted the attaché (each in the role <see cref="Role"/> names, when it names one); at most <see cref="NationSet.Max"/>.</summary>
    public NationSet Nations { get; init; } = NationSet.None;

    /// <summary>One nation: <see cref="Nations"/> holding only it (reads null when it holds none or several).</summary>
    public string? Nation { get => Nations.Count == 1 ? Nations[0] : null; init => Nations = NationSet.Of(value); }

    public AttacheNationRole? Role { get; init; }

    public AttachePost? Post { get; init; }

    public MilitaryService? Service { get; init; }

    /// <summary>Attachés whose posting covers this day.</summary>
    public DateOnly? ServingOn { get; init; }

    /// <summary>Serving now or ended, as of the day the list is read.</summary>
    public PostingStatus? Status { get; init; }

    /// <summary>First day of the range the posting began in.</summary>
    public DateOnly? PostedFrom { get; init; }

    /// <summary>Last day of the range the posting began in.</summary>
    public DateOnly? PostedUntil { get; init; }

    public Classification? Classification { get; init; }

    /// <summary>Words as in a web search, over name and rank.</summary>
    public string? Text { get; init; }

    public AttacheSort Sort { get; init; }

    public bool IsEmpty => this == new AttacheFilter { Sort = Sort };

    public IReadOnlyList<string> Describe() => FilterWords.Of(
        ("nation", Nations), ("role", Role), ("post", Post), ("service", Service), ("serving on", ServingOn), ("status", Status), ("posted from", PostedFrom), ("posted until", PostedUntil), ("classification", Classification), ("text", Text), ("sort", Sort));
}
