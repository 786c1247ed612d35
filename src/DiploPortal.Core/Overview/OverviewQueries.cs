using DiploPortal.Core.Data;
using DiploPortal.Core.Engagements;
using DiploPortal.Core.Exercises;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Overview;

public sealed record UpcomingExercise(int Id, string Name, string HostNation, DateOnly StartsOn, DateOnly EndsOn, ExerciseStatus Status);

public sealed record ActiveMission(int Id, string Name, string AffectedNation, DateOnly StartsOn, int PeopleAssisted);

public sealed record RecentEngagement(int Id, string Title, EngagementKind Kind, CommunicationChannel Channel, DateOnly OccurredOn);

/// <summary>The figures on the home page.</summary>
public sealed record PortalOverview(
    int NationCount,
    int AllianceCount,
    int UpcomingExerciseCount,
    int ActiveMissionCount,
    int EngagementsLast30Days,
    IReadOnlyList<UpcomingExercise> UpcomingExercises,
    IReadOnlyList<ActiveMission> ActiveMissions,
    IReadOnlyList<RecentEngagement> RecentEngagements);

public sealed class OverviewQueries(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    private const int ListLength = 5;

    public async Task<PortalOverview> GetAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var monthAgo = today.AddDays(-30);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var nations = await db.Nations.CountAsync(n => n.ExistedUntil == null, cancellationToken);
        var alliances = await db.Alliances.CountAsync(a => a.DissolvedOn == null, cancellationToken);

        var upcoming = db.Exercises.AsNoTracking()
            .Where(e => e.StartsOn >= today && e.Status != ExerciseStatus.Cancelled);
        var upcomingCount = await upcoming.CountAsync(cancellationToken);
        var upcomingList = await upcoming.OrderBy(e => e.StartsOn).ThenBy(e => e.Id).Take(ListLength)
            .Select(e => new UpcomingExercise(e.Id, e.Name, e.HostNation!.Name, e.StartsOn, e.EndsOn, e.Status))
            .ToListAsync(cancellationToken);

        var active = db.Missions.AsNoTracking()
            .Where(m => m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today));
        var activeCount = await active.CountAsync(cancellationToken);
        var activeList = await active.OrderByDescending(m => m.StartsOn).ThenBy(m => m.Id).Take(ListLength)
            .Select(m => new ActiveMission(m.Id, m.Name, m.AffectedNation!.Name, m.StartsOn, m.PeopleAssisted))
            .ToListAsync(cancellationToken);

        var recentCount = await db.Engagements.CountAsync(e => e.OccurredOn >= monthAgo && e.OccurredOn <= today, cancellationToken);
        var recent = await db.Engagements.AsNoTracking()
            .Where(e => e.OccurredOn <= today)
            .OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.Id).Take(ListLength)
            .Select(e => new RecentEngagement(e.Id, e.Title, e.Kind, e.Channel, e.OccurredOn))
            .ToListAsync(cancellationToken);

        return new PortalOverview(nations, alliances, upcomingCount, activeCount, recentCount, upcomingList, activeList, recent);
    }
}
