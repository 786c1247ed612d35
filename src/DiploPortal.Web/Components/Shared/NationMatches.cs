using DiploPortal.Core.Nations;

namespace DiploPortal.Web.Components.Shared;

/// <summary>Which nations a picker offers for typed text: by part of the name or the exact code, as "Name (CODE)".</summary>
public static class NationMatches
{
    /// <summary>The nations whose name holds the text or whose code is it (all for blank text), less those already chosen.</summary>
    public static IEnumerable<NationSummary> Find(IEnumerable<NationSummary> nations, string? text, IReadOnlyCollection<string> chosen)
    {
        ArgumentNullException.ThrowIfNull(nations);
        ArgumentNullException.ThrowIfNull(chosen);
        var term = Term(text);
        var matches = term.Length == 0
            ? nations
            : nations.Where(n => n.Name.Contains(term, StringComparison.OrdinalIgnoreCase) || n.Code.Equals(term, StringComparison.OrdinalIgnoreCase)
                || string.Equals(Shown(n), term, StringComparison.OrdinalIgnoreCase))
                // The likeliest first, so that Enter on the first offer takes what was meant: "Germany" before
                // "East Germany", "No" offers Norway before Lebanon.
                .OrderBy(n => Closeness(n, term));
        return matches.Where(n => !chosen.Contains(n.Code));
    }

    /// <summary>0 for the exact code or name, 1 for a name that starts with the text, 2 for a word of it that does, 3 otherwise.</summary>
    private static int Closeness(NationSummary nation, string term) =>
        nation.Code.Equals(term, StringComparison.OrdinalIgnoreCase) || nation.Name.Equals(term, StringComparison.OrdinalIgnoreCase) ? 0
        : nation.Name.StartsWith(term, StringComparison.OrdinalIgnoreCase) ? 1
        : nation.Name.Contains(" " + term, StringComparison.OrdinalIgnoreCase) ? 2
        : 3;

    /// <summary>
    /// The nation a pick of <paramref name="picked"/> means after <paramref name="typed"/> was typed: the pick itself
    /// when the text names it (or nothing was typed), else the closest nation the text names, else none.
    /// </summary>
    public static string? Meant(IEnumerable<NationSummary> nations, string typed, string? picked, IReadOnlyCollection<string> chosen)
    {
        if (picked is null || Term(typed).Length == 0)
        {
            return picked;
        }

        var named = Find(nations, typed, chosen).Select(n => n.Code).ToList();
        return named.Contains(picked) ? picked : named.FirstOrDefault();
    }

    /// <summary>Whether the text is how a listed nation reads in a picker ("France (FRA)"), as after a pick.</summary>
    public static bool IsShownName(IEnumerable<NationSummary> nations, string text) =>
        text.EndsWith(')') && nations.Any(n => string.Equals(Shown(n), text, StringComparison.Ordinal));

    /// <summary>How a nation reads in a picker: "France (FRA)"; the code itself when no such nation is listed.</summary>
    public static string NameOf(IEnumerable<NationSummary> nations, string? code) =>
        code is null ? "" : nations.FirstOrDefault(n => n.Code == code) is { } nation ? Shown(nation) : code;

    private static string Shown(NationSummary nation) => $"{nation.Name} ({nation.Code})";

    private static string Term(string? text) => text?.Trim() ?? "";
}
