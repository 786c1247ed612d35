using DiploPortal.Core.Audit;
using DiploPortal.Core.Common;
using DiploPortal.Core.Engagements;
using DiploPortal.Core.Security;
using DiploPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Tests.Audit;

/// <summary>
/// The trail applies the record visibility rule: entries about a record the reader may not see (and about
/// its participants) show who, when, what action and which kind of record, never a key or values; a
/// deleted record is judged by the marking its deletion kept, and a lowered one by the marking it had.
/// </summary>
public class AuditTrailVisibility : IAsyncLifetime
{
    private const string Title = "Operation Nightjar";

    private static readonly CurrentUser French = new("reader-fra", Classification.Unclassified, "FRA", ["NATO"]);
    private static readonly CurrentUser British = new("reader-gbr", Classification.Secret, "GBR", ["NATO"]);

    private TestDatabase _database = null!;
    private long _lastBefore;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateWithReferenceDataAsync();
        _lastBefore = await _database.ScalarAsync<long>("SELECT max(id) FROM audit_entries");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task WithholdsTheValuesOfARecordAndItsParticipantsFromAReaderWhoMayNotSeeIt()
    {
        var id = await CreateSecretBritishEngagementAsync();

        var entries = await PageAsync(French);

        Assert.Equal(["Engagement", "EngagementParticipant"], entries.Select(e => e.EntityType).Order(StringComparer.Ordinal));
        Assert.All(entries, e =>
        {
            Assert.True(e.Redacted);
            Assert.Null(e.EntityKey);
            Assert.Empty(e.Values);
            Assert.Equal("system", e.Actor);
            Assert.Equal(AuditAction.Created, e.Action);
        });
        var shown = await PageAsync(British);
        Assert.All(shown, e => Assert.False(e.Redacted));
        Assert.Contains(shown, e => e.EntityKey == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.Values.Any(v => v.After == Title));
    }

    [Fact]
    public async Task JudgesADeletedRecordByTheMarkingItsDeletionKept()
    {
        var id = await CreateSecretBritishEngagementAsync();
        await using (var db = _database.CreateContext())
        {
            db.Engagements.Remove(await db.Engagements.Include(e => e.Participants).SingleAsync(e => e.Id == id));
            await db.SaveChangesAsync();
        }

        var french = await PageAsync(French);
        var british = await PageAsync(British);

        Assert.Equal(4, french.Count);
        Assert.All(french, e => Assert.True(e.Redacted));
        Assert.All(british, e => Assert.False(e.Redacted));
        Assert.Contains(british, e => e.Action == AuditAction.Deleted && e.EntityType == "Engagement");
    }

    [Fact]
    public async Task KeepsTheSecretPastOfALoweredRecordFromReadersNotClearedForIt()
    {
        var id = await CreateSecretBritishEngagementAsync();
        await ChangeAsync(id, e => e.Summary = "Secret revision");
        await ChangeAsync(id, e =>
        {
            e.Classification = Classification.Unclassified;
            e.ReleasableToNations = [];
        });
        await ChangeAsync(id, e => e.Summary = "Now public");

        var entries = await PageAsync(French);

        var shown = Assert.Single(entries, e => !e.Redacted);
        Assert.Equal(AuditAction.Updated, shown.Action);
        Assert.Contains(shown.Values, v => v.After == "Now public");
        Assert.DoesNotContain(entries.SelectMany(e => e.Values), v => v.Before == Title || v.After == Title || v.After == "Secret revision");
        Assert.Equal(5, entries.Count);
    }

    [Fact]
    public async Task LeavesOutHiddenEntriesWhenAskedForARecordByKey()
    {
        var id = await CreateSecretBritishEngagementAsync();
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var french = await new AuditQueries(_database.FactoryFor(French), new AuditChainVerifier(_database.FactoryFor(French)))
            .PageAsync(new AuditFilter(EntityType: "Engagement", EntityKey: key), null, 50);
        var british = await new AuditQueries(_database.FactoryFor(British), new AuditChainVerifier(_database.FactoryFor(British)))
            .PageAsync(new AuditFilter(EntityType: "Engagement", EntityKey: key), null, 50);

        Assert.Empty(french.Entries);
        Assert.Single(british.Entries);
    }

    [Fact]
    public async Task ShowsAnImportsDetailsOnlyToReadersWhoMaySeeEveryRecordItWrote()
    {
        var id = await CreateSecretBritishEngagementAsync();
        await new AuditTrail(_database.Factory).RecordAsync(AuditAction.Imported, "Engagement", null, new { file = "nightjar.csv", rows = 2, firstId = id, lastId = id + 1 });

        var french = Assert.Single(await PageAsync(French), e => e.Action == AuditAction.Imported);
        var british = Assert.Single(await PageAsync(British), e => e.Action == AuditAction.Imported);

        Assert.True(french.Redacted);
        Assert.Empty(french.Values);
        Assert.Contains(british.Values, v => v.After == "nightjar.csv");
    }

    [Fact]
    public async Task ShowsEverythingAboutRecordsTheReaderMaySee()
    {
        await using (var db = _database.CreateContext())
        {
            db.Engagements.Add(new Engagement { Title = "Open talks", Summary = "Public", OccurredOn = new DateOnly(2025, 5, 1) });
            await db.SaveChangesAsync();
        }

        var entry = Assert.Single(await PageAsync(French));

        Assert.False(entry.Redacted);
        Assert.Contains(entry.Values, v => v.After == "Open talks");
    }

    private async Task<int> CreateSecretBritishEngagementAsync()
    {
        await using var db = _database.CreateContext();
        var gbr = await db.Nations.SingleAsync(n => n.Code == "GBR");
        var engagement = new Engagement
        {
            Title = Title,
            Summary = "Secret planning",
            OccurredOn = new DateOnly(2025, 5, 1),
            Classification = Classification.Secret,
            ReleasableToNations = ["GBR"],
            Participants = [new EngagementParticipant { NationId = gbr.Id, IsLead = true }],
        };
        db.Engagements.Add(engagement);
        await db.SaveChangesAsync();
        return engagement.Id;
    }

    private async Task ChangeAsync(int id, Action<Engagement> change)
    {
        await using var db = _database.CreateContext();
        change(await db.Engagements.SingleAsync(e => e.Id == id));
        await db.SaveChangesAsync();
    }

    private async Task<IReadOnlyList<AuditListItem>> PageAsync(CurrentUser reader)
    {
        var factory = _database.FactoryFor(reader);
        var page = await new AuditQueries(factory, new AuditChainVerifier(factory)).PageAsync(new AuditFilter(), null, 100);
        return page.Entries.Where(e => e.Id > _lastBefore).ToList();
    }
}
