using System.Globalization;
using DiploPortal.Core.Audit;
using DiploPortal.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiploPortal.Web.Api;

/// <summary>A page of audit entries, newest first; pass <c>next</c> as <c>before</c> for the older page (null: none).</summary>
public sealed record AuditPageDto(IReadOnlyList<AuditListItem> Items, long? Next);

/// <summary>
/// The audit trail for administrators' scripts, under the page's rules: entries about records the caller
/// may not see carry who, when, what action and which kind of record, never a key or values.
/// </summary>
public static class AuditApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Longer than any user name or key the portal writes; longer text is refused before the database.</summary>
    public const int MaxTextLength = 256;

    private static readonly string[] Known = ["entityType", "entityId", "actor", "action", "from", "to", "before", "pageSize"];

    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/admin/audit", ListAsync)
            .RequireAuthorization(PortalPolicies.Administer)
            .WithName("ListAuditEntries")
            .WithSummary("Audit entries, newest first, filtered (entityType, entityId, actor, action, from, to as yyyy-MM-dd UTC days) and paged by id (before, pageSize ≤ 200). Administrators only; entries about records the caller may not see are redacted.")
            .WithTags("Administration")
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<Results<Ok<AuditPageDto>, ValidationProblem>> ListAsync(HttpContext context, AuditQueries queries, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, values) in query)
        {
            if (!Known.Contains(name, StringComparer.Ordinal))
            {
                continue;
            }

            if (values.Count > 1)
            {
                problems[name] = ["Give this parameter once."];
            }
            else if (values.ToString() is { } value && (value.Length > MaxTextLength || value.Contains('\0', StringComparison.Ordinal)))
            {
                problems[name] = [$"At most {MaxTextLength} characters, without NUL bytes."];
            }
        }

        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        string? Text(string name) => query.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString().Trim() : null;

        var entityType = Text("entityType");
        if (entityType is not null && !queries.EntityTypes().Contains(entityType, StringComparer.Ordinal))
        {
            problems["entityType"] = ["Name a record type, such as Engagement or Nation."];
        }

        AuditAction? action = null;
        if (Text("action") is { } actionText)
        {
            if (Enum.TryParse<AuditAction>(actionText, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !actionText.Any(char.IsDigit))
            {
                action = parsed;
            }
            else
            {
                problems["action"] = [$"One of {string.Join(", ", Enum.GetNames<AuditAction>())}."];
            }
        }

        var from = Day(Text("from"), "from", problems);
        var to = Day(Text("to"), "to", problems);
        // A reversed range is ignored by the query (DayRange), as on every list, export and API list.

        long? before = null;
        if (Text("before") is { } beforeText)
        {
            if (long.TryParse(beforeText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                before = id;
            }
            else
            {
                problems["before"] = ["Pass back a 'next' value exactly as a page gave it."];
            }
        }

        var pageSize = DefaultPageSize;
        if (Text("pageSize") is { } sizeText
            && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            problems["pageSize"] = [$"Ask for 1 to {MaxPageSize} entries a page."];
        }

        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        var filter = new AuditFilter(Text("actor"), action, entityType, from, to, Text("entityId"));
        var page = await queries.PageAsync(filter, before, pageSize, cancellationToken);
        // The keyset continues after the last entry looked at, even when it was left out for its reader.
        var next = page.HasOlder ? page.LastId : null;
        return TypedResults.Ok(new AuditPageDto(page.Entries, next));
    }

    private static DateOnly? Day(string? text, string name, Dictionary<string, string[]> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        problems[name] = ["A day as yyyy-MM-dd."];
        return null;
    }
}
