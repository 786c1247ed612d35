namespace DiploPortal.Web.Hosting;

/// <summary>
/// A request's path as the log may hold it. A calendar feed's address (<c>/feeds/{token}.ics</c>) is its own
/// credential, so its token never reaches the log: every log line that names a path takes it from here.
/// </summary>
public static class LoggedPath
{
    public const string RedactedFeed = "/feeds/[token].ics";

    public static string Of(PathString path)
    {
        var value = path.Value ?? "";
        return path.StartsWithSegments("/feeds", StringComparison.OrdinalIgnoreCase, out var rest)
            && rest.Value is { Length: > 1 } tail && tail.IndexOf('/', 1) < 0
            && tail.EndsWith(".ics", StringComparison.OrdinalIgnoreCase)
                ? RedactedFeed
                : value;
    }
}

/// <summary>
/// Rewrites the <c>RequestPath</c> that ASP.NET Core's request scope adds to every event logged while a request
/// runs (a warning inside a feed request would otherwise carry the feed's token).
/// </summary>
public sealed class LoggedPathEnricher : Serilog.Core.ILogEventEnricher
{
    public void Enrich(Serilog.Events.LogEvent logEvent, Serilog.Core.ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        if (logEvent.Properties.TryGetValue("RequestPath", out var value)
            && value is Serilog.Events.ScalarValue { Value: string path }
            && path.StartsWith('/')
            && LoggedPath.Of(new PathString(path)) is var logged && logged != path)
        {
            logEvent.AddOrUpdateProperty(new Serilog.Events.LogEventProperty("RequestPath", new Serilog.Events.ScalarValue(logged)));
        }
    }
}
