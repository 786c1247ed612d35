using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Engagements;

public sealed record EngagementListItem(
    int Id,
    DateOnly OccurredOn,
    string Title,
    EngagementKind Kind,
    CommunicationChannel Channel,
    IReadOnlyList<string> ParticipantNations,
    EngagementOutcome Outcome,
    Classification Classification);

/// <summary>Read side of engagements.</summary>
public sealed class EngagementQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>The newest <paramref name="take"/> engagements, most recent first.</summary>
    public async Task<IReadOnlyList<EngagementListItem>> ListRecentAsync(int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Engagements.AsNoTracking()
            .OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.Id)
            .Take(take)
            .Select(e => new EngagementListItem(
                e.Id,
                e.OccurredOn,
                e.Title,
                e.Kind,
                e.Channel,
                e.Participants.OrderByDescending(p => p.IsLead).ThenBy(p => p.Nation!.Name).Select(p => p.Nation!.Name).ToList(),
                e.Outcome,
                e.Classification))
            .ToListAsync(cancellationToken);
    }
}
