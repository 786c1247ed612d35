using DiploPortal.Core.Audit;
using DiploPortal.Core.Data;
using DiploPortal.TestSupport;
using Npgsql;

namespace DiploPortal.Core.Tests.Data;

/// <summary>
/// The portal's database role owns nothing: it reads and writes rows, reads and appends to the audit
/// trail, and can neither switch the trail's triggers off, change or empty the trail, nor create or alter
/// anything. The owner role migrated the database and granted it that (PortalDatabaseRoles).
/// </summary>
public class DatabaseRoles : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestPostgres.CreateWithReferenceDataAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData("ALTER TABLE audit_entries DISABLE TRIGGER USER")]
    [InlineData("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_update_or_delete")]
    [InlineData("DROP TRIGGER audit_entries_no_truncate ON audit_entries")]
    [InlineData("UPDATE audit_entries SET actor = 'mallory'")]
    [InlineData("DELETE FROM audit_entries")]
    [InlineData("TRUNCATE audit_entries")]
    [InlineData("CREATE TABLE mallory (id int)")]
    [InlineData("ALTER TABLE engagements ADD COLUMN mallory int")]
    [InlineData("DROP TABLE nations CASCADE")]
    [InlineData("CREATE SCHEMA mallory")]
    [InlineData("CREATE OR REPLACE FUNCTION audit_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$")]
    [InlineData("UPDATE __ef_migrations_history SET product_version = 'x'")]
    public async Task ThePortalsRoleIsRefused(string sql)
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => AsPortalAsync(sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task ThePortalsRoleReadsWritesRowsAndAppendsToTheTrail()
    {
        var factory = new TestDbContextFactory(_database.PortalConnectionString);

        await AsPortalAsync("UPDATE nations SET capital = 'Lyon' WHERE code = 'FRA'");
        await new AuditTrail(factory).RecordAsync(AuditAction.SignedIn, null, null, new { channel = "test" });

        var verified = await new AuditChainVerifier(factory).VerifyAsync();
        Assert.True(verified.IsIntact, $"Broken at {verified.FirstBrokenId}: {verified.Problem}");
        Assert.Equal("Lyon", await _database.ScalarAsync<string>("SELECT capital FROM nations WHERE code = 'FRA'"));
    }

    [Fact]
    public async Task ThePortalsRoleOwnsNothing()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();

        Assert.Null(await PortalDatabaseRoles.ProblemOfAsync(connection, TestPostgres.PortalRole));
        Assert.Equal(0L, await _database.ScalarAsync<long>($"""
            SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = '{TestPostgres.PortalRole}'
            """));
    }

    [Fact]
    public async Task TheGrantStepRefusesARoleThatOwnsTheTrail()
    {
        await using var owner = new NpgsqlConnection(_database.OwnerConnectionString);
        await owner.OpenAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PortalDatabaseRoles.GrantAsync(owner, TestPostgres.OwnerRole));

        Assert.Contains("owns the audit trail", error.Message, StringComparison.Ordinal);
    }

    private async Task AsPortalAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.PortalConnectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // Test statements.
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }
}
