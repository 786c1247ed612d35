using DiploPortal.Core.Common;

namespace DiploPortal.Core.Exercises;

/// <summary>How a list of exercises is ordered; every order pages by keyset on an index.</summary>
public enum ExerciseSort
{
    LatestStart,
    EarliestStart,
    NameAscending,
    NameDescending,
}

/// <summary>
/// What a person narrows the exercise list to; the same filter drives the page and its exports,
/// and travels in the page's address.
/// </summary>
public sealed record ExerciseFilter : IRecordFilter
{
    /// <summary>Alpha-3 codes of nations that all hosted or took part (in any role); at most <see cref="NationSet.Max"/>.</summary>
    public NationSet Nations { get; init; } = NationSet.None;

    /// <summary>One nation: <see cref="Nations"/> holding only it (reads null when it holds none or several).</summary>
    public string? Nation { get => Nations.Count == 1 ? Nations[0] : null; init => Nations = NationSet.Of(value); }

    /// <summary>Acronym of an alliance that led the exercise, or one of whose members (on its first day) took part.</summary>
    public string? Alliance { get; init; }

    /// <summary>The series (RIMPAC, Cobra Gold...), matched exactly but in any case.</summary>
    public string? Series { get; init; }

    public ExerciseKind? Kind { get; init; }

    public ExerciseStatus? Status { get; init; }

    public Classification? Classification { get; init; }

    /// <summary>With <see cref="Until"/>: the exercises with at least one day in the range.</summary>
    public DateOnly? From { get; init; }

    public DateOnly? Until { get; init; }

    /// <summary>Words as in a web search: "quoted phrases", -excluded words, or.</summary>
    public string? Text { get; init; }

    public ExerciseSort Sort { get; init; }

    public bool IsEmpty => this == new ExerciseFilter { Sort = Sort };

    public IReadOnlyList<string> Describe() => FilterWords.Of(
        ("nation", Nations), ("alliance", Alliance), ("series", Series), ("kind", Kind), ("status", Status), ("classification", Classification),
        ("from", From), ("until", Until), ("text", Text), ("sort", Sort));
}
