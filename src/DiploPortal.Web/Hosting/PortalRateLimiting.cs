using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DiploPortal.Web.Hosting;

/// <summary>One fixed-window limit, per client address, read from <c>Portal:RateLimits:{Name}</c>.</summary>
public sealed class PortalRateLimit
{
    public int PermitLimit { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Named rate-limit policies for the endpoints that guess-and-retry attacks aim at. An endpoint
/// opts in with <c>.RequireRateLimiting(PortalRateLimiting.SignIn)</c>; nothing is limited by default.
/// </summary>
public static class PortalRateLimiting
{
    public const string SignIn = "sign-in";
    public const string Token = "token";

    /// <summary>Calendar feeds (<c>/feeds/{token}.ics</c>): anonymous, so limited per client like the token endpoint.</summary>
    public const string Feed = "feed";

    private const string Section = "Portal:RateLimits";

    public static IServiceCollection AddPortalRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PortalRateLimit>(SignIn, configuration.GetSection($"{Section}:SignIn"));
        services.Configure<PortalRateLimit>(Token, configuration.GetSection($"{Section}:Token"));
        services.Configure<PortalRateLimit>(Feed, configuration.GetSection($"{Section}:Feed"));
        services.AddRateLimiter(options =>
        {
            // Only attempts count: showing the sign-in page, and every redirect to it, must never be refused.
            options.AddPolicy(SignIn, context => HttpMethods.IsPost(context.Request.Method)
                ? PerClient(context, SignIn)
                : RateLimitPartition.GetNoLimiter("page"));
            options.AddPolicy(Token, context => PerClient(context, Token));
            options.AddPolicy(Feed, context => PerClient(context, Feed));
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>
    /// Partitions by the connection's address. Behind a reverse proxy that is the proxy's address
    /// unless forwarded headers are applied first.
    /// </summary>
    private static RateLimitPartition<string> PerClient(HttpContext context, string policy)
    {
        var limit = context.RequestServices.GetRequiredService<IOptionsMonitor<PortalRateLimit>>().Get(policy);
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
        });
    }

    /// <summary>429 with Retry-After; problem details for the API, a short page a person can read for everything else.</summary>
    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var detail = $"Too many requests. Try again in {seconds} seconds.";
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await TypedResults.Problem(title: "Too many requests", detail: detail, statusCode: StatusCodes.Status429TooManyRequests)
                .ExecuteAsync(context);
        }
        else
        {
            // A body, so that the status-code pages do not replace it with the not-found page. Static, like
            // the sign-in page it stands in for, in the sign-in page's look; no script, so the CSP holds.
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Page(seconds), cancellationToken);
        }
    }

    private static string Page(int seconds) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1.0" />
        <title>Too many attempts · DiploPortal</title>
        <link rel="stylesheet" href="/app.css" />
        </head>
        <body>
        <div class="account-layout">
        <main id="main-content" class="account-card">
        <p class="account-brand">DiploPortal</p>
        <h1>Too many attempts</h1>
        <p class="account-error" role="alert">Too many sign-in attempts from your address. Try again in {{seconds}} seconds.</p>
        <p><a href="/account/sign-in">Back to the sign-in page</a></p>
        </main>
        </div>
        </body>
        </html>
        """;
}
