using DiploPortal.Core.Attaches;
using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using DiploPortal.Core.Security;
using DiploPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Tests.Security;

/// <summary>The rule runs in SQL on every query, through a global query filter no query can forget.</summary>
public class ClassificationFilter : IAsyncLifetime
{
    private static readonly CurrentUser RestrictedFrench = new("analyst-restricted", Classification.Restricted, "FRA", ["NATO"]);
    private static readonly CurrentUser SecretAmerican = new("analyst", Classification.Secret, "USA", ["NATO", "FVEY"]);

    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateWithReferenceDataAsync();
        await _database.ExecuteAsync("""
            INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, releasable_to_nations, releasable_to_alliances, is_demo) VALUES
              ('open talks', 'StaffTalks', 'FaceToFace', '2025-01-01', '', 'Positive', 'Unclassified', '{}', '{}', false),
              ('restricted talks', 'StaffTalks', 'FaceToFace', '2025-01-02', '', 'Positive', 'Restricted', '{}', '{}', false),
              ('secret talks', 'StaffTalks', 'FaceToFace', '2025-01-03', '', 'Positive', 'Secret', '{}', '{}', false),
              ('five eyes only', 'StaffTalks', 'FaceToFace', '2025-01-04', '', 'Positive', 'Unclassified', '{}', '{FVEY}', false),
              ('france only', 'StaffTalks', 'FaceToFace', '2025-01-05', '', 'Positive', 'Restricted', '{FRA}', '{}', false);
            INSERT INTO attaches (full_name, rank, service, post, sending_nation_id, host_nation_id, posted_from, classification, is_demo) VALUES
              ('Col. Open', 'Colonel', 'Army', 'Defence', (SELECT id FROM nations WHERE code = 'USA'), (SELECT id FROM nations WHERE code = 'FRA'), '2024-01-01', 'Unclassified', false),
              ('Col. Covert', 'Colonel', 'Army', 'Defence', (SELECT id FROM nations WHERE code = 'USA'), (SELECT id FROM nations WHERE code = 'JPN'), '2024-01-01', 'Secret', false);
            INSERT INTO engagement_attaches (engagement_id, attache_id)
              SELECT e.id, a.id FROM engagements e, attaches a WHERE e.title = 'open talks';
            """);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public void CoversEveryEntityTypeThatCarriesAClassification()
    {
        using var db = _database.CreateContext();
        foreach (var entityType in db.Model.GetEntityTypes())
        {
            var classified = typeof(ClassifiedRecord).IsAssignableFrom(entityType.ClrType);
            Assert.Equal(classified, entityType.FindProperty(nameof(ClassifiedRecord.Classification)) is not null);
            if (classified)
            {
                Assert.NotNull(entityType.FindDeclaredQueryFilter(Visibility.FilterName));
            }
        }
    }

    [Fact]
    public async Task ListsAndCountsOnlyWhatTheUserIsClearedForAndReleasableTo()
    {
        await using var db = ContextFor(RestrictedFrench);

        var titles = await db.Engagements.OrderBy(e => e.Id).Select(e => e.Title).ToListAsync();

        Assert.Equal(["open talks", "restricted talks", "france only"], titles);
        Assert.Equal(3, await db.Engagements.CountAsync());
    }

    [Fact]
    public async Task AppliesAllianceCaveatsToNationalsOfMembers()
    {
        await using var db = ContextFor(SecretAmerican);

        var titles = await db.Engagements.OrderBy(e => e.Id).Select(e => e.Title).ToListAsync();

        Assert.Equal(["open talks", "restricted talks", "secret talks", "five eyes only"], titles);
    }

    [Fact]
    public async Task FindsNothingWhenAskedForAHiddenRecordById()
    {
        await using var system = _database.CreateContext();
        var secretId = await system.Engagements.Where(e => e.Title == "secret talks").Select(e => e.Id).SingleAsync();
        await using var db = ContextFor(RestrictedFrench);

        Assert.Null(await db.Engagements.FirstOrDefaultAsync(e => e.Id == secretId));
    }

    [Fact]
    public async Task LeavesOutLinkedRecordsTheUserMayNotSee()
    {
        await using var db = ContextFor(RestrictedFrench);

        var attaches = await db.Engagements.Where(e => e.Title == "open talks")
            .SelectMany(e => e.Attaches.Select(a => a.Attache!.FullName))
            .ToListAsync();

        Assert.Equal(["Col. Open"], attaches);
        Assert.Equal(1, await db.Set<MilitaryAttache>().CountAsync());
    }

    private PortalDbContext ContextFor(CurrentUser user)
    {
        var db = _database.CreateContext();
        db.User = user;
        return db;
    }
}
