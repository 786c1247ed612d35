using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace DiploPortal.Web.Hosting;

/// <summary>
/// Bounds on what a request may carry, and the middleware that answers bad input and faults as what
/// they are (<see cref="RequestFaults"/>, <see cref="InputGuard"/>).
/// </summary>
public static class PortalInputLimitsExtensions
{
    /// <summary>The largest request body: API bodies are a few kilobytes; uploads go through the Blazor circuit, in chunks.</summary>
    public const long MaxRequestBodySize = 1024 * 1024;

    public static IServiceCollection AddPortalInputLimits(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = MaxRequestBodySize);
        services.Configure<FormOptions>(options =>
        {
            options.ValueCountLimit = 64;
            options.KeyLengthLimit = 256;
            options.ValueLengthLimit = (int)MaxRequestBodySize;
            options.MultipartBodyLengthLimit = MaxRequestBodySize;
        });
        // Binding failures (pageSize=abc, malformed JSON) are thrown in every environment, so that
        // RequestFaults answers them alike: problem details to API callers, a warning in the log.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new BoundedStrings());
            options.SerializerOptions.MaxDepth = 32;
        });
        return services;
    }

    /// <summary>Inside the request log (which then logs the answer, not an exception), before authentication and any endpoint.</summary>
    public static WebApplication UsePortalInputLimits(this WebApplication app)
    {
        app.UseMiddleware<RequestFaults>();
        app.UseMiddleware<InputGuard>();
        return app;
    }
}
