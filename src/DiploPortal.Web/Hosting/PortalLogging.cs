using System.Globalization;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace DiploPortal.Web.Hosting;

public static class PortalLogging
{
    /// <summary>
    /// Logs start-up until the host's own logger replaces it. A plain logger, not Serilog's
    /// reloadable bootstrap logger: that one can be frozen only once per process, and test runs
    /// start several portal hosts in one process at the same time.
    /// </summary>
    public static Serilog.Core.Logger CreateBootstrapLogger() =>
        new LoggerConfiguration()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture)
            .CreateLogger();

    /// <summary>
    /// Readable console in Development, compact JSON elsewhere, and a rolling file; levels and
    /// overrides come from the <c>Serilog</c> configuration section.
    /// </summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        var isDevelopment = builder.Environment.IsDevelopment();
        var logDirectory = builder.Configuration["Portal:LogDirectory"] ?? Path.Combine(builder.Environment.ContentRootPath, "logs");
        builder.Services.AddSerilog((services, configuration) =>
        {
            configuration
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.With<LoggedPathEnricher>()
                .Enrich.WithProperty("Application", "DiploPortal");
            if (isDevelopment)
            {
                configuration.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}", formatProvider: CultureInfo.InvariantCulture);
            }
            else
            {
                configuration.WriteTo.Console(new RenderedCompactJsonFormatter());
            }

            configuration.WriteTo.File(
                new CompactJsonFormatter(),
                Path.Combine(logDirectory, "diploportal-.json"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14,
                fileSizeLimitBytes: 100 * 1024 * 1024,
                rollOnFileSizeLimit: true);
        });
        return builder;
    }
}
