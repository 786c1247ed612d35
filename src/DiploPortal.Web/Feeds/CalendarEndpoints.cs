using System.Globalization;
using System.Security.Claims;
using DiploPortal.Core.Exercises;
using DiploPortal.Core.Security;
using DiploPortal.Web.Accounts;
using DiploPortal.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace DiploPortal.Web.Feeds;

/// <summary>
/// The calendar files: <c>/exercises/{id}.ics</c> for a signed-in person ("Add to calendar"), and
/// <c>/feeds/{token}.ics</c>, which a calendar program polls with no sign-in (the token is the
/// credential). A feed answers as its owner would see the exercises now: the owner's claims are read
/// from the account on every poll, and every query runs through the user-scoped context.
/// </summary>
public static partial class CalendarEndpoints
{
    public static IServiceCollection AddCalendarFeeds(this IServiceCollection services) => services.AddScoped<CalendarFeeds>();

    public static WebApplication MapCalendarFeeds(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/exercises/{id:int}.ics", ExerciseFileAsync)
            .RequireAuthorization(PortalPolicies.ReadRecords)
            .ExcludeFromDescription();
        app.MapGet("/feeds/{token}.ics", FeedAsync)
            .AllowAnonymous()
            .RequireRateLimiting(PortalRateLimiting.Feed)
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>One exercise with its milestones as an .ics file; 404 when it does not exist or the user may not see it.</summary>
    public static async Task<IResult> ExerciseFileAsync(int id, HttpContext context, ExerciseQueries queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(queries);
        if (await queries.CalendarEntryAsync(id, cancellationToken) is not { } entry)
        {
            return ApiProblems.IsApiRequest(context.Request)
                ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no exercise {id}, or you may not see it.")
                : TypedResults.NotFound();
        }

        var text = ExerciseCalendarFile.Write(entry.Name, [entry], PortalAddress(context.Request));
        NotStored(context.Response);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(text), ExerciseCalendarFile.ContentType, $"exercise-{id.ToString(CultureInfo.InvariantCulture)}.ics");
    }

    private static async Task<IResult> FeedAsync(
        string token,
        HttpContext context,
        CalendarFeeds feeds,
        UserManager<PortalUser> users,
        IUserClaimsPrincipalFactory<PortalUser> claims,
        IAuthorizationService authorization,
        ExerciseQueries queries,
        TimeProvider clock,
        ILogger<CalendarFeeds> log,
        CancellationToken cancellationToken)
    {
        // Unknown, revoked, or its owner locked out or no longer a reader: the same 404, saying nothing of which.
        if (await feeds.FindAsync(token, cancellationToken) is not { } feed || await users.IsLockedOutAsync(feed.Owner))
        {
            return FeedNotFound();
        }

        var principal = await claims.CreateAsync(feed.Owner);
        // The request acts as the owner from here on: PortalUserState reads the request's user for every context.
        context.User = new ClaimsPrincipal(new ClaimsIdentity(principal.Claims, "CalendarFeed", ClaimTypes.Name, ClaimTypes.Role));
        if (!(await authorization.AuthorizeAsync(context.User, PortalPolicies.ReadRecords)).Succeeded)
        {
            return FeedNotFound();
        }

        var (from, until) = CalendarWindow.Around(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var entries = await queries.CalendarAsync(feed.Scope.Filter, from, until, CalendarWindow.MaxExercises + 1, cancellationToken);
        var cut = entries.Count > CalendarWindow.MaxExercises;
        var note = $"{feed.Scope.Describe()}: the exercises from {from:yyyy-MM-dd} to {until:yyyy-MM-dd} that the subscription's owner may see, with their planning milestones"
            + (cut ? $"; only the first {Max} by start date (narrow the subscription to see the rest)." : $"; at most {Max}.");
        var text = ExerciseCalendarFile.Write(feed.Name, cut ? entries.Take(CalendarWindow.MaxExercises) : entries, PortalAddress(context.Request), note);
        LogPolled(log, feed.Id, cut ? CalendarWindow.MaxExercises : entries.Count, cut);
        NotStored(context.Response);
        return TypedResults.Text(text, ExerciseCalendarFile.ContentType);
    }

    private static readonly string Max = CalendarWindow.MaxExercises.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The one answer for an unknown, revoked or locked feed. It has a body, so that the status-code pages do not
    /// replace it with the portal's pages (which would send a calendar program, signed in as nobody, to the sign-in page).
    /// </summary>
    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult FeedNotFound() => TypedResults.Text("Not found.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);

    /// <summary>The portal's own address, for the links back in each event.</summary>
    private static Uri PortalAddress(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}/");

    /// <summary>Classified content: no shared cache may keep it.</summary>
    private static void NotStored(HttpResponse response) => response.Headers.CacheControl = "private, no-store";

    [LoggerMessage(Level = LogLevel.Debug, Message = "Calendar subscription {FeedId} polled: {Exercises} exercises, cut at the cap: {Cut}")]
    private static partial void LogPolled(ILogger logger, long feedId, int exercises, bool cut);
}
