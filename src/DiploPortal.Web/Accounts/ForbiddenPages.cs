using DiploPortal.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Components.Endpoints;

namespace DiploPortal.Web.Accounts;

/// <summary>
/// A signed-in person who opens a page their role does not allow gets that page's address answered
/// with 403 and the portal's "no access" message in the normal layout (their name in the header),
/// rendered by Routes.razor's AuthorizeRouteView, which checks the same [Authorize] policy again
/// and so never renders the page itself. Without this, the cookie handler's "access denied"
/// redirect showed the sign-in form, as if the person were signed out. Everything else (the API's
/// problem details, the sign-in redirect of a signed-out person) keeps the default handling.
/// </summary>
public sealed class ForbiddenPages : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden && IsPage(context))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return next(context);
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }

    private static bool IsPage(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && !ApiProblems.IsApiRequest(context.Request)
        && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
}
