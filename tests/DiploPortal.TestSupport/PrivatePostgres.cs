using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace DiploPortal.TestSupport;

/// <summary>
/// A PostgreSQL server of its own for a test that must stop or kill it (database fault tests): the
/// shared server of <see cref="TestPostgres"/> serves every other test running in parallel and must
/// never go down. Binaries from <see cref="BinVariable"/> (test.sh exports it), else the newest
/// /usr/lib/postgresql/*/bin. Run as the 'postgres' user when the tests run as root, as test.sh does.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    public const string BinVariable = "DIPLOPORTAL_PG_BIN";

    private readonly string _bin;
    private readonly string _root;
    private readonly bool _asPostgresUser = Environment.UserName == "root";

    private PrivatePostgres(string bin, string root, int port)
    {
        _bin = bin;
        _root = root;
        Port = port;
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(_root, "data");

    /// <summary>A connection string to <paramref name="database"/> on this server, as <paramref name="user"/> (default: the superuser).</summary>
    public string ConnectionStringFor(string database, string user = "postgres") =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = user, Database = database, Timeout = 3 }.ConnectionString;

    /// <summary>
    /// An empty database owned by the owner role, and the portal's role, as run.sh and the shared test server
    /// set them up (<see cref="TestPostgres.OwnerRole"/>, <see cref="TestPostgres.PortalRole"/>): the portal
    /// refuses to run as a superuser, and its setup migrates as the owner and grants the portal's role its rows.
    /// </summary>
    public async Task CreatePortalDatabaseAsync(string database)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionStringFor("postgres")) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        // One statement per command: CREATE DATABASE refuses to run in a batch.
        foreach (var sql in new[]
        {
            $"CREATE ROLE {TestPostgres.OwnerRole} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE",
            $"CREATE ROLE {TestPostgres.PortalRole} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE",
            $"CREATE DATABASE \"{database}\" OWNER {TestPostgres.OwnerRole}",
        })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Initialises and starts a small cluster on a free port.</summary>
    public static async Task<PrivatePostgres> StartAsync()
    {
        var bin = FindBin();
        var root = Path.Combine("/tmp", $"dp-private-pg-{Guid.NewGuid():N}"[..28]);
        Directory.CreateDirectory(root);
        var server = new PrivatePostgres(bin, root, FreePort());
        if (server._asPostgresUser)
        {
            await RunAsync("chown", "postgres:", root);
        }

        await server.RunAsPostgresAsync("initdb", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync", "-D", server.DataDirectory);
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the server after a stop or a kill (crash recovery runs first, as after a power cut).</summary>
    public async Task StartAgainAsync() =>
        await RunAsPostgresAsync("pg_ctl", "-w", "-t", "60", "-D", DataDirectory, "-l", Path.Combine(_root, "postgres.log"), "start",
            "-o", $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c max_connections=100 -c shared_buffers=16MB");

    /// <summary>kill -9 of the postmaster: no shutdown, no checkpoint; its backends end when they notice.</summary>
    public async Task KillAsync()
    {
        var pid = (await File.ReadAllLinesAsync(Path.Combine(DataDirectory, "postmaster.pid")))[0].Trim();
        await RunAsync("kill", "-9", pid);
        for (var i = 0; i < 100 && IsListening(Port); i++)
        {
            await Task.Delay(100);
        }
    }

    /// <summary>Starts the server after a kill, retrying while the killed server's backends still hold its shared memory.</summary>
    public async Task RestartAfterKillAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartAgainAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < 20)
            {
                await Task.Delay(500);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsPostgresAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already down (killed by the test).
        }

        Directory.Delete(_root, recursive: true);
    }

    private Task RunAsPostgresAsync(string tool, params string[] arguments)
    {
        var path = Path.Combine(_bin, tool);
        return _asPostgresUser ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments]) : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    private static string FindBin()
    {
        if (Environment.GetEnvironmentVariable(BinVariable) is { Length: > 0 } bin)
        {
            return bin;
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var major) ? major : 0)
                .FirstOrDefault() ?? throw new InvalidOperationException($"No PostgreSQL server binaries: set {BinVariable}.")
            : throw new InvalidOperationException($"No PostgreSQL server binaries: set {BinVariable}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
