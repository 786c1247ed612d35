using Microsoft.AspNetCore.CookiePolicy;

namespace DiploPortal.Web.Hosting;

/// <summary>
/// Browser-side hardening: security headers on every response, secure cookie flags, and HTTPS
/// (redirection and HSTS) outside Development.
/// </summary>
public static class PortalSecurityHeaders
{
    /// <summary>
    /// Scripts only from the portal's own files: no inline script, no eval (Blazor Server needs
    /// neither; 'wasm-unsafe-eval' would be needed only for WebAssembly). Inline styles are allowed
    /// because MudBlazor writes style attributes. The circuit's WebSocket is same-origin, which
    /// connect-src 'self' covers.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    public static IServiceCollection AddPortalSecurity(this IServiceCollection services, IWebHostEnvironment environment)
    {
        // Development runs over plain http on localhost; everywhere else cookies travel over HTTPS only.
        var secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.AddAntiforgery(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = secure;
        });
        // A floor for every other cookie (sign-in comes with accounts): no script access, no cross-site posts.
        services.Configure<CookiePolicyOptions>(options =>
        {
            options.MinimumSameSitePolicy = SameSiteMode.Lax;
            options.HttpOnly = HttpOnlyPolicy.Always;
            options.Secure = secure;
        });
        return services;
    }

    /// <summary>
    /// Registered first, so that every response carries the headers: pages, API, static files,
    /// health, 404s and the error page. They are written when the response starts, so a handler
    /// that clears the response (the exception handler does) cannot drop them.
    /// </summary>
    public static WebApplication UsePortalSecurity(this WebApplication app)
    {
        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(static state => AddHeaders((HttpResponse)state), context.Response);
            return next(context);
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseCookiePolicy();
        return app;
    }

    private static Task AddHeaders(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return Task.CompletedTask;
    }
}
