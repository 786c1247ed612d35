using System.Linq.Expressions;
using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Attaches;

public sealed record AttacheReportListItem(
    int Id,
    DateOnly FiledOn,
    string Title,
    AttacheReportKind Kind,
    int AttacheId,
    string AttacheName,
    string AttacheRank,
    string SendingNation,
    string HostNation,
    Classification Classification);

/// <summary>A report as the list's export writes it.</summary>
public sealed record AttacheReportRecord(
    int Id,
    int AttacheId,
    string Attache,
    AttacheReportKind Kind,
    string Title,
    DateOnly FiledOn,
    Classification Classification,
    IReadOnlyList<string> ReleasableToNations,
    IReadOnlyList<string> ReleasableToAlliances,
    string Body);

/// <summary>One report with its attaché, for the report's own page.</summary>
public sealed record AttacheReportDetails(
    int Id,
    string Title,
    AttacheReportKind Kind,
    DateOnly FiledOn,
    string Body,
    Classification Classification,
    IReadOnlyList<string> ReleasableToNations,
    IReadOnlyList<string> ReleasableToAlliances,
    AttacheListItem Attache,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    uint Version);

/// <summary>
/// Read side of attaché reports. A report is listed only when its attaché is visible too: the report names
/// its attaché, and the attaché's own marking (the global filter, through the required navigation) decides.
/// </summary>
public sealed class AttacheReportQueries(IDbContextFactory<PortalDbContext> dbFactory)
    : RecordListQueries<AttacheReport, AttacheReportFilter, AttacheReportListItem, AttacheReportRecord>(dbFactory)
{
    protected override Expression<Func<AttacheReport, AttacheReportListItem>> Item { get; } = r => new AttacheReportListItem(
        r.Id, r.FiledOn, r.Title, r.Kind, r.AttacheId, r.Attache!.FullName, r.Attache.Rank, r.Attache.SendingNation!.Name, r.Attache.HostNation!.Name, r.Classification);

    protected override Expression<Func<AttacheReport, AttacheReportRecord>> Record { get; } = r => new AttacheReportRecord(
        r.Id, r.AttacheId, r.Attache!.FullName, r.Kind, r.Title, r.FiledOn, r.Classification, r.ReleasableToNations, r.ReleasableToAlliances, r.Body);

    /// <summary>One report and its attaché; null when either is missing or not visible to the user.</summary>
    public async Task<AttacheReportDetails?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await DbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AttacheReports.AsNoTracking()
            .Where(r => r.Id == id && r.Attache != null)
            .Select(r => new AttacheReportDetails(
                r.Id,
                r.Title,
                r.Kind,
                r.FiledOn,
                r.Body,
                r.Classification,
                r.ReleasableToNations,
                r.ReleasableToAlliances,
                new AttacheListItem(
                    r.Attache!.Id,
                    r.Attache.FullName,
                    r.Attache.Rank,
                    r.Attache.Service,
                    r.Attache.Post,
                    r.Attache.SendingNation!.Code,
                    r.Attache.SendingNation.Name,
                    r.Attache.HostNation!.Code,
                    r.Attache.HostNation.Name,
                    r.Attache.PostedFrom,
                    r.Attache.PostedUntil,
                    r.Attache.Classification),
                r.CreatedAt,
                r.UpdatedAt,
                r.Version))
            .SingleOrDefaultAsync(cancellationToken);
    }

    protected override async Task<IQueryable<AttacheReport>?> FilteredAsync(PortalDbContext db, AttacheReportFilter filter, CancellationToken cancellationToken)
    {
        // The attaché must be visible as well: a report never shows a hidden attaché's name.
        IQueryable<AttacheReport> query = db.AttacheReports.AsNoTracking().Where(r => r.Attache != null);
        if (!filter.Nations.IsEmpty)
        {
            if (await NationIdsAsync(db, filter.Nations, cancellationToken) is not { } nationIds)
            {
                return null;
            }

            foreach (var nationId in nationIds)
            {
                query = query.Where(r => r.Attache!.SendingNationId == nationId || r.Attache.HostNationId == nationId);
            }
        }

        if (filter.AttacheId is { } attacheId)
        {
            query = query.Where(r => r.AttacheId == attacheId);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(r => r.Kind == kind);
        }

        var (rangeFrom, rangeUntil) = DayRange.Applied(filter.From, filter.Until);
        if (rangeFrom is { } from)
        {
            query = query.Where(r => r.FiledOn >= from);
        }

        if (rangeUntil is { } until)
        {
            query = query.Where(r => r.FiledOn <= until);
        }

        return query;
    }

    /// <summary>The keyset order of each sort; each has an index on (key, id) (AttacheReportConfiguration).</summary>
    protected override KeysetOrder<AttacheReport, AttacheReportListItem> OrderOf(AttacheReportFilter filter) => filter.Sort switch
    {
        AttacheReportSort.Oldest => ByFiledAscending,
        AttacheReportSort.TitleAscending => ByTitleAscending,
        AttacheReportSort.TitleDescending => ByTitleDescending,
        _ => ByFiledDescending,
    };

    private static readonly KeysetOrder<AttacheReport, AttacheReportListItem> ByFiledDescending = Keyset.By<AttacheReport, AttacheReportListItem, DateOnly>(r => r.FiledOn, r => r.Id, descending: true, i => (i.FiledOn, i.Id));
    private static readonly KeysetOrder<AttacheReport, AttacheReportListItem> ByFiledAscending = Keyset.By<AttacheReport, AttacheReportListItem, DateOnly>(r => r.FiledOn, r => r.Id, descending: false, i => (i.FiledOn, i.Id));
    private static readonly KeysetOrder<AttacheReport, AttacheReportListItem> ByTitleAscending = Keyset.By<AttacheReport, AttacheReportListItem, string>(r => r.Title, r => r.Id, descending: false, i => (i.Title, i.Id));
    private static readonly KeysetOrder<AttacheReport, AttacheReportListItem> ByTitleDescending = Keyset.By<AttacheReport, AttacheReportListItem, string>(r => r.Title, r => r.Id, descending: true, i => (i.Title, i.Id));
}
