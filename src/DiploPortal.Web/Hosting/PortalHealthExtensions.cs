using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DiploPortal.Web.Hosting;

public static class PortalHealthExtensions
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddPortalHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy())
            .AddNpgSql(sp => sp.GetRequiredService<IConfiguration>().GetConnectionString("Portal")!, name: "database", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(3));
        return services;
    }

    /// <summary>Liveness says the process answers; readiness also checks the database.</summary>
    public static WebApplication MapPortalHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = check => !check.Tags.Contains(ReadyTag) })
            .DisableHttpMetrics()
            .AllowAnonymous();
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { ResponseWriter = WriteJson })
            .DisableHttpMetrics()
            .AllowAnonymous();
        return app;
    }

    private static Task WriteJson(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), durationMs = e.Value.Duration.TotalMilliseconds }),
        });
}
