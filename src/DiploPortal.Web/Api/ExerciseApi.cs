using DiploPortal.Core.Alliances;
using DiploPortal.Core.Common;
using DiploPortal.Core.Exercises;
using DiploPortal.Web.Exercises;
using DiploPortal.Web.Feeds;
using DiploPortal.Web.Lists;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiploPortal.Web.Api;

/// <summary>A page of exercises and how many match (up to 1,000, then capped): pass <c>next</c> as <c>after</c> (or <c>previous</c> as <c>before</c>) for the neighbouring page.</summary>
public sealed record ExercisePageDto(IReadOnlyList<ExerciseListItem> Items, string? Previous, string? Next, int MatchCount, bool MatchCountIsCapped);

/// <summary>
/// The read API of exercises, with the list page's filters and the caller's clearance. One exercise is
/// <see cref="ExerciseDetails"/> as the exercise page reads it, so a field added there (status history,
/// recommendations) reaches the API without a change here.
/// </summary>
public static class ExerciseApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>The API's name for the end of the period; the list pages call it <c>until</c> (both are read).</summary>
    public const string To = "to";

    public static RouteGroupBuilder MapExerciseApi(this RouteGroupBuilder api)
    {
        api.MapGet("/exercises", ListAsync)
            .WithName("ListExercises")
            .WithSummary("Exercises, filtered and paged by cursor (after, before, pageSize ≤ 200). from and to (yyyy-MM-dd): the exercises with at least one day in the period; "
                + "nation: ISO alpha-3 or alpha-2 (FR reads as FRA), former states by their ISO 3166-3 code (SUHH, DDDE), repeated for exercises of all of them; "
                + "alliance: acronym (led by it, or a member on the first day took part); series: exact, any case; kind; status; classification; q as in a web search; sort.")
            .WithDescription("Unknown values (a nation code, an alliance, a kind or status name, a date) are refused with 400 and the reason, by parameter.")
            .WithTags("Exercises")
            .ProducesValidationProblem();
        api.MapGet("/exercises/{id:int}", FindAsync)
            .WithName("GetExercise")
            .WithSummary("One exercise with its participants, milestones, observations and the liaison attachés the caller may see; 404 when it does not exist or is not visible to the caller.")
            .WithTags("Exercises")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/exercises/{id:int}.ics", CalendarEndpoints.ExerciseFileAsync)
            .WithName("GetExerciseCalendar")
            .WithSummary("One exercise and its planning milestones as an iCalendar file (all-day events); 404 when it does not exist or is not visible to the caller.")
            .WithTags("Exercises")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<ExercisePageDto>, ValidationProblem>> ListAsync(
        HttpContext context, ExerciseQueries queries, AllianceQueries alliances, int? pageSize, CancellationToken cancellationToken)
    {
        // "to" is the API's word for the list pages' "until".
        var query = context.Request.Query
            .Where(p => p.Key != nameof(pageSize))
            .Select(p => p.Key == To ? new KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>(ExerciseQueryString.Until, p.Value) : p);
        var request = ExerciseQueryString.Parse(query);
        var problems = request.Problems.ToDictionary(p => p.Key == ExerciseQueryString.Until ? To : p.Key, p => p.Value);
        if (pageSize is < 1 or > MaxPageSize)
        {
            problems[nameof(pageSize)] = [$"Ask for 1 to {MaxPageSize} exercises a page."];
        }

        if (context.Request.Query.TryGetValue(ExerciseQueryString.Until, out _) && context.Request.Query.TryGetValue(To, out _))
        {
            problems[To] = ["Give the end of the period once, as 'to'."];
        }

        if (request.Filter.Alliance is { } acronym
            && !(await alliances.ListAsync(cancellationToken)).Any(a => string.Equals(a.Acronym, acronym, StringComparison.OrdinalIgnoreCase)))
        {
            problems[ExerciseQueryString.Alliance] = [$"There is no alliance '{acronym}'. GET /api/alliances lists them."];
        }

        if (context.Request.Query.TryGetValue(ListAddressReader.After, out var after) && Cursor.Parse(after) is null
            || context.Request.Query.TryGetValue(ListAddressReader.Before, out var before) && Cursor.Parse(before) is null)
        {
            problems["cursor"] = ["Pass back a 'next' or 'previous' value exactly as a page gave it."];
        }

        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        var page = await queries.ListAsync(request.Filter, request.Cursor, request.Direction, pageSize ?? DefaultPageSize, cancellationToken);
        var count = await queries.CountAsync(request.Filter, cancellationToken);
        return TypedResults.Ok(new ExercisePageDto(page.Items, page.Previous?.ToString(), page.Next?.ToString(), count.Count, count.IsCapped));
    }

    private static async Task<Results<Ok<ExerciseDetails>, ProblemHttpResult>> FindAsync(int id, ExerciseQueries queries, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(id, cancellationToken) is not { } exercise)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no exercise {id}, or you may not see it.");
        }

        return TypedResults.Ok(exercise);
    }
}
