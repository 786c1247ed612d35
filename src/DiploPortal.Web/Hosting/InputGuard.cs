using Microsoft.Extensions.Primitives;

namespace DiploPortal.Web.Hosting;

/// <summary>
/// The edge check of every request's text: a NUL character (which PostgreSQL refuses in text, so it
/// could only ever end as a 500) anywhere in the path, the query string, route values or form fields, or
/// a query-string or route value longer than <see cref="MaxQueryValueLength"/>, is answered 400 before
/// any endpoint, query or audit entry sees it. The list readers check the same inside Blazor circuits,
/// whose navigations are not requests (<see cref="Lists.ListAddressReader"/>). JSON bodies are checked
/// by <see cref="BoundedStrings"/>; sizes by Kestrel's limits (<see cref="PortalInputLimitsExtensions"/>).
/// </summary>
public sealed partial class InputGuard(RequestDelegate next, ILogger<InputGuard> logger)
{
    /// <summary>The longest query-string or route value: search words and filters are far shorter, a cursor at most 1,200 characters.</summary>
    public const int MaxQueryValueLength = 2_000;

    public async Task InvokeAsync(HttpContext context)
    {
        if (await RefusalAsync(context) is { } refusal)
        {
            LogRefused(logger, context.Request.Method, LoggedPath.Of(context.Request.Path).Replace("\0", "\\0", StringComparison.Ordinal), refusal.Name);
            await RequestFaults.WriteAsync(context, StatusCodes.Status400BadRequest, "The request could not be read", "A value in the request is not accepted.",
                new Dictionary<string, string[]> { [refusal.Name] = [refusal.Message] });
            return;
        }

        await next(context);
    }

    /// <summary>What is wrong with a value, or null when nothing is (for readers that check inside circuits too).</summary>
    public static string? Problem(string? value, int maxLength = MaxQueryValueLength) =>
        value is null ? null
        : value.Contains('\0', StringComparison.Ordinal) ? "The value holds a NUL character, which no text in the portal may contain."
        : value.Length > maxLength ? $"The value is {value.Length:N0} characters long; at most {maxLength:N0} are accepted."
        : null;

    private static async Task<(string Name, string Message)?> RefusalAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.Value is { } path && path.Contains('\0', StringComparison.Ordinal))
        {
            return ("path", "The address holds a NUL character.");
        }

        foreach (var (name, values) in request.Query)
        {
            if ((Problem(name) ?? FirstProblem(values)) is { } message)
            {
                return (Shown(name), message);
            }
        }

        foreach (var (name, value) in context.GetRouteData().Values)
        {
            if (value is string text && Problem(text) is { } message)
            {
                return (Shown(name), message);
            }
        }

        if (request.HasFormContentType)
        {
            // Only NULs here: lengths of form fields are the form's to judge (the sign-in page answers an
            // over-long user name like a wrong one), within Kestrel's body limit.
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException)
            {
                // The form reader refuses a NUL in a field itself (and too many or too long fields).
                return ("form", "A form field holds a NUL character or more than the portal accepts.");
            }

            foreach (var (name, values) in form)
            {
                if (values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true) || name.Contains('\0', StringComparison.Ordinal))
                {
                    return (Shown(name), "The value holds a NUL character, which no text in the portal may contain.");
                }
            }
        }

        return null;
    }

    private static string? FirstProblem(StringValues values)
    {
        foreach (var value in values)
        {
            if (Problem(value) is { } message)
            {
                return message;
            }
        }

        return null;
    }

    // The parameter's name goes back to the caller and into the log: never its value, and never a long name.
    private static string Shown(string name) => name.Length > 40 || name.Contains('\0', StringComparison.Ordinal) ? "parameter" : name;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path}: the value of {Parameter} holds a NUL or is too long")]
    private static partial void LogRefused(ILogger logger, string method, string path, string parameter);
}
