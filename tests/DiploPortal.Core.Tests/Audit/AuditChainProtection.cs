using DiploPortal.Core.Audit;
using DiploPortal.Core.ReferenceData;
using DiploPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DiploPortal.Core.Tests.Audit;

/// <summary>The database refuses changes to the trail, and the hash chain exposes what gets past it.</summary>
public class AuditChainProtection : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestPostgres.CreateWithReferenceDataAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData("UPDATE audit_entries SET actor = 'mallory' WHERE id = (SELECT max(id) FROM audit_entries)")]
    [InlineData("DELETE FROM audit_entries WHERE id = (SELECT max(id) FROM audit_entries)")]
    [InlineData("TRUNCATE audit_entries")]
    public async Task RefusesToChangeOrRemoveAnEntry(string sql)
    {
        await RecordEventsAsync(1);

        var error = await Assert.ThrowsAsync<PostgresException>(() => _database.ExecuteAsync(sql));

        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
        Assert.True((await VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task TheReferenceDataLoadLeavesAnIntactChain()
    {
        await new ReferenceDataLoader(_database.Factory, NullLogger<ReferenceDataLoader>.Instance).LoadAsync();

        var result = await VerifyAsync();

        Assert.True(result.IsIntact, $"Broken at {result.FirstBrokenId}: {result.Problem}");
        Assert.Equal(await _database.ScalarAsync<long>("SELECT count(*) FROM audit_entries"), result.EntriesChecked);
        Assert.True(result.EntriesChecked > 300, "Every nation, alliance and membership of the reference data is recorded.");
    }

    [Fact]
    public async Task FindsAnEntryAlteredBehindTheDatabasesBack()
    {
        var ids = await RecordEventsAsync(3);

        await BehindTheDatabasesBackAsync($"UPDATE audit_entries SET after = '{{\"Attempt\": 99}}' WHERE id = {ids[1]}");

        var result = await VerifyAsync();
        Assert.Equal(ids[1], result.FirstBrokenId);
        Assert.Equal(AuditChainProblem.ContentAltered, result.Problem);
    }

    [Fact]
    public async Task FindsADeletedEntryInTheMiddle()
    {
        var ids = await RecordEventsAsync(3);

        await BehindTheDatabasesBackAsync($"DELETE FROM audit_entries WHERE id = {ids[1]}");

        var result = await VerifyAsync();
        Assert.Equal(ids[2], result.FirstBrokenId);
        Assert.Equal(AuditChainProblem.EntryMissing, result.Problem);
    }

    [Fact]
    public async Task KeepsOneChainUnderConcurrentWriters()
    {
        async Task EditAsync(string code)
        {
            for (var i = 0; i < 20; i++)
            {
                await using var db = _database.CreateContext();
                var nation = await db.Nations.SingleAsync(n => n.Code == code);
                nation.Capital = $"Capital {i}";
                await db.SaveChangesAsync();
            }
        }

        var before = await _database.ScalarAsync<long>("SELECT count(*) FROM audit_entries");
        await Task.WhenAll(Task.Run(() => EditAsync("FRA")), Task.Run(() => EditAsync("DEU")), Task.Run(() => RecordEventsAsync(20)));

        var result = await VerifyAsync();
        Assert.True(result.IsIntact, $"Broken at {result.FirstBrokenId}: {result.Problem}");
        Assert.Equal(before + 60, result.EntriesChecked);
    }

    [Fact]
    public async Task RefusesToSaveAnAuditEntryThroughTheContext()
    {
        await using var db = _database.CreateContext();
        db.AuditEntries.Add(new AuditEntry { Actor = "mallory", Action = AuditAction.Created, PreviousHash = new string('0', 64), Hash = new string('0', 64) });

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
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

    private Task<AuditChainResult> VerifyAsync() => new AuditChainVerifier(_database.Factory).VerifyAsync();

    /// <summary>What a superuser can do: switch the triggers off, change the row, switch them on.</summary>
    private Task<int> BehindTheDatabasesBackAsync(string sql) => _database.ExecuteAsync($"""
        BEGIN;
        ALTER TABLE audit_entries DISABLE TRIGGER USER;
        {sql};
        ALTER TABLE audit_entries ENABLE TRIGGER USER;
        COMMIT;
        """);
}
