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

    private const string Section = "Portal:RateLimits";

    public static IServiceCollection AddPortalRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PortalRateLimit>(SignIn, configuration.GetSection($"{Section}:SignIn"));
        services.Configure<PortalRateLimit>(Token, configuration.GetSection($"{Section}:Token"));
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(SignIn, context => PerClient(context, SignIn));
            options.AddPolicy(Token, context => PerClient(context, Token));
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

    /// <summary>429 with Retry-After; problem details for the API, a short text for everything else.</summary>
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
            // A body, so that the status-code pages do not replace it with the not-found page.
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(detail, cancellationToken);
        }
    }
}
