using System.Linq.Expressions;
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

/// <summary>An attaché as the list's export writes it: nations by alpha-3 code.</summary>
public sealed record AttacheRecord(
    int Id,
    string FullName,
    string Rank,
    MilitaryService Service,
    AttachePost Post,
    string SendingNation,
    string HostNation,
    DateOnly PostedFrom,
    DateOnly? PostedUntil,
    Classification Classification,
    IReadOnlyList<string> ReleasableToNations,
    IReadOnlyList<string> ReleasableToAlliances);

/// <summary>A report an attaché filed, as their page lists it.</summary>
public sealed record AttacheReportItem(int Id, AttacheReportKind Kind, string Title, DateOnly FiledOn, Classification Classification, string Body);

/// <summary>An engagement an attaché took part in.</summary>
public sealed record AttacheEngagementItem(int Id, string Title, DateOnly OccurredOn, Classification Classification);

/// <summary>An attaché with the reports and engagements the user may see (the newest of each, and how many there are).</summary>
public sealed record AttacheDetails(
    AttacheListItem Attache,
    IReadOnlyList<string> ReleasableToNations,
    IReadOnlyList<string> ReleasableToAlliances,
    IReadOnlyList<AttacheReportItem> Reports,
    int ReportCount,
    IReadOnlyList<AttacheEngagementItem> Engagements,
    int EngagementCount,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    uint Version);

/// <summary>Read side of military attachés: the filtered, sorted list paged by keyset, its export, and one attaché.</summary>
public sealed class AttacheQueries(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
    : RecordListQueries<MilitaryAttache, AttacheFilter, AttacheListItem, AttacheRecord>(dbFactory)
{
    public const int LinkedShown = 25;

    private static readonly Expression<Func<MilitaryAttache, AttacheListItem>> ListItem = a => new AttacheListItem(
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

    protected override Expression<Func<MilitaryAttache, AttacheListItem>> Item => ListItem;

    protected override Expression<Func<MilitaryAttache, AttacheRecord>> Record { get; } = a => new AttacheRecord(
                a.Id,
                a.FullName,
                a.Rank,
                a.Service,
                a.Post,
                a.SendingNation!.Code,
                a.HostNation!.Code,
                a.PostedFrom,
                a.PostedUntil,
                a.Classification,
                a.ReleasableToNations,
                a.ReleasableToAlliances);

    /// <summary>One attaché and their linked records; null when missing or not visible to the user.</summary>
    public async Task<AttacheDetails?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await DbFactory.CreateDbContextAsync(cancellationToken);
        var attache = await db.Attaches.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.ReleasableToNations, a.ReleasableToAlliances, a.CreatedAt, a.UpdatedAt, a.Version })
            .SingleOrDefaultAsync(cancellationToken);
        if (attache is null)
        {
            return null;
        }

        var item = await db.Attaches.AsNoTracking().Where(a => a.Id == id).Select(ListItem).SingleAsync(cancellationToken);

        // Reports and engagements carry their own markings: the global filter leaves out those the user may not see.
        var reports = db.AttacheReports.AsNoTracking().Where(r => r.AttacheId == id);
        var engagements = db.EngagementAttaches.AsNoTracking().Where(l => l.AttacheId == id).Select(l => l.Engagement!);
        return new AttacheDetails(
            item,
            attache.ReleasableToNations,
            attache.ReleasableToAlliances,
            await reports.OrderByDescending(r => r.FiledOn).ThenByDescending(r => r.Id).Take(LinkedShown)
                .Select(r => new AttacheReportItem(r.Id, r.Kind, r.Title, r.FiledOn, r.Classification, r.Body)).ToListAsync(cancellationToken),
            await reports.CountAsync(cancellationToken),
            await engagements.OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.Id).Take(LinkedShown)
                .Select(e => new AttacheEngagementItem(e.Id, e.Title, e.OccurredOn, e.Classification)).ToListAsync(cancellationToken),
            await engagements.CountAsync(cancellationToken),
            attache.CreatedAt,
            attache.UpdatedAt,
            attache.Version);
    }

    /// <summary>
    /// The attachés the filter selects, visible to the context's user (the global filter); null when it
    /// names a nation that does not exist, so that nothing matches.
    /// </summary>
    protected override async Task<IQueryable<MilitaryAttache>?> FilteredAsync(PortalDbContext db, AttacheFilter filter, CancellationToken cancellationToken)
    {
        IQueryable<MilitaryAttache> query = db.Attaches.AsNoTracking();
        if (!filter.Nations.IsEmpty)
        {
            if (await NationIdsAsync(db, filter.Nations, cancellationToken) is not { } nationIds)
            {
                return null;
            }

            // Two nations: one sent the attaché, the other hosted them (no attaché has three).
            foreach (var nationId in nationIds)
            {
                query = filter.Role switch
                {
                    AttacheNationRole.Sending => query.Where(a => a.SendingNationId == nationId),
                    AttacheNationRole.Host => query.Where(a => a.HostNationId == nationId),
                    _ => query.Where(a => a.SendingNationId == nationId || a.HostNationId == nationId),
                };
            }
        }

        if (filter.Post is { } post)
        {
            query = query.Where(a => a.Post == post);
        }

        if (filter.Service is { } service)
        {
            query = query.Where(a => a.Service == service);
        }

        if (filter.ServingOn is { } day)
        {
            query = query.Where(a => a.PostedFrom <= day && (a.PostedUntil == null || a.PostedUntil >= day));
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        query = filter.Status switch
        {
            PostingStatus.Serving => query.Where(a => a.PostedFrom <= today && (a.PostedUntil == null || a.PostedUntil >= today)),
            PostingStatus.Ended => query.Where(a => a.PostedUntil < today),
            _ => query,
        };

        var (rangeFrom, rangeUntil) = DayRange.Applied(filter.PostedFrom, filter.PostedUntil);
        if (rangeFrom is { } from)
        {
            query = query.Where(a => a.PostedFrom >= from);
        }

        if (rangeUntil is { } until)
        {
            query = query.Where(a => a.PostedFrom <= until);
        }

        return query;
    }

    /// <summary>The keyset order of each sort; each has an index on (key, id) (AttacheConfiguration).</summary>
    protected override KeysetOrder<MilitaryAttache, AttacheListItem> OrderOf(AttacheFilter filter) => filter.Sort switch
    {
        AttacheSort.Oldest => ByPostingAscending,
        AttacheSort.NameAscending => ByNameAscending,
        AttacheSort.NameDescending => ByNameDescending,
        _ => ByPostingDescending,
    };

    private static readonly KeysetOrder<MilitaryAttache, AttacheListItem> ByPostingDescending = Keyset.By<MilitaryAttache, AttacheListItem, DateOnly>(a => a.PostedFrom, a => a.Id, descending: true, i => (i.PostedFrom, i.Id));
    private static readonly KeysetOrder<MilitaryAttache, AttacheListItem> ByPostingAscending = Keyset.By<MilitaryAttache, AttacheListItem, DateOnly>(a => a.PostedFrom, a => a.Id, descending: false, i => (i.PostedFrom, i.Id));
    private static readonly KeysetOrder<MilitaryAttache, AttacheListItem> ByNameAscending = Keyset.By<MilitaryAttache, AttacheListItem, string>(a => a.FullName, a => a.Id, descending: false, i => (i.FullName, i.Id));
    private static readonly KeysetOrder<MilitaryAttache, AttacheListItem> ByNameDescending = Keyset.By<MilitaryAttache, AttacheListItem, string>(a => a.FullName, a => a.Id, descending: true, i => (i.FullName, i.Id));
}
