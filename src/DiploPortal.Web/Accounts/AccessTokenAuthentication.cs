using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using DiploPortal.Core.Security;
using DiploPortal.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DiploPortal.Web.Accounts;

/// <summary>
/// <c>Authorization: Bearer dpt_...</c> on API requests: the request acts as the token's owner, with
/// the same claims a sign-in cookie would carry, so the same policies and classification filter apply.
/// The owner is read on every request, so a revoked token, a locked account or a changed clearance
/// takes effect at once.
/// </summary>
public sealed class AccessTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessTokens tokens,
    UserManager<PortalUser> users,
    IUserClaimsPrincipalFactory<PortalUser> claims)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    /// <summary>Picks the scheme of a request: bearer tokens on the API, the sign-in cookie everywhere else.</summary>
    public const string CookieOrBearer = "CookieOrBearer";

    public static string? SelectScheme(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ApiProblems.IsApiRequest(context.Request) && BearerToken(context.Request) is not null ? SchemeName : IdentityConstants.ApplicationScheme;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        var owner = await tokens.FindOwnerAsync(token, Context.RequestAborted);
        if (owner is null)
        {
            return AuthenticateResult.Fail("The token is unknown, expired or revoked.");
        }

        if (await users.IsLockedOutAsync(owner))
        {
            return AuthenticateResult.Fail("The token's account is locked.");
        }

        var principal = await claims.CreateAsync(owner);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return ApiProblems.WriteUnauthorizedAsync(Response, "The token is unknown, expired or revoked, or its account is locked. Make a new one.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => ApiProblems.WriteForbiddenAsync(Response);

    private static string? BearerToken(HttpRequest request) =>
        AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
        && string.Equals(header.Scheme, SchemeName, StringComparison.OrdinalIgnoreCase)
        && !string.IsNullOrWhiteSpace(header.Parameter)
            ? header.Parameter
            : null;
}
