using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using DiploPortal.Core.Engagements;
using DiploPortal.Core.Security;
using DiploPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Tests.Security;

/// <summary>Nobody creates or raises a record above their own clearance, whatever page or import saves it.</summary>
public class ClearanceOnSave : IAsyncLifetime
{
    private static readonly CurrentUser Restricted = new("analyst-restricted", Classification.Restricted, "FRA", ["NATO"]);

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestPostgres.CreateWithReferenceDataAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task RefusesToCreateARecordAboveTheUsersClearanceAndWritesNothing()
    {
        await using var db = ContextFor(Restricted);
        db.Engagements.Add(Talks("too high", Classification.Confidential));

        var refused = await Assert.ThrowsAsync<ClearanceViolationException>(() => db.SaveChangesAsync());

        Assert.Equal(Classification.Confidential, refused.Attempted);
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM engagements WHERE title = 'too high'"));
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE entity_type = 'Engagement'"));
    }

    [Fact]
    public async Task RefusesToRaiseARecordAboveTheUsersClearance()
    {
        await using (var db = ContextFor(Restricted))
        {
            db.Engagements.Add(Talks("raised", Classification.Restricted));
            await db.SaveChangesAsync();
        }

        await using var editor = ContextFor(Restricted);
        var talks = await editor.Engagements.SingleAsync(e => e.Title == "raised");
        talks.Classification = Classification.Secret;

        await Assert.ThrowsAsync<ClearanceViolationException>(() => editor.SaveChangesAsync());
        Assert.Equal("Restricted", await _database.ScalarAsync<string>("SELECT classification FROM engagements WHERE title = 'raised'"));
    }

    [Fact]
    public async Task LetsTheUserSaveUpToTheirOwnClearance()
    {
        await using var db = ContextFor(Restricted);
        db.Engagements.Add(Talks("at my level", Classification.Restricted));

        await db.SaveChangesAsync();

        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT count(*) FROM engagements WHERE title = 'at my level'"));
    }

    private static Engagement Talks(string title, Classification classification) => new()
    {
        Title = title,
        Kind = EngagementKind.StaffTalks,
        Channel = CommunicationChannel.FaceToFace,
        OccurredOn = new DateOnly(2025, 3, 1),
        Outcome = EngagementOutcome.Pending,
        Classification = classification,
    };

    private PortalDbContext ContextFor(CurrentUser user) => _database.FactoryFor(user).CreateDbContext();
}
