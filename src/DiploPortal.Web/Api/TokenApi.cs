using System.Text.Json.Serialization;
using DiploPortal.Core.Audit;
using DiploPortal.Web.Accounts;
using DiploPortal.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiploPortal.Web.Api;

/// <summary>What a script sends to obtain a short-lived token.</summary>
public sealed record TokenRequest(
    [property: JsonConverter(typeof(SignInStrings))] string? UserName,
    [property: JsonConverter(typeof(SignInStrings))] string? Password);

/// <summary>A short-lived token and when it stops working.</summary>
public sealed record TokenResponse(string Token, DateTime ExpiresAt);

/// <summary><c>POST /api/auth/token</c>: a user name and password in, a bearer token for an hour out.</summary>
public static class TokenApi
{
    public static RouteGroupBuilder MapTokenApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueAsync)
            .AllowAnonymous()
            .RequireRateLimiting(PortalRateLimiting.Token)
            .WithName("IssueToken")
            .WithSummary("A bearer token valid for one hour, for a user name and password. Rate-limited; a client that fails repeatedly must pause (429 with Retry-After); accounts are never locked by failures.")
            .WithTags("Authentication")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> IssueAsync(
        TokenRequest? request, PasswordCheck passwords, AccessTokens tokens, AuditTrail audit, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request?.UserName))
        {
            errors["userName"] = ["Send the account's user name."];
        }

        if (string.IsNullOrEmpty(request?.Password))
        {
            errors["password"] = ["Send the account's password."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The request needs a JSON body {\"userName\": ..., \"password\": ...}.");
        }

        if (!SignInLimits.Accepts(request!.UserName, request.Password))
        {
            await SignInLimits.RecordRefusalAsync(audit, request.UserName, channel: "api", cancellationToken);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: PasswordCheck.Refusal);
        }

        var result = await passwords.CheckAsync(request.UserName!, request.Password!, channel: "api", PasswordCheck.ClientOf(context));
        if (result.RetryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: PasswordCheck.ThrottledMessage(wait));
        }

        if (result.User is not { } user)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: PasswordCheck.Refusal);
        }

        var token = await tokens.CreateSessionAsync(user, cancellationToken);
        return TypedResults.Ok(new TokenResponse(token.Token, token.ExpiresAt));
    }
}
