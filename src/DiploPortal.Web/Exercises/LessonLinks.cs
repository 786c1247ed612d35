using Microsoft.AspNetCore.WebUtilities;

namespace DiploPortal.Web.Exercises;

/// <summary>The lessons-by-series page's address, its filters in the query string (?series=RIMPAC&amp;q=liaison).</summary>
public static class LessonLinks
{
    public const string Page = "/exercises/lessons";

    public static string ForSeries(string? series, string? words = null)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(series))
        {
            query["series"] = series.Trim();
        }

        if (!string.IsNullOrWhiteSpace(words))
        {
            query["q"] = words.Trim();
        }

        return QueryHelpers.AddQueryString(Page, query);
    }
}
