using DiploPortal.Core.Audit;
using DiploPortal.Core.Data;
using DiploPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace DiploPortal.Core.Tests.Audit;

/// <summary>
/// The chain is keyed (HMAC-SHA256, key from configuration): a database superuser who edits an entry and
/// recomputes plain SHA-256 hashes for every later one is still found out; an old unkeyed chain is re-keyed once.
/// </summary>
public class AuditChainKeying : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestPostgres.CreateWithReferenceDataAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task FindsAnEditBySuperuserWhoRecomputesThePlainHashesAfterIt()
    {
        var ids = await RecordEventsAsync(3);

        await RewriteAsSuperuserAsync(fromId: ids[1], edit: entry => entry.After = "{\"Attempt\":99}");

        var result = await new AuditChainVerifier(_database.Factory).VerifyAsync();
        Assert.False(result.IsIntact);
        Assert.Equal(ids[1], result.FirstBrokenId);
        Assert.Equal(AuditChainProblem.NotKeyed, result.Problem);
    }

    [Fact]
    public async Task AChainIsIntactOnlyUnderTheKeyItWasWrittenWith()
    {
        await RecordEventsAsync(1);
        var otherKey = AuditChainKey.FromSetting(AuditChainKey.NewKeyText(), allowDevelopmentKey: false)!;

        var ours = await new AuditChainVerifier(_database.Factory).VerifyAsync();
        var theirs = await new AuditChainVerifier(FactoryWith(otherKey)).VerifyAsync();

        Assert.True(ours.IsIntact, $"Broken at {ours.FirstBrokenId}: {ours.Problem}");
        Assert.Equal(AuditChainProblem.ContentAltered, theirs.Problem);
    }

    [Fact]
    public async Task AContextWithoutAKeyRefusesToWriteTheTrail()
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        PortalDatabase.Configure(builder, _database.ConnectionString);
        await using var db = new PortalDbContext(builder.Options);
        var nation = await db.Nations.SingleAsync(n => n.Code == "FRA");
        nation.Capital = "Lyon";

        await Assert.ThrowsAsync<AuditChainKeyException>(() => db.SaveChangesAsync());
        Assert.Equal("Paris", await _database.ScalarAsync<string>("SELECT capital FROM nations WHERE code = 'FRA'"));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void RefusesAKeyThatIsNotBase64OfThirtyTwoBytes(string setting) =>
        Assert.Throws<AuditChainKeyException>(() => AuditChainKey.FromSetting(setting, allowDevelopmentKey: true));

    [Fact]
    public void FallsBackToTheDevelopmentKeyOnlyWhereAllowed()
    {
        Assert.Null(AuditChainKey.FromSetting(null, allowDevelopmentKey: false));
        Assert.True(AuditChainKey.FromSetting(" ", allowDevelopmentKey: true)!.IsDevelopmentKey);
    }

    [Fact]
    public async Task RekeysAnIntactUnkeyedChainOnceAndThenItVerifies()
    {
        await RecordEventsAsync(2);
        await RewriteAsSuperuserAsync(fromId: 1, edit: null);
        Assert.Equal(AuditChainProblem.NotKeyed, (await new AuditChainVerifier(_database.Factory).VerifyAsync()).Problem);
        var entries = await _database.ScalarAsync<long>("SELECT count(*) FROM audit_entries");

        var result = await new AuditChainRekeying(_database.Factory).RekeyAsync();

        Assert.Equal(entries, result.Entries);
        var verified = await new AuditChainVerifier(_database.Factory).VerifyAsync();
        Assert.True(verified.IsIntact, $"Broken at {verified.FirstBrokenId}: {verified.Problem}");
        Assert.Equal(result.NewHead, await _database.ScalarAsync<string>("SELECT hash FROM audit_entries ORDER BY id DESC LIMIT 1"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => new AuditChainRekeying(_database.Factory).RekeyAsync());
    }

    [Fact]
    public async Task RefusesToRekeyAnUnkeyedChainThatIsBroken()
    {
        var ids = await RecordEventsAsync(2);
        await RewriteAsSuperuserAsync(fromId: 1, edit: null);
        await _database.ExecuteAsync($"""
            BEGIN;
            ALTER TABLE audit_entries DISABLE TRIGGER USER;
            UPDATE audit_entries SET actor = 'mallory' WHERE id = {ids[0]};
            ALTER TABLE audit_entries ENABLE TRIGGER USER;
            COMMIT;
            """);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new AuditChainRekeying(_database.Factory).RekeyAsync());

        Assert.Contains($"broken at entry {ids[0]}", error.Message, StringComparison.Ordinal);
    }

    private PooledDbContextFactory<PortalDbContext> FactoryWith(AuditChainKey key)
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        PortalDatabase.Configure(builder, _database.ConnectionString, key);
        return new PooledDbContextFactory<PortalDbContext>(builder.Options);
    }

    private async Task<long[]> RecordEventsAsync(int count)
    {
        var trail = new AuditTrail(_database.Factory);
        for (var i = 0; i < count; i++)
        {
            await trail.RecordAsync(AuditAction.SignedIn, null, null, new { Attempt = i });
        }

        await using var db = _database.CreateContext();
        return [.. (await db.AuditEntries.OrderByDescending(e => e.Id).Take(count).Select(e => e.Id).ToListAsync()).Order()];
    }

    /// <summary>
    /// What a superuser without the key can do: switch the triggers off, edit an entry (or not), and give it
    /// and every later entry the plain SHA-256 hash and link the verifier once accepted.
    /// </summary>
    private async Task RewriteAsSuperuserAsync(long fromId, Action<AuditEntry>? edit)
    {
        await using var db = _database.CreateContext();
        var entries = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        var previous = entries.LastOrDefault(e => e.Id < fromId)?.Hash ?? new string('0', 64);
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await new NpgsqlCommand("ALTER TABLE audit_entries DISABLE TRIGGER USER", connection, transaction).ExecuteNonQueryAsync();
        foreach (var entry in entries.Where(e => e.Id >= fromId))
        {
            if (entry.Id == fromId)
            {
                edit?.Invoke(entry);
            }

            entry.PreviousHash = previous;
            entry.Hash = AuditJson.PlainHash(entry);
            previous = entry.Hash;
            await using var update = new NpgsqlCommand("UPDATE audit_entries SET after = @after::jsonb, previous_hash = @previous, hash = @hash WHERE id = @id", connection, transaction);
            update.Parameters.AddWithValue("after", (object?)entry.After ?? DBNull.Value);
            update.Parameters.AddWithValue("previous", entry.PreviousHash);
            update.Parameters.AddWithValue("hash", entry.Hash);
            update.Parameters.AddWithValue("id", entry.Id);
            await update.ExecuteNonQueryAsync();
        }

        await new NpgsqlCommand("ALTER TABLE audit_entries ENABLE TRIGGER USER", connection, transaction).ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
