namespace DiploPortal.Web.Hosting;

/// <summary>How the API says "not signed in" and "not allowed": JSON problem details, never a redirect.</summary>
public static class ApiProblems
{
    public static bool IsApiRequest(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi");
    }

    public static Task WriteUnauthorizedAsync(HttpResponse response, string detail) =>
        WriteAsync(response, StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    public static Task WriteForbiddenAsync(HttpResponse response) =>
        WriteAsync(response, StatusCodes.Status403Forbidden, "Forbidden", "Your account's role does not give access to this endpoint.");

    private static Task WriteAsync(HttpResponse response, int status, string title, string detail)
    {
        response.StatusCode = status;
        return response.WriteAsJsonAsync(
            new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail },
            options: null,
            contentType: "application/problem+json");
    }
}
