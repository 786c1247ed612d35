using DiploPortal.Core.Common;

namespace DiploPortal.Core.Missions;

/// <summary>How a list of missions is ordered; every order pages by keyset on an index.</summary>
public enum MissionSort
{
    LatestStart,
    EarliestStart,
    NameAscending,
    NameDescending,
}

/// <summary>The part a nation played in a mission.</summary>
public enum MissionRole
{
    Affected,
    Contributing,
}

/// <summary>Whether a mission still runs: no last day yet, or one still to come.</summary>
public enum MissionState
{
    Active,
    Ended,
}

/// <summary>What a person narrows the mission list to; the same filter drives the page and its exports.</summary>
public sealed record MissionFilter : IRecordFilter
{
    /// <summary>Alpha-3 codes of nations that all were affected or contributed (see <see cref="Role"/>); at most <see cref="NationSet.Max"/>.</summary>
    public NationSet Nations { get; init; } = NationSet.None;

    /// <summary>One nation: <see cref="Nations"/> holding only it (reads null when it holds none or several).</summary>
    public string? Nation { get => Nations.Count == 1 ? Nations[0] : null; init => Nations = NationSet.Of(value); }

    /// <summary>With <see cref="Nation"/>: only where it was affected, or only where it contributed; either when null.</summary>
    public MissionRole? Role { get; init; }

    public MissionKind? Kind { get; init; }

    public CrisisKind? Crisis { get; init; }

    public MissionState? State { get; init; }

    public Classification? Classification { get; init; }

    /// <summary>With <see cref="Until"/>: the missions with at least one day in the range (an active one runs on).</summary>
    public DateOnly? From { get; init; }

    public DateOnly? Until { get; init; }

    /// <summary>Words as in a web search: "quoted phrases", -excluded words, or.</summary>
    public string? Text { get; init; }

    public MissionSort Sort { get; init; }

    public bool IsEmpty => this == new MissionFilter { Sort = Sort };

    public IReadOnlyList<string> Describe() => FilterWords.Of(
        ("nation", Nations), ("role", Role), ("kind", Kind), ("crisis", Crisis), ("state", State), ("classification", Classification),
        ("from", From), ("until", Until), ("text", Text), ("sort", Sort));
}
