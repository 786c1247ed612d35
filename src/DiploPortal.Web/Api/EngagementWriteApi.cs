using System.Globalization;
using System.Text.Json.Serialization;
using DiploPortal.Core.Common;
using DiploPortal.Core.Engagements;
using DiploPortal.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace DiploPortal.Web.Api;

/// <summary>
/// An engagement as a script writes it: the fields <c>GET /api/engagements/{id}</c> returns, nations by alpha-3
/// code or as <c>GET</c> gives them (<c>participants</c>: the first is the lead; other fields of <c>GET</c> are ignored), alliances by acronym, and the reason when the write lowers
/// the marking or widens releasability.
/// </summary>
public sealed record EngagementWriteDto(
    string? Title,
    EngagementKind? Kind,
    CommunicationChannel? Channel,
    DateOnly? OccurredOn,
    [property: JsonConverter(typeof(NationCodeJson))] string? Host,
    string? Location,
    string? Summary,
    EngagementOutcome? Outcome,
    string? OutcomeNotes,
    Classification? Classification,
    [property: JsonConverter(typeof(NationCodeListJson))] IReadOnlyList<string?>? ReleasableToNations,
    IReadOnlyList<string?>? ReleasableToAlliances,
    [property: JsonConverter(typeof(NationCodeListJson))] IReadOnlyList<string?>? Participants,
    string? DowngradeReason);

/// <summary>
/// <c>POST</c>, <c>PUT</c> and <c>DELETE</c> of engagements, through the editor the pages use
/// (<see cref="EngagementEditor"/>): the same rules, clearance check, downgrade reason and audit entries.
/// The version travels as the <c>ETag</c> of <c>GET</c> and comes back in <c>If-Match</c>.
/// </summary>
public static class EngagementWriteApi
{
    /// <summary>More nations or alliances than the world has is not an engagement.</summary>
    public const int MaxListLength = 300;

    /// <summary>Codes and acronyms are short; a longer one is refused before any lookup.</summary>
    public const int MaxCodeLength = 12;

    // The largest valid body is the summary (8,000 characters) and the other texts; four bytes a character at worst.
    private const long MaxBodyBytes = 64 * 1024;

    private static readonly Dictionary<string, string> JsonNames = new(StringComparer.Ordinal)
    {
        [nameof(EngagementForm.HostNation)] = "host",
        [SaveOutcome.RecordField] = "record",
    };

    public static RouteGroupBuilder MapEngagementWriteApi(this RouteGroupBuilder api)
    {
        // A group without a prefix of its own: its conventions (policy, body size) apply to these three only.
        var writes = api.MapGroup("")
            .RequireAuthorization(PortalPolicies.MaintainRecords)
            .WithTags("Engagements")
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        writes.MapPost("/engagements", CreateAsync)
            .WithName("CreateEngagement")
            .WithSummary("Creates an engagement (staff). Answers 201 with the engagement and its ETag, or 400 with the problems by field.")
            .Accepts<EngagementWriteDto>("application/json")
            .Produces<EngagementDetails>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        writes.MapPut("/engagements/{id:int}", UpdateAsync)
            .WithName("UpdateEngagement")
            .WithSummary("Replaces an engagement (staff). If-Match must carry the ETag it was read at: 428 without it, 412 when someone changed it since, 404 when it does not exist or is not visible. A lower marking or wider releasability needs downgradeReason.")
            .Accepts<EngagementWriteDto>("application/json")
            .Produces<EngagementDetails>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        writes.MapDelete("/engagements/{id:int}", DeleteAsync)
            .WithName("DeleteEngagement")
            .WithSummary("Deletes an engagement (staff) at the version If-Match carries: 204, 428 without If-Match, 412 when stale, 404 when not visible, 409 when assessments still name it.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return api;
    }

    /// <summary>The ETag of a version: a strong entity tag holding the row version.</summary>
    public static string ETagOf(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    private static async Task<IResult> CreateAsync(
        EngagementWriteDto? body, EngagementEditor editor, EngagementQueries queries, HttpResponse response, CancellationToken cancellationToken)
    {
        if (ReadForm(body) is not { } form)
        {
            return Problems(body);
        }

        var outcome = await editor.CreateAsync(form, cancellationToken);
        if (outcome.Status != SaveStatus.Saved)
        {
            return Answer(outcome);
        }

        var saved = (await queries.FindAsync(outcome.Id!.Value, cancellationToken))!;
        response.Headers.ETag = ETagOf(saved.Version);
        return TypedResults.Created($"/api/engagements/{saved.Id}", saved);
    }

    private static async Task<IResult> UpdateAsync(
        int id, EngagementWriteDto? body, HttpRequest request, EngagementEditor editor, EngagementQueries queries, CancellationToken cancellationToken)
    {
        if (Precondition(request) is { } missing)
        {
            return missing;
        }

        if (ReadForm(body) is not { } form)
        {
            return Problems(body);
        }

        form.Version = IfMatch(request)!.Value;
        var outcome = await editor.UpdateAsync(id, form, cancellationToken);
        if (outcome.Status != SaveStatus.Saved)
        {
            return Answer(outcome, request.HttpContext.Response);
        }

        var saved = await queries.FindAsync(id, cancellationToken);
        if (saved is null)
        {
            // Saved, but no longer visible to the caller (releasable now to others only): nothing to show.
            return TypedResults.NoContent();
        }

        request.HttpContext.Response.Headers.ETag = ETagOf(saved.Version);
        return TypedResults.Ok(saved);
    }

    private static async Task<IResult> DeleteAsync(int id, HttpRequest request, EngagementEditor editor, CancellationToken cancellationToken)
    {
        if (Precondition(request) is { } missing)
        {
            return missing;
        }

        var outcome = await editor.DeleteAsync(id, IfMatch(request)!.Value, cancellationToken);
        return outcome.Status == SaveStatus.Saved ? TypedResults.NoContent() : Answer(outcome, request.HttpContext.Response);
    }

    /// <summary>428 without If-Match, 400 when it is not one version's ETag; null when it is.</summary>
    private static IResult? Precondition(HttpRequest request)
    {
        if (request.Headers.IfMatch.Count == 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status428PreconditionRequired,
                title: "Precondition required",
                detail: "Send If-Match with the ETag the engagement was read at (GET /api/engagements/{id}), so that nobody's change is overwritten unseen.");
        }

        return IfMatch(request) is null
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { [HeaderNames.IfMatch] = ["Send one ETag exactly as GET /api/engagements/{id} gave it."] })
            : null;
    }

    private static uint? IfMatch(HttpRequest request)
    {
        if (request.Headers.IfMatch.Count != 1 || !EntityTagHeaderValue.TryParse(request.Headers.IfMatch[0], out var tag) || tag.IsWeak)
        {
            return null;
        }

        var value = tag.Tag.AsSpan().Trim('"');
        return uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
    }

    /// <summary>The body as the editor's form, or null when something is missing or unreadable before any rule runs.</summary>
    private static EngagementForm? ReadForm(EngagementWriteDto? body) =>
        body is null || ShapeProblems(body).Count > 0
            ? null
            : new EngagementForm
            {
                Title = body.Title ?? "",
                Kind = body.Kind!.Value,
                Channel = body.Channel!.Value,
                OccurredOn = body.OccurredOn,
                HostNation = body.Host,
                Location = body.Location,
                Summary = body.Summary ?? "",
                Outcome = body.Outcome ?? EngagementOutcome.Pending,
                OutcomeNotes = body.OutcomeNotes,
                Participants = [.. (body.Participants ?? []).OfType<string>()],
                Classification = body.Classification!.Value,
                ReleasableToNations = [.. (body.ReleasableToNations ?? []).OfType<string>()],
                ReleasableToAlliances = [.. (body.ReleasableToAlliances ?? []).OfType<string>()],
                DowngradeReason = body.DowngradeReason,
            };

    private static ValidationProblem Problems(EngagementWriteDto? body) =>
        body is null
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Send the engagement as a JSON object."] })
            : TypedResults.ValidationProblem(ShapeProblems(body));

    /// <summary>
    /// What the editor cannot be asked about: a missing kind, channel or classification (a marking is never
    /// guessed), lists and codes beyond any real size, NUL characters (PostgreSQL cannot store them).
    /// </summary>
    private static Dictionary<string, string[]> ShapeProblems(EngagementWriteDto body)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body.Kind is null)
        {
            problems["kind"] = ["Send the kind of engagement."];
        }

        if (body.Channel is null)
        {
            problems["channel"] = ["Send the channel."];
        }

        if (body.Classification is null)
        {
            problems["classification"] = ["Send the classification; it is never assumed."];
        }

        foreach (var (name, text) in new[]
        {
            ("title", body.Title), ("host", body.Host), ("location", body.Location), ("summary", body.Summary),
            ("outcomeNotes", body.OutcomeNotes), ("downgradeReason", body.DowngradeReason),
        })
        {
            if (text?.Contains('\0', StringComparison.Ordinal) == true)
            {
                problems[name] = [FormRules.NulMessage];
            }
        }

        if (body.Host?.Length > MaxCodeLength)
        {
            problems["host"] = [$"A nation code has at most {MaxCodeLength} characters."];
        }

        foreach (var (name, codes) in new[] { ("participants", body.Participants), ("releasableToNations", body.ReleasableToNations), ("releasableToAlliances", body.ReleasableToAlliances) })
        {
            if (codes is null)
            {
                continue;
            }

            if (codes.Count > MaxListLength)
            {
                problems[name] = [$"Send at most {MaxListLength} codes."];
            }
            else if (codes.Any(c => c is null || c.Length > MaxCodeLength || c.Contains('\0', StringComparison.Ordinal)))
            {
                problems[name] = [$"Each code is text of at most {MaxCodeLength} characters, without NUL characters."];
            }
        }

        return problems;
    }

    /// <summary>The answer to an outcome that is not a save.</summary>
    private static IResult Answer(SaveOutcome<EngagementForm> outcome, HttpResponse? response = null)
    {
        switch (outcome.Status)
        {
            case SaveStatus.NotFound:
            case SaveStatus.Conflict when outcome.Current is null:
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no such engagement, or you may not see it.");
            case SaveStatus.Conflict:
                response?.Headers.ETag = ETagOf(outcome.Current!.Version);
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status412PreconditionFailed,
                    title: "Precondition failed",
                    detail: "Someone changed this engagement since the version If-Match names. Read it again (its ETag is in this answer), then send your change against it.");
            default:
                if (outcome.Errors.TryGetValue(SaveOutcome.RecordField, out var refusal))
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Refused", detail: string.Join(" ", refusal));
                }

                return TypedResults.ValidationProblem(outcome.Errors.ToDictionary(e => JsonName(e.Key), e => e.Value, StringComparer.Ordinal));
        }
    }

    private static string JsonName(string field) =>
        JsonNames.TryGetValue(field, out var name) ? name : JsonNamingPolicyCamelCase(field);

    private static string JsonNamingPolicyCamelCase(string field) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(field);
}
