using DiploPortal.Core.Common;
using DiploPortal.Core.Engagements;
using DiploPortal.Web.Engagements;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiploPortal.Web.Api;

/// <summary>A page of engagements and how many match (up to 1,000, then capped): pass <c>next</c> as <c>after</c> (or <c>previous</c> as <c>before</c>) for the neighbouring page.</summary>
public sealed record EngagementPageDto(IReadOnlyList<EngagementListItem> Items, string? Previous, string? Next, int MatchCount, bool MatchCountIsCapped);

/// <summary>The read API of engagements, with the list page's filters and the caller's clearance.</summary>
public static class EngagementApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapEngagementApi(this RouteGroupBuilder api)
    {
        api.MapGet("/engagements", ListAsync)
            .WithName("ListEngagements")
            .WithSummary("Engagements, filtered (nation, alliance, kind, channel, outcome, classification, from, until, q, sort) and paged by cursor (after, before, pageSize ≤ 200). Dates are yyyy-MM-dd.")
            .WithDescription("nation may be repeated (?nation=FRA&nation=DEU, at most 10): only the engagements every one of them hosted or attended.")
            .WithTags("Engagements")
            .ProducesValidationProblem();
        api.MapGet("/engagements/{id:int}", FindAsync)
            .WithName("GetEngagement")
            .WithSummary("One engagement with its participants, attachés, follow-ups and assessments; 404 when it does not exist or is not visible to the caller.")
            .WithTags("Engagements")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<EngagementPageDto>, ValidationProblem>> ListAsync(
        HttpContext context, EngagementQueries queries, int? pageSize, CancellationToken cancellationToken)
    {
        var request = EngagementQueryString.Parse(context.Request.Query.Where(p => p.Key != nameof(pageSize)));
        var problems = new Dictionary<string, string[]>(request.Problems);
        if (pageSize is < 1 or > MaxPageSize)
        {
            problems[nameof(pageSize)] = [$"Ask for 1 to {MaxPageSize} engagements a page."];
        }

        if (context.Request.Query.TryGetValue(EngagementQueryString.After, out var after) && Cursor.Parse(after) is null
            || context.Request.Query.TryGetValue(EngagementQueryString.Before, out var before) && Cursor.Parse(before) is null)
        {
            problems["cursor"] = ["Pass back a 'next' or 'previous' value exactly as a page gave it."];
        }

        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        var page = await queries.ListAsync(request.Filter, request.Cursor, request.Direction, pageSize ?? DefaultPageSize, cancellationToken);
        var count = await queries.CountAsync(request.Filter, cancellationToken);
        return TypedResults.Ok(new EngagementPageDto(page.Items, page.Previous?.ToString(), page.Next?.ToString(), count.Count, count.IsCapped));
    }

    /// <remarks>The ETag carries the version, for If-Match on <c>PUT</c> and <c>DELETE</c> (<see cref="EngagementWriteApi"/>).</remarks>
    private static async Task<Results<Ok<EngagementDetails>, ProblemHttpResult>> FindAsync(int id, EngagementQueries queries, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(id, cancellationToken) is not { } engagement)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no engagement {id}, or you may not see it.");
        }

        response.Headers.ETag = EngagementWriteApi.ETagOf(engagement.Version);
        return TypedResults.Ok(engagement);
    }
}
