using System.Globalization;
using System.Text.Json;
using DiploPortal.TestSupport;

namespace DiploPortal.Web.Tests.Lists;

/// <summary>
/// The 5,000-engagement demo data set, generated at start-up as ./run.sh does, with the demo accounts,
/// and the portal's log (compact JSON) readable by the tests.
/// </summary>
public sealed class DemoDataPortal : PortalWebFactory
{
    public const int Engagements = 5_000;

    private readonly string _logs = Directory.CreateTempSubdirectory("diploportal-demo-logs-").FullName;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Portal:Setup:DemoAccounts"] = "true",
        ["Portal:Setup:DemoData"] = "true",
        ["Portal:Setup:DemoEngagements"] = Engagements.ToString(CultureInfo.InvariantCulture),
        ["Portal:RateLimits:SignIn:PermitLimit"] = "1000",
        ["Portal:RateLimits:Token:PermitLimit"] = "1000",
        ["Portal:LogDirectory"] = _logs,
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

    /// <summary>Every event logged so far.</summary>
    public IReadOnlyList<JsonElement> LogEvents()
    {
        var events = new List<JsonElement>();
        foreach (var file in Directory.GetFiles(_logs, "*.json"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                events.Add(JsonDocument.Parse(line).RootElement.Clone());
            }
        }

        return events;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_logs))
        {
            Directory.Delete(_logs, recursive: true);
        }
    }
}
