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
/// milliseconds instead of a migration per test.
/// </summary>
public static class TestPostgres
{
    public const string ServerVariable = "DIPLOPORTAL_TEST_POSTGRES";

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

    internal static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;

    private static async Task<TestDatabase> CreateAsync(string? template)
    {
        var name = $"dp_test_{RunId}_{Guid.NewGuid():N}"[..60];
        await ExecuteOnServerAsync(template is null
            ? $"CREATE DATABASE \"{name}\""
            : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return new TestDatabase(name, ConnectionStringFor(name));
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
            await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\"");
            // No pooling: CREATE DATABASE ... TEMPLATE fails while any session is connected to the template.
            var connectionString = new NpgsqlConnectionStringBuilder(ConnectionStringFor(name)) { Pooling = false }.ConnectionString;
            var factory = new TestDbContextFactory(connectionString);
            await using (var db = factory.CreateDbContext())
            {
                await db.Database.MigrateAsync();
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

    public string ConnectionString { get; } = connectionString;

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
        PortalDatabase.Configure(builder, connectionString);
        return builder.Options;
    }
}
