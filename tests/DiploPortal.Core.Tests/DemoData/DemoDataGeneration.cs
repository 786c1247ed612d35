using DiploPortal.Core.DemoData;
using DiploPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiploPortal.Core.Tests.DemoData;

public class DemoDataGeneration
{
    private static readonly DemoDataOptions SmallRun = new() { Seed = 7, Engagements = 400, Anchor = new DateOnly(2026, 6, 1) };

    private const string Fingerprint = """
        SELECT md5(
          (SELECT string_agg(id || title || kind || channel || occurred_on || classification, '|' ORDER BY id) FROM engagements) ||
          (SELECT string_agg(engagement_id || ':' || nation_id || ':' || is_lead, '|' ORDER BY engagement_id, nation_id) FROM engagement_participants) ||
          (SELECT string_agg(id || name || starts_on || status, '|' ORDER BY id) FROM exercises) ||
          (SELECT string_agg(id || full_name || sending_nation_id || host_nation_id, '|' ORDER BY id) FROM attaches) ||
          (SELECT string_agg(assessment_id || indicator || score, '|' ORDER BY assessment_id, indicator) FROM indicator_scores))
        """;

    [Fact]
    public async Task MakesTheSameRecordsFromTheSameSeed()
    {
        await using var first = await TestPostgres.CreateWithReferenceDataAsync();
        await using var second = await TestPostgres.CreateWithReferenceDataAsync();

        await Generator(first).GenerateAsync(SmallRun);
        await Generator(second).GenerateAsync(SmallRun);

        Assert.Equal(await first.ScalarAsync<string>(Fingerprint), await second.ScalarAsync<string>(Fingerprint));
    }

    [Fact]
    public async Task MarksEveryRecordAsDemoAndScalesWithTheCount()
    {
        await using var database = await TestPostgres.CreateWithReferenceDataAsync();

        var result = await Generator(database).GenerateAsync(SmallRun);

        await using var db = database.CreateContext();
        Assert.Equal(400, await db.Engagements.CountAsync(e => e.IsDemo));
        Assert.Equal(0, await db.Engagements.CountAsync(e => !e.IsDemo));
        Assert.Equal(0, await db.Exercises.CountAsync(e => !e.IsDemo));
        Assert.Equal(0, await db.Missions.CountAsync(e => !e.IsDemo));
        Assert.Equal(0, await db.Attaches.CountAsync(e => !e.IsDemo));
        Assert.Equal(DemoDataGenerator.ExercisesFor(400), await db.Exercises.CountAsync());
        Assert.Equal(result.EngagementParticipants, await db.EngagementParticipants.CountAsync());
        Assert.True(await db.Engagements.AllAsync(e => e.Participants.Count >= 2 && e.Participants.Count(p => p.IsLead) == 1));
        Assert.False(await db.EngagementParticipants.AnyAsync(p => p.Nation!.ExistedUntil != null));
    }

    [Fact]
    public async Task SkipsWhenDemoDataExistAndLeavesIdentitySequencesUsable()
    {
        await using var database = await TestPostgres.CreateWithReferenceDataAsync();
        await Generator(database).GenerateAsync(SmallRun);

        var again = await Generator(database).GenerateAsync(SmallRun);

        Assert.True(again.Skipped);
        Assert.Equal(400L, await database.ScalarAsync<long>("SELECT count(*) FROM engagements"));
        // The generator assigns ids itself; the next ordinary insert must not collide with them.
        await database.ExecuteAsync("INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, is_demo) VALUES ('Talks', 'StaffTalks', 'FaceToFace', '2026-01-01', '', 'Pending', 'Unclassified', false)");
        Assert.Equal(401L, await database.ScalarAsync<long>("SELECT count(*) FROM engagements"));
    }

    private static DemoDataGenerator Generator(TestDatabase database) =>
        new(database.Factory, TimeProvider.System, NullLogger<DemoDataGenerator>.Instance);
}
