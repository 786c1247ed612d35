using System.Text.Json;
using DiploPortal.Core.Audit;
using DiploPortal.Core.Common;
using DiploPortal.Core.Nations;
using DiploPortal.Core.Security;
using DiploPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Tests.Audit;

/// <summary>Every change saved through the context, and every recorded event, writes the right entry.</summary>
public class AuditRecording : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private long _lastBefore;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateWithReferenceDataAsync();
        _lastBefore = await _database.ScalarAsync<long>("SELECT COALESCE(max(id), 0) FROM audit_entries");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task RecordsACreatedEntityWithItsKeyAndAllValues()
    {
        var nation = await CreateNationAsync();

        var entry = Assert.Single(await NewEntriesAsync());
        Assert.Equal(AuditAction.Created, entry.Action);
        Assert.Equal("Nation", entry.EntityType);
        Assert.Equal(nation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityKey);
        Assert.Equal("system", entry.Actor);
        Assert.Null(entry.Before);
        using var after = JsonDocument.Parse(entry.After!);
        Assert.Equal("Testland", after.RootElement.GetProperty("Name").GetString());
        Assert.Equal(nation.Id, after.RootElement.GetProperty("Id").GetInt32());
        Assert.False(after.RootElement.TryGetProperty("Version", out _), "The row version is the database's, not a value a person set.");
    }

    [Fact]
    public async Task RecordsOnlyTheChangedPropertiesOfAnUpdateBeforeAndAfter()
    {
        var nation = await CreateNationAsync();
        await using (var db = _database.CreateContext())
        {
            db.User = new CurrentUser("alice", Classification.Secret, "FRA", []);
            var stored = await db.Nations.SingleAsync(n => n.Id == nation.Id);
            stored.Capital = "New Capital";
            await db.SaveChangesAsync();
        }

        var entry = (await NewEntriesAsync()).Last();
        Assert.Equal(AuditAction.Updated, entry.Action);
        Assert.Equal("alice", entry.Actor);
        Assert.Equal("""{"Capital":"Old Capital"}""", Compact(entry.Before));
        Assert.Equal("""{"Capital":"New Capital"}""", Compact(entry.After));
    }

    [Fact]
    public async Task RecordsADeletedEntityWithItsLastValues()
    {
        var nation = await CreateNationAsync();
        await using (var db = _database.CreateContext())
        {
            db.Nations.Remove(await db.Nations.SingleAsync(n => n.Id == nation.Id));
            await db.SaveChangesAsync();
        }

        var entry = (await NewEntriesAsync()).Last();
        Assert.Equal(AuditAction.Deleted, entry.Action);
        Assert.Equal(nation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityKey);
        Assert.Null(entry.After);
        using var before = JsonDocument.Parse(entry.Before!);
        Assert.Equal("Old Capital", before.RootElement.GetProperty("Capital").GetString());
    }

    [Fact]
    public async Task RecordsChangesSavedSynchronouslyToo()
    {
        await using (var db = _database.CreateContext())
        {
            var france = db.Nations.Single(n => n.Code == "FRA");
            france.SubRegion = "Somewhere else";
            db.SaveChanges();
        }

        var entry = Assert.Single(await NewEntriesAsync());
        Assert.Equal(AuditAction.Updated, entry.Action);
        Assert.Contains("Somewhere else", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WritesNothingWhenASaveFailsAndLeavesTheContextUnchanged()
    {
        await using var db = _database.CreateContext();
        db.Nations.Add(new Nation { Code = "FRA", Iso2 = "XQ", Iso3 = "XQQ", Name = "Duplicate", Region = "Europe" });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Empty(await NewEntriesAsync());
        Assert.Equal(EntityState.Added, db.ChangeTracker.Entries<Nation>().Single().State);
    }

    [Fact]
    public async Task RecordsAnEventWithItsActorAndDetails()
    {
        await new AuditTrail(_database.Factory).RecordAsync("bob", AuditAction.SignInFailed, null, null, new { UserName = "bob", Reason = "Wrong password" });

        var entry = Assert.Single(await NewEntriesAsync());
        Assert.Equal(AuditAction.SignInFailed, entry.Action);
        Assert.Equal("bob", entry.Actor);
        Assert.Null(entry.EntityType);
        Assert.Equal("""{"Reason":"Wrong password","UserName":"bob"}""", Compact(entry.After));
    }

    [Fact]
    public async Task RecordsAnEventInTheTransactionOfTheChangeItDescribes()
    {
        await using (var db = _database.CreateContext())
        {
            db.User = new CurrentUser("alice", Classification.Secret, "FRA", []);
            await using var abandoned = await db.Database.BeginTransactionAsync();
            await AuditTrail.RecordAsync(db, AuditAction.PermissionChanged, "PortalUser", "bob", new { Role = "Staff" }, new { Role = "Planner" });
        }

        Assert.Empty(await NewEntriesAsync());

        await using (var db = _database.CreateContext())
        {
            db.User = new CurrentUser("alice", Classification.Secret, "FRA", []);
            await using var transaction = await db.Database.BeginTransactionAsync();
            await AuditTrail.RecordAsync(db, AuditAction.PermissionChanged, "PortalUser", "bob", new { Role = "Staff" }, new { Role = "Analyst" });
            await transaction.CommitAsync();
        }

        var entry = Assert.Single(await NewEntriesAsync());
        Assert.Equal(AuditAction.PermissionChanged, entry.Action);
        Assert.Equal("alice", entry.Actor);
        Assert.Equal("bob", entry.EntityKey);
        Assert.Equal("""{"Role":"Staff"}""", Compact(entry.Before));
        Assert.Equal("""{"Role":"Analyst"}""", Compact(entry.After));
    }

    [Fact]
    public async Task ShowsEntriesNewestFirstInPagesWithFilters()
    {
        var trail = new AuditTrail(_database.Factory);
        for (var i = 0; i < 5; i++)
        {
            await trail.RecordAsync("carol", AuditAction.SignedIn, null, null, new { Attempt = i });
        }

        var queries = new AuditQueries(_database.Factory, new AuditChainVerifier(_database.Factory));
        var filter = new AuditFilter(Actor: "carol", Action: AuditAction.SignedIn, From: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)));
        var first = await queries.PageAsync(filter, null, 3);
        var second = await queries.PageAsync(filter, first.Entries[^1].Id, 3);

        Assert.True(first.HasOlder);
        Assert.False(second.HasOlder);
        Assert.Equal(["4", "3", "2", "1", "0"], first.Entries.Concat(second.Entries).Select(e => e.Values.Single().After));
        Assert.Empty((await queries.PageAsync(filter with { Action = AuditAction.SignedOut }, null, 3)).Entries);
        Assert.Contains("Nation", queries.EntityTypes());
    }

    private async Task<Nation> CreateNationAsync()
    {
        await using var db = _database.CreateContext();
        var nation = new Nation { Code = "XTL", Iso2 = "XT", Iso3 = "XTL", Name = "Testland", Region = "Europe", Capital = "Old Capital" };
        db.Nations.Add(nation);
        await db.SaveChangesAsync();
        return nation;
    }

    private async Task<List<AuditEntry>> NewEntriesAsync()
    {
        await using var db = _database.CreateContext();
        return await db.AuditEntries.Where(e => e.Id > _lastBefore).OrderBy(e => e.Id).ToListAsync();
    }

    private static string? Compact(string? json) =>
        json is null ? null : JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);
}
