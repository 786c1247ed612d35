using System.Globalization;
using DiploPortal.Core.Search;

namespace DiploPortal.Web.Search;

/// <summary>Where a hit leads, what a kind is called, and how a kind is written in an address (?kind=engagement).</summary>
public static class SearchLinks
{
    public const string Page = "/search";

    public static string Href(SearchHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        var key = Uri.EscapeDataString(hit.Key);
        return hit.Kind switch
        {
            SearchKind.Engagement => $"/engagements/{key}",
            SearchKind.Attache => $"/attaches/{key}",
            SearchKind.Report => $"/attaches/reports/{key}",
            SearchKind.Exercise => $"/exercises/{key}",
            SearchKind.Mission => $"/missions/{key}",
            // The exercise, at the observation in its after-action section.
            SearchKind.Observation => $"/exercises/{Uri.EscapeDataString(hit.ParentKey ?? "")}#observation-{key}",
            SearchKind.Nation => $"/nations/{key}",
            SearchKind.Alliance => $"/alliances/{key}",
            _ => Page,
        };
    }

    /// <summary>"Engagement" / "Engagements".</summary>
    public static string Name(SearchKind kind, int count = 1) => (kind, count == 1) switch
    {
        (SearchKind.Engagement, true) => "Engagement",
        (SearchKind.Engagement, false) => "Engagements",
        (SearchKind.Attache, true) => "Attaché",
        (SearchKind.Attache, false) => "Attachés",
        (SearchKind.Report, true) => "Attaché report",
        (SearchKind.Report, false) => "Attaché reports",
        (SearchKind.Exercise, true) => "Exercise",
        (SearchKind.Exercise, false) => "Exercises",
        (SearchKind.Mission, true) => "Mission",
        (SearchKind.Mission, false) => "Missions",
        (SearchKind.Observation, true) => "Observation",
        (SearchKind.Observation, false) => "Observations",
        (SearchKind.Nation, true) => "Nation",
        (SearchKind.Nation, false) => "Nations",
        (SearchKind.Alliance, true) => "Alliance",
        _ => "Alliances",
    };

    /// <summary>The kind as the address writes it: "engagement".</summary>
    public static string Token(SearchKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>A kind from an address, by name in any case ("Engagement", "engagement"); never by number.</summary>
    public static bool TryParseKind(string? text, out SearchKind kind)
    {
        kind = default;
        return text is { Length: > 0 } && char.IsLetter(text[0])
            && Enum.TryParse(text, ignoreCase: true, out kind) && Enum.IsDefined(kind);
    }

    /// <summary>Results a page of the search page shows.</summary>
    public const int PageSize = 25;

    /// <summary>The last page: the ranked hits end at <see cref="SearchQueries.MaxSkip"/>.</summary>
    public const int MaxPage = SearchQueries.MaxSkip / PageSize;

    /// <summary>The search page's address for a query, optionally narrowed to one kind, at a page (the first without one).</summary>
    public static string PageFor(string query, SearchKind? kind = null, int page = 1) =>
        string.Create(CultureInfo.InvariantCulture, $"{Page}?q={Uri.EscapeDataString(query)}")
        + (kind is { } k ? "&kind=" + Token(k) : "")
        + (page > 1 ? string.Create(CultureInfo.InvariantCulture, $"&page={page}") : "");

    /// <summary>
    /// The page number of an address: 1 when there is none or it is not a number of at least 1 (a person typing
    /// the address wants results, not an error); <see cref="MaxPage"/> at most.
    /// </summary>
    public static int ParsePage(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1 ? Math.Min(page, MaxPage) : 1;
}
