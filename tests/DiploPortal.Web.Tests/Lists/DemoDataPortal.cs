using System.Collections.Concurrent;
using System.Globalization;
using DiploPortal.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DiploPortal.Web.Tests.Lists;

/// <summary>
/// The 5,000-engagement demo data set, generated at start-up as ./run.sh does, with the demo accounts,
/// and what the portal logs, for the tests to read.
/// </summary>
public sealed class DemoDataPortal : PortalWebFactory
{
    public const int Engagements = 5_000;

    private readonly CapturedLogs _captured = new();

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Portal:Setup:DemoAccounts"] = "true",
        ["Portal:Setup:DemoData"] = "true",
        ["Portal:Setup:DemoEngagements"] = Engagements.ToString(CultureInfo.InvariantCulture),
        ["Portal:RateLimits:SignIn:PermitLimit"] = "1000",
        ["Portal:RateLimits:Token:PermitLimit"] = "1000",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // Starts the portal, which generates the demo data; then every record is made releasable to all,
        // so that a Secret account's export holds every row of each table.
        _ = Server;
        foreach (var table in new[] { "engagements", "exercises", "missions", "attaches", "attache_reports" })
        {
            await Database.ExecuteAsync($"UPDATE {table} SET releasable_to_nations = '{{}}', releasable_to_alliances = '{{}}'");
        }
    }

    /// <summary>Every event the portal's own loggers wrote so far: level, category, message, and whether it carried an exception.</summary>
    public IReadOnlyList<LoggedEvent> LogEvents() => [.. _captured.Events];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Serilog's factory writes through the process-wide static logger, which the last host started in
        // this test process owns; this host's events are captured here instead.
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerFactory>(new LoggerFactory([_captured])));
    }

}

/// <summary>One event a portal logger wrote.</summary>
public sealed record LoggedEvent(LogLevel Level, string Category, string Message, bool HasException);

/// <summary>Keeps every event in memory, for tests of what is logged and how.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<LoggedEvent> Events { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                logs.Events.Enqueue(new LoggedEvent(logLevel, category, formatter(state, exception), exception is not null));
            }
        }
    }
}
