using DiploPortal.Core.Common;
using DiploPortal.Core.Search;
using DiploPortal.Web.Search;

namespace DiploPortal.Web.Api;

/// <summary>
/// One hit as the API gives it. Title and snippet are plain text; the matched words are given as ranges
/// of that text (start and length in UTF-16 code units, as JavaScript and .NET strings count), so that a
/// script can highlight them however it likes and never has to strip or trust markup.
/// </summary>
public sealed record SearchHitDto(
    SearchKind Kind,
    string Key,
    string Title,
    IReadOnlyList<HighlightRange> TitleMatches,
    string Snippet,
    IReadOnlyList<HighlightRange> SnippetMatches,
    DateOnly? Date,
    Classification? Classification,
    float Rank,
    string Url);

/// <summary>How many records of a kind match; counting stops at 1,000 (isCapped: "1,000 or more").</summary>
public sealed record SearchCountDto(SearchKind Kind, int Count, bool IsCapped);

/// <summary>The hits of one page (<c>page</c>, of <c>take</c> hits each); <c>hasMore</c>: the next page holds some.</summary>
public sealed record SearchResponseDto(
    string Query,
    SearchKind? Kind,
    SearchStatus Status,
    string? Message,
    IReadOnlyList<SearchCountDto> Counts,
    IReadOnlyList<SearchHitDto> Results,
    int Page,
    bool HasMore);

/// <summary><c>GET /api/search?q=...</c>: the search box for scripts, under the same visibility rules.</summary>
public static class SearchApi
{
    public const int DefaultTake = 20;

    public static RouteGroupBuilder MapSearchApi(this RouteGroupBuilder api)
    {
        api.MapGet("/search", SearchAsync)
            .WithName("Search")
            .WithSummary("Full-text search over every record kind the account may see: q as in a web search (\"phrase\", -exclude, or), "
                + "kind to narrow the results to one kind, take (1-100, default 20), page (from 1; hasMore says whether the next page holds hits; "
                + "pages end at the 1,000th hit). Counts stop at 1,000 per kind.")
            .WithTags("Search")
            .Produces<SearchResponseDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    private static async Task<IResult> SearchAsync(SearchQueries search, string? q, string? kind, int? take, int? page, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return TypedResults.Problem(
                title: "Missing query",
                detail: "Pass the words to look for as q, for example /api/search?q=maritime%20security.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        SearchKind? only = null;
        if (!string.IsNullOrEmpty(kind))
        {
            if (!SearchLinks.TryParseKind(kind, out var parsed))
            {
                return TypedResults.Problem(
                    title: "Unknown kind",
                    detail: $"kind must be one of {string.Join(", ", Enum.GetValues<SearchKind>().Select(SearchLinks.Token))}; got '{kind}'.",
                    statusCode: StatusCodes.Status400BadRequest);
            }

            only = parsed;
        }

        if (take is < 1 or > SearchQueries.MaxTake)
        {
            return TypedResults.Problem(
                title: "Invalid take",
                detail: $"take must be from 1 to {SearchQueries.MaxTake}; got {take}.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var size = take ?? DefaultTake;
        var lastPage = SearchQueries.MaxSkip / size + 1;
        if (page is < 1 || page > lastPage)
        {
            return TypedResults.Problem(
                title: "Invalid page",
                detail: $"page must be from 1 to {lastPage} with take {size}; got {page}.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var results = await search.SearchAsync(q, only, ((page ?? 1) - 1) * size, size, cancellationToken);
        return TypedResults.Ok(new SearchResponseDto(
            results.Query,
            results.Kind,
            results.Status,
            results.Status == SearchStatus.OnlyStopWords ? SearchMessages.OnlyStopWords : null,
            results.Counts.Select(c => new SearchCountDto(c.Kind, c.Count, c.IsCapped)).ToList(),
            results.Hits.Select(h => new SearchHitDto(
                h.Kind,
                h.Key,
                SearchHighlight.Plain(h.Title),
                SearchHighlight.Ranges(h.Title),
                SearchHighlight.Plain(h.Snippet),
                SearchHighlight.Ranges(h.Snippet),
                h.Date,
                h.Classification,
                h.Rank,
                SearchLinks.Href(h))).ToList(),
            page ?? 1,
            results.HasMore));
    }
}
