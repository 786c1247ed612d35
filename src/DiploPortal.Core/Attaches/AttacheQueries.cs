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

/// <summary>A report an attaché filed, as their page lists it.</summary>
public sealed record AttacheReportItem(int Id, AttacheReportKind Kind, string Title, DateOnly FiledOn, Classification Classification, string Body);

/// <summary>An engagement an attaché took part in.</summary>
public sealed record AttacheEngagementItem(int Id, string Title, DateOnly OccurredOn, Classification Classification);

/// <summary>An attaché with the reports and engagements the user may see (the newest of each, and how many there are).</summary>
public sealed record AttacheDetails(
    AttacheListItem Attache,
    IReadOnlyList<AttacheReportItem> Reports,
    int ReportCount,
    IReadOnlyList<AttacheEngagementItem> Engagements,
    int EngagementCount);

/// <summary>Read side of military attachés.</summary>
public sealed class AttacheQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    public const int LinkedShown = 25;

    /// <summary>One attaché and their linked records; null when missing or not visible to the user.</summary>
    public async Task<AttacheDetails?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var attache = await db.Attaches.AsNoTracking().Where(a => a.Id == id).Select(Item).SingleOrDefaultAsync(cancellationToken);
        if (attache is null)
        {
            return null;
        }

        // Reports and engagements carry their own markings: the global filter leaves out those the user may not see.
        var reports = db.AttacheReports.AsNoTracking().Where(r => r.AttacheId == id);
        var engagements = db.EngagementAttaches.AsNoTracking().Where(l => l.AttacheId == id).Select(l => l.Engagement!);
        return new AttacheDetails(
            attache,
            await reports.OrderByDescending(r => r.FiledOn).ThenByDescending(r => r.Id).Take(LinkedShown)
                .Select(r => new AttacheReportItem(r.Id, r.Kind, r.Title, r.FiledOn, r.Classification, r.Body)).ToListAsync(cancellationToken),
            await reports.CountAsync(cancellationToken),
            await engagements.OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.Id).Take(LinkedShown)
                .Select(e => new AttacheEngagementItem(e.Id, e.Title, e.OccurredOn, e.Classification)).ToListAsync(cancellationToken),
            await engagements.CountAsync(cancellationToken));
    }

    private static readonly System.Linq.Expressions.Expression<Func<MilitaryAttache, AttacheListItem>> Item = a => new AttacheListItem(
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
        a.Classification);

    /// <summary>The <paramref name="take"/> most recently posted attachés, of or in <paramref name="nation"/> when given.</summary>
    public async Task<IReadOnlyList<AttacheListItem>> ListRecentAsync(int take, string? nation = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var attaches = db.Attaches.AsNoTracking();
        if (RecordCode.Normalise(nation) is { } code)
        {
            attaches = attaches.Where(a => a.SendingNation!.Code == code || a.HostNation!.Code == code);
        }

        return await attaches
            .OrderByDescending(a => a.PostedFrom).ThenByDescending(a => a.Id)
            .Take(take)
            .Select(Item)
            .ToListAsync(cancellationToken);
    }
}
