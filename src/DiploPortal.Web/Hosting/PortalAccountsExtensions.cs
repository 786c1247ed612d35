using System.Globalization;
using System.Security.Claims;
using DiploPortal.Core.Data;
using DiploPortal.Core.Security;
using DiploPortal.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DiploPortal.Web.Hosting;

public static class PortalAccountsExtensions
{
    public const string SignInPath = "/account/sign-in";

    /// <summary>ASP.NET Core Identity on the portal's database: cookie sign-in, lockout, password policy.</summary>
    public static IServiceCollection AddPortalAccounts(this IServiceCollection services, IWebHostEnvironment environment)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, AccountRevalidation>();
        services.AddAuthentication(AccessTokenAuthentication.CookieOrBearer)
            .AddPolicyScheme(AccessTokenAuthentication.CookieOrBearer, "Sign-in cookie, or a bearer token on the API", scheme =>
                scheme.ForwardDefaultSelector = AccessTokenAuthentication.SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthentication>(AccessTokenAuthentication.SchemeName, configureOptions: null)
            .AddIdentityCookies();
        services.AddAuthorization(PortalPolicies.Add);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ForbiddenPages>();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = SignInPath;
            cookie.Cookie.Name = "DiploPortal.Auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            cookie.SlidingExpiration = true;
            // The cookie names a server-side session that every request checks (signing out ends it).
            SessionCookieEvents.Apply(cookie);
            // Scripts calling the API get 401 or 403 as problem details, not a redirect to a sign-in page.
            cookie.Events.OnRedirectToLogin = context => ApiProblems.IsApiRequest(context.Request)
                ? ApiProblems.WriteUnauthorizedAsync(context.Response, "Sign in first: send a token as 'Authorization: Bearer ...' (POST /api/auth/token, or a personal token from your profile page).")
                : Redirect(context);
            // A signed-in person who may not do something is told so (ForbiddenPages, for pages), never
            // sent to the sign-in form as if signed out.
            cookie.Events.OnRedirectToAccessDenied = context => ApiProblems.IsApiRequest(context.Request)
                ? ApiProblems.WriteForbiddenAsync(context.Response)
                : Forbidden(context);
        });

        services.AddIdentityCore<PortalUser>(options =>
            {
                // Length over composition rules (NIST SP 800-63B); SignInThrottle slows guessing further.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 5;
                // Only administrators lock accounts (until unlocked); failed sign-ins never do, because a
                // stranger could then lock anyone out (PasswordCheck never counts failures on the account).
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<PortalUserClaimsFactory>()
            .AddDefaultTokenProviders();
        services.AddOptions<SessionSettings>().BindConfiguration(SessionSettings.Section);
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SessionSettings>>((cookie, sessions) => cookie.ExpireTimeSpan = sessions.Value.Lifetime);
        // Role, clearance and nationality live in the cookie: a cookie whose account's security stamp was
        // renewed (a permission change, a lock, a password reset) stops working within this interval.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<SessionSettings>>((options, sessions) =>
        {
            options.ValidationInterval = sessions.Value.RevalidationInterval;
            options.OnRefreshingPrincipal = SessionCookieEvents.KeepSessionClaim;
        });
        services.AddOptions<SignInThrottleSettings>().BindConfiguration(SignInThrottleSettings.Section);
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<SignInSessions>();
        // OWASP's current figure for PBKDF2-HMAC-SHA512; about 100 ms a sign-in on 2 cores, hence the rate limit.
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = 210_000);

        // Identity's stores take a context from DI: a scoped one bound to the scope's user, like every other.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());

        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddOptions<ReleasabilityOptions>().BindConfiguration(ReleasabilityOptions.Section);
        services.AddScoped<PortalUserState>();
        services.AddScoped<ICurrentUserAccessor>(sp => sp.GetRequiredService<PortalUserState>());
        services.AddScoped<CircuitHandler, UserCircuitHandler>();
        services.AddScoped<DemoAccounts>();
        services.AddScoped<FirstAdministrator>();
        services.AddScoped<PasswordCheck>();
        services.AddScoped<AccessTokens>();
        services.AddScoped<AccountAdministration>();
        return services;
    }

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static Task Forbidden(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    /// <summary>Signing out is a POST with an antiforgery token, so another site cannot sign a user out.</summary>
    public static WebApplication MapPortalAccounts(this WebApplication app)
    {
        app.MapPost("/account/sign-out", async (SignInManager<PortalUser> signIn, SignInSessions sessions, HttpContext context, [FromForm] string? returnUrl) =>
        {
            // Ending the session (audited as the sign-out) is what makes a copy of the cookie, or another
            // tab's circuit, stop working; deleting this browser's cookie alone would not.
            var name = context.User.Identity?.Name;
            if (name is not null && SignInSessions.IdOf(context.User) is { } session
                && int.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var userId))
            {
                await sessions.EndAsync(session, userId, actor: name, reason: "signed out", context.RequestAborted);
            }

            await signIn.SignOutAsync();

            return TypedResults.LocalRedirect(SignInPath);
        }).ExcludeFromDescription().RequireAuthorization(PortalPolicies.ReadRecords);
        return app;
    }
}
