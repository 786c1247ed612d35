using System.Net;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;

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

    public const string KnownProxiesSetting = "Portal:ForwardedHeaders:KnownProxies";

    public static IServiceCollection AddPortalSecurity(this IServiceCollection services, IWebHostEnvironment environment)
    {
        // A year, as the HTTP Observatory and the preload list expect (the default is 30 days). Not for
        // subdomains: the portal cannot know what else runs under its parent domain.
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>(ConfigureProxies);
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
        // Behind a TLS-terminating proxy the request arrives over http from the proxy: only the proxies
        // named here may say that the client used https (HSTS, no redirect) and who the client is (rate limits).
        if (KnownProxies(app.Configuration).Length > 0)
        {
            app.UseForwardedHeaders();
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseCookiePolicy();
        return app;
    }

    /// <summary>
    /// Only the configured addresses are trusted (ASP.NET Core would trust any loopback address by
    /// default), one forwarding step, and X-Forwarded-For and -Proto only: the Host header stays the client's.
    /// </summary>
    private static void ConfigureProxies(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in KnownProxies(configuration))
        {
            if (System.Net.IPNetwork.TryParse(proxy, out var network))
            {
                options.KnownIPNetworks.Add(network);
            }
            else if (IPAddress.TryParse(proxy, out var address))
            {
                options.KnownProxies.Add(address);
            }
            else
            {
                throw new StartupConfigurationException(
                    $"{KnownProxiesSetting} holds '{proxy}', which is neither an IP address nor a network",
                    "give the proxy's address (e.g. 172.18.0.5) or network (e.g. 172.18.0.0/16)");
            }
        }
    }

    // Compose passes an empty entry when no proxy is set.
    private static string[] KnownProxies(IConfiguration configuration) =>
        [.. (configuration.GetSection(KnownProxiesSetting).Get<string[]>() ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim())];

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
