using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Missions;

public sealed record MissionListItem(
    int Id,
    string Name,
    MissionKind Kind,
    CrisisKind Crisis,
    string AffectedNationCode,
    string AffectedNation,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    int PeopleAssisted,
    Classification Classification);

/// <summary>Read side of humanitarian missions.</summary>
public sealed class MissionQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>The <paramref name="take"/> most recently started missions.</summary>
    public async Task<IReadOnlyList<MissionListItem>> ListRecentAsync(int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Missions.AsNoTracking()
            .OrderByDescending(m => m.StartsOn).ThenByDescending(m => m.Id)
            .Take(take)
            .Select(m => new MissionListItem(
                m.Id,
                m.Name,
                m.Kind,
                m.Crisis,
                m.AffectedNation!.Code,
                m.AffectedNation.Name,
                m.StartsOn,
                m.EndsOn,
                m.PeopleAssisted,
                m.Classification))
            .ToListAsync(cancellationToken);
    }
}
