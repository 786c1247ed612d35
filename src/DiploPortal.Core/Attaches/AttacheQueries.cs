using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Attaches;

public sealed record AttacheListItem(
    int Id,
    string FullName,
    string Rank,
    MilitaryService Service,
    AttachePost Post,
    string SendingNationCode,
    string SendingNation,
    string HostNationCode,
    string HostNation,
    DateOnly PostedFrom,
    DateOnly? PostedUntil,
    Classification Classification);

/// <summary>Read side of military attachés.</summary>
public sealed class AttacheQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>The <paramref name="take"/> most recently posted attachés.</summary>
    public async Task<IReadOnlyList<AttacheListItem>> ListRecentAsync(int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Attaches.AsNoTracking()
            .OrderByDescending(a => a.PostedFrom).ThenByDescending(a => a.Id)
            .Take(take)
            .Select(a => new AttacheListItem(
                a.Id,
                a.FullName,
                a.Rank,
                a.Service,
                a.Post,
                a.SendingNation!.Code,
                a.SendingNation.Name,
                a.HostNation!.Code,
                a.HostNation.Name,
                a.PostedFrom,
                a.PostedUntil,
                a.Classification))
            .ToListAsync(cancellationToken);
    }
}
