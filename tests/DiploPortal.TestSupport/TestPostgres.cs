using System.Security.Cryptography;
using DiploPortal.Core.Audit;
using DiploPortal.Core.Data;
using DiploPortal.Core.ReferenceData;
using DiploPortal.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DiploPortal.TestSupport;

/// <summary>
/// The PostgreSQL server that ./test.sh starts (env DIPLOPORTAL_TEST_POSTGRES). Each test gets a fresh
/// database copied from a template that is migrated and holds the reference data, which takes
/// milliseconds instead of a migration per test. As in production, the databases belong to an owner
/// role (which migrated them) and the portal under test connects as a role that owns nothing
/// (<see cref="PortalRole"/>), granted by <see cref="PortalDatabaseRoles"/>.
/// </summary>
public static class TestPostgres
{
    public const string ServerVariable = "DIPLOPORTAL_TEST_POSTGRES";

    /// <summary>Owns the test databases and their objects, runs the migrations (shared by every test process).</summary>
    public const string OwnerRole = "diploportal_test_owner";

    /// <summary>What the portal under test connects as: rows only, the audit trail read and append only.</summary>
    public const string PortalRole = "diploportal_test_portal";

    /// <summary>The audit chain key of every test database (base64); the same in every test process, as the template is shared.</summary>
    public static readonly string ChainKeyText = Convert.ToBase64String(SHA256.HashData("DiploPortal test audit chain key"u8));

    public static AuditChainKey ChainKey { get; } = AuditChainKey.FromSetting(ChainKeyText, allowDevelopmentKey: false)!;

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static readonly string RunId = $"{Environment.ProcessId}_{Guid.NewGuid():N}"[..20];
    private static string? _templateName;

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{ServerVariable} is not set. Run the tests with ./test.sh, which starts a throwaway PostgreSQL server, " +
                $"or set {ServerVariable}=\"Host=127.0.0.1;Port=5432;Username=postgres\" to a server where that role may create databases.");

    /// <summary>An empty database: no tables, for tests of the migrations themselves.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync() => await CreateAsync(template: null);

    /// <summary>A migrated database holding the reference data (nations, alliances, memberships).</summary>
    public static async Task<TestDatabase> CreateWithReferenceDataAsync() => await CreateAsync(await TemplateAsync());

    internal static string ConnectionStringFor(string database, string? user = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database };
        if (user is not null)
        {
            builder.Username = user;
        }

        return builder.ConnectionString;
    }

    private static async Task<TestDatabase> CreateAsync(string? template)
    {
        var name = $"dp_test_{RunId}_{Guid.NewGuid():N}"[..60];
        await ExecuteOnServerAsync(template is null
            ? $"CREATE DATABASE \"{name}\""
            : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\" OWNER {OwnerRole}");
        return new TestDatabase(name, ConnectionStringFor(name));
    }

    /// <summary>Both roles, once per server; several test processes may race to create them.</summary>
    private static async Task EnsureRolesAsync()
    {
        foreach (var role in new[] { OwnerRole, PortalRole })
        {
            await ExecuteOnServerAsync($$"""
                DO $$ BEGIN
                    CREATE ROLE {{role}} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                END $$
                """);
        }
    }

    private static async Task<string> TemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_templateName is not null)
            {
                return _templateName;
            }

            var name = $"dp_template_{RunId}";
            await EnsureRolesAsync();
            await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\" OWNER {OwnerRole}");
            // No pooling: CREATE DATABASE ... TEMPLATE fails while any session is connected to the template.
            var connectionString = new NpgsqlConnectionStringBuilder(ConnectionStringFor(name, OwnerRole)) { Pooling = false }.ConnectionString;
            var factory = new TestDbContextFactory(connectionString);
            await using (var db = factory.CreateDbContext())
            {
                await db.Database.MigrateAsync();
                await db.Database.OpenConnectionAsync();
                await PortalDatabaseRoles.GrantAsync((NpgsqlConnection)db.Database.GetDbConnection(), PortalRole);
            }

            await new ReferenceDataLoader(factory, NullLogger<ReferenceDataLoader>.Instance).LoadAsync();
            _templateName = name;
            return name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    internal static async Task ExecuteOnServerAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A database of its own for one test (or one test class), dropped when disposed.</summary>
public sealed class TestDatabase(string name, string connectionString) : IAsyncDisposable
{
    public string Name { get; } = name;

    /// <summary>As the server's superuser: for tests that reach past every rule (tampering, as an attacker would).</summary>
    public string ConnectionString { get; } = connectionString;

    /// <summary>As the owner role, which migrates (databases copied from the template).</summary>
    public string OwnerConnectionString => new NpgsqlConnectionStringBuilder(ConnectionString) { Username = TestPostgres.OwnerRole }.ConnectionString;

    /// <summary>As the portal's role, which owns nothing (databases copied from the template).</summary>
    public string PortalConnectionString => new NpgsqlConnectionStringBuilder(ConnectionString) { Username = TestPostgres.PortalRole }.ConnectionString;

    public IDbContextFactory<PortalDbContext> Factory { get; } = new TestDbContextFactory(connectionString);

    public PortalDbContext CreateContext() => Factory.CreateDbContext();

    /// <summary>Contexts whose queries and saves are those of <paramref name="user"/>, as in a signed-in request.</summary>
    public IDbContextFactory<PortalDbContext> FactoryFor(CurrentUser user) => new TestDbContextFactory(ConnectionString, user);

    /// <summary>Runs plain SQL, for tests that must reach past EF Core (rules, tampering).</summary>
    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await TestPostgres.ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }
}

/// <summary>Builds contexts the way the portal does (PortalDatabase.Configure) for a test database.</summary>
public sealed class TestDbContextFactory(string connectionString, CurrentUser? user = null) : IDbContextFactory<PortalDbContext>
{
    private readonly DbContextOptions<PortalDbContext> _options = BuildOptions(connectionString);

    public PortalDbContext CreateDbContext() => new(_options) { User = user ?? CurrentUser.System };

    private static DbContextOptions<PortalDbContext> BuildOptions(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        PortalDatabase.Configure(builder, connectionString, TestPostgres.ChainKey);
        return builder.Options;
    }
}
