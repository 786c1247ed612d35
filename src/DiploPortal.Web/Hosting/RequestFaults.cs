using System.Net;
using Microsoft.AspNetCore.Mvc;

namespace DiploPortal.Web.Hosting;

/// <summary>
/// Answers the failures that are not faults of the portal as what they are, before they reach the
/// exception pages: a request that cannot be read (a number that is not one, malformed JSON, a body too
/// large) is a 400 logged as a warning; a client that hung up is logged as information; a database that
/// is down is a 503 with a "try again" message. None of them carries a stack trace, in the log or the
/// response. Anything else is rethrown to the usual exception handling.
/// </summary>
public sealed partial class RequestFaults(RequestDelegate next, ILogger<RequestFaults> logger)
{
    public const int ClientClosedRequest = 499;

    public const string DatabaseUnavailableTitle = "The database is not available";

    public const string DatabaseUnavailableDetail =
        "The portal cannot reach its database right now. Nothing was changed by this request; try again in a moment.";

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (context.RequestAborted.IsCancellationRequested)
        {
            // Whatever failed after the client hung up (a cancelled query, a write to a closed connection)
            // has nobody to answer to and is not a fault of the portal. 499, as proxies log it.
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = ClientClosedRequest;
            }

            var exceptionType = ex.GetType().Name;
            var path = LoggedPath.Of(context.Request.Path);
            LogClientDisconnected(logger, context.Request.Method, path, exceptionType);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            LogUnreadableRequest(logger, context.Request.Method, LoggedPath.Of(context.Request.Path), ex.StatusCode, ex.Message);
            await WriteAsync(context, ex.StatusCode, "The request could not be read", ReadableReason(ex), FieldOf(ex));
        }
        catch (Exception ex) when (DatabaseFaults.IsUnavailable(ex) && !context.Response.HasStarted)
        {
            var (exceptionType, reason) = (ex.GetType().Name, ex.GetBaseException().Message);
            LogDatabaseUnavailable(logger, context.Request.Method, LoggedPath.Of(context.Request.Path), exceptionType, reason);

            await WriteAsync(context, StatusCodes.Status503ServiceUnavailable, DatabaseUnavailableTitle, DatabaseUnavailableDetail, retryAfterSeconds: 5);
        }
    }

    /// <summary>
    /// The request log's level for an answer: a database outage (503, its cause logged once by this class)
    /// is a warning, a client that hung up (499) is information, any other 5xx or exception an error.
    /// </summary>
    public static Serilog.Events.LogEventLevel LevelOf(HttpContext context, double elapsedMilliseconds, Exception? exception)
    {
        ArgumentNullException.ThrowIfNull(context);
        return (exception, context.Response.StatusCode) switch
        {
            (not null, _) => Serilog.Events.LogEventLevel.Error,
            (_, StatusCodes.Status503ServiceUnavailable) => Serilog.Events.LogEventLevel.Warning,
            (_, >= 500) => Serilog.Events.LogEventLevel.Error,
            _ => Serilog.Events.LogEventLevel.Information,
        };
    }

    /// <summary>
    /// Writes problem details to API callers and a short plain-text message to people. The response is cleared
    /// first (headers too), so a Retry-After must be passed here, not set before.
    /// </summary>
    public static Task WriteAsync(HttpContext context, int status, string title, string detail, IDictionary<string, string[]>? errors = null, int? retryAfterSeconds = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        response.Clear();
        response.StatusCode = status;
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (ApiProblems.IsApiRequest(context.Request))
        {
            var problem = errors is null
                ? new ProblemDetails { Status = status, Title = title, Detail = detail }
                : new HttpValidationProblemDetails(errors) { Status = status, Title = title, Detail = detail };
            return response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json");
        }

        response.ContentType = "text/plain; charset=utf-8";
        var lines = errors is null ? [] : errors.Values.SelectMany(messages => messages).Select(m => "- " + m);
        return response.WriteAsync(string.Join('\n', [title + ".", detail, .. lines, "", "Go back, or start again from the home page: /"]) + "\n");
    }

    /// <summary>
    /// The JSON field a body failed on (a NUL, a text too long, a number that is not one), under the name
    /// the caller sent, so that a script sees which field to fix as it would from the rules after binding.
    /// </summary>
    private static Dictionary<string, string[]>? FieldOf(BadHttpRequestException ex) =>
        ex.InnerException is System.Text.Json.JsonException { Path: { } path } json
            && path.StartsWith("$.", StringComparison.Ordinal) && path.Length > 2
            ? new Dictionary<string, string[]>(StringComparer.Ordinal) { [path[2..].Split('.', '[')[0]] = [FirstLine(json.Message)] }
            : null;

    private static string FirstLine(string message) => message.Split(" Path:", 2)[0].Trim();

    // Binding messages name the parameter and the value's type, never a stack; the 413 of a body too large says so plainly.
    private static string ReadableReason(BadHttpRequestException ex) =>
        ex.StatusCode == (int)HttpStatusCode.RequestEntityTooLarge
            ? "The request body is larger than the portal accepts."
            : ex.Message;

    [LoggerMessage(Level = LogLevel.Information, Message = "The client disconnected during {Method} {Path} ({ExceptionType})")]
    private static partial void LogClientDisconnected(ILogger logger, string method, string path, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path} with {StatusCode}: {Reason}")]
    private static partial void LogUnreadableRequest(ILogger logger, string method, string path, int statusCode, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is unavailable; answered {Method} {Path} with 503 ({ExceptionType}: {Reason})")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string method, string path, string exceptionType, string reason);
}
