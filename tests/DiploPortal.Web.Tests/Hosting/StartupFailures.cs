using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DiploPortal.TestSupport;

namespace DiploPortal.Web.Tests.Hosting;

/// <summary>
/// The failures a newcomer meets at start-up end the process with one clear line and a hint,
/// not a stack trace. The real portal runs as its own process, as ./run.sh starts it.
/// </summary>
public class StartupFailures
{
    [Fact]
    public async Task AnUnreachableDatabaseIsOneLineWithAHint()
    {
        var (exitCode, output) = await RunPortalAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Portal"] = "Host=127.0.0.1;Port=1;Username=postgres;Database=nowhere;Timeout=3",
            ["Portal__Setup__ApplyMigrations"] = "true",
        });

        Assert.Equal(1, exitCode);
        AssertOneClearLine(output, "PostgreSQL server cannot be reached", "ConnectionStrings__Portal");
    }

    [Fact]
    public async Task ATakenPortIsOneLineWithAHint()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        // A working database, so that only the port is wrong.
        await using var database = await TestPostgres.CreateWithReferenceDataAsync();

        var (exitCode, output) = await RunPortalAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Portal"] = database.ConnectionString,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        });

        Assert.Equal(1, exitCode);
        AssertOneClearLine(output, "port is already in use", "DIPLOPORTAL_PORT");
    }

    [Fact]
    public async Task AMissingConnectionStringIsOneLineWithAHint()
    {
        var (exitCode, output) = await RunPortalAsync(new Dictionary<string, string>());

        Assert.Equal(1, exitCode);
        AssertOneClearLine(output, "ConnectionStrings:Portal is not set", "./run.sh");
    }

    [Fact]
    public async Task AProductionStartWithoutAnAuditChainKeyIsOneLineWithAHint()
    {
        var (exitCode, output) = await RunPortalAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Portal"] = "Host=127.0.0.1;Port=1;Username=portal;Password=not-used;Database=nowhere;Timeout=3",
            ["Portal__DataProtection__KeyEncryptionKey"] = PortalWebFactory.KeyEncryptionKey,
        });

        Assert.Equal(1, exitCode);
        AssertOneClearLine(output, "Portal:Audit:ChainKey is not set", "Portal__Audit__ChainKey");
    }

    internal static void AssertOneClearLine(string output, string reason, string hint)
    {
        var fatal = output.Split('\n').Where(l => l.Contains("could not start", StringComparison.Ordinal)).ToList();
        Assert.True(fatal.Count == 1, output);
        Assert.Contains(reason, fatal[0], StringComparison.Ordinal);
        Assert.Contains("Hint:", fatal[0], StringComparison.Ordinal);
        Assert.Contains(hint, fatal[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    internal static async Task<(int ExitCode, string Output)> RunPortalAsync(Dictionary<string, string> environment)
    {
        var portal = Path.Combine(AppContext.BaseDirectory, "DiploPortal.Web.dll");
        var start = new ProcessStartInfo("dotnet", [portal])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Portal__LogDirectory"] = Path.Combine(Path.GetTempPath(), "diploportal-startup-tests");
        start.Environment.Remove("ConnectionStrings__Portal");
        start.Environment.Remove("Portal__Audit__ChainKey");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
