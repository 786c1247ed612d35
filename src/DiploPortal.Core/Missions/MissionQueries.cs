using System.Linq.Expressions;
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
    int ContributorCount,
    Classification Classification);

/// <summary>What one nation gave to a mission.</summary>
public sealed record MissionContributionItem(string Code, string Name, int Personnel, int Aircraft, int Ships, int MedicalTeams, decimal SuppliesTonnes);

/// <summary>A mission with the contributions of each nation.</summary>
public sealed record MissionDetails(
    int Id,
    string Name,
    MissionKind Kind,
    CrisisKind Crisis,
    string AffectedNationCode,
    string AffectedNation,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    int PeopleAssisted,
    string Summary,
    Classification Classification,
    IReadOnlyList<string> ReleasableToNations,
    IReadOnlyList<string> ReleasableToAlliances,
    IReadOnlyList<MissionContributionItem> Contributions,
    uint Version);

/// <summary>A mission as a row of an export: nations by code, contributors as CODE:personnel.</summary>
public sealed record MissionRecord(
    int Id,
    string Name,
    MissionKind Kind,
    CrisisKind Crisis,
    string AffectedNation,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    int PeopleAssisted,
    IReadOnlyList<string> Contributors,
    int Personnel,
    decimal SuppliesTonnes,
    string Summary,
    Classification Classification,
    IReadOnlyList<string> ReleasableToNations,
    IReadOnlyList<string> ReleasableToAlliances);

/// <summary>Read side of humanitarian missions: the filtered list paged by keyset, its export and details.</summary>
public sealed class MissionQueries(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
    : RecordListQueries<HumanitarianMission, MissionFilter, MissionListItem, MissionRecord>(dbFactory)
{
    /// <summary>One mission and what each nation contributed; null when missing or not visible to the user.</summary>
    public async Task<MissionDetails?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await DbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Missions.AsNoTracking()
            .Where(m => m.Id == id)
            .Select(m => new MissionDetails(
                m.Id,
                m.Name,
                m.Kind,
                m.Crisis,
                m.AffectedNation!.Code,
                m.AffectedNation.Name,
                m.StartsOn,
                m.EndsOn,
                m.PeopleAssisted,
                m.Summary,
                m.Classification,
                m.ReleasableToNations,
                m.ReleasableToAlliances,
                m.Contributions.OrderByDescending(c => c.Personnel).ThenBy(c => c.Nation!.Name)
                    .Select(c => new MissionContributionItem(c.Nation!.Code, c.Nation.Name, c.Personnel, c.Aircraft, c.Ships, c.MedicalTeams, c.SuppliesTonnes)).ToList(),
                m.Version))
            .SingleOrDefaultAsync(cancellationToken);
    }

    protected override Expression<Func<HumanitarianMission, MissionListItem>> Item => ItemOf;

    protected override Expression<Func<HumanitarianMission, MissionRecord>> Record => RecordOf;

    private static readonly Expression<Func<HumanitarianMission, MissionRecord>> RecordOf = m => new MissionRecord(
        m.Id,
        m.Name,
        m.Kind,
        m.Crisis,
        m.AffectedNation!.Code,
        m.StartsOn,
        m.EndsOn,
        m.PeopleAssisted,
        m.Contributions.OrderBy(c => c.Nation!.Code).Select(c => c.Nation!.Code).ToList(),
        m.Contributions.Sum(c => c.Personnel),
        m.Contributions.Sum(c => c.SuppliesTonnes),
        m.Summary,
        m.Classification,
        m.ReleasableToNations,
        m.ReleasableToAlliances);

    private static readonly Expression<Func<HumanitarianMission, MissionListItem>> ItemOf = m => new MissionListItem(
        m.Id,
        m.Name,
        m.Kind,
        m.Crisis,
        m.AffectedNation!.Code,
        m.AffectedNation.Name,
        m.StartsOn,
        m.EndsOn,
        m.PeopleAssisted,
        m.Contributions.Count,
        m.Classification);

    protected override async Task<IQueryable<HumanitarianMission>?> FilteredAsync(PortalDbContext db, MissionFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        IQueryable<HumanitarianMission> query = db.Missions.AsNoTracking();
        if (!filter.Nations.IsEmpty)
        {
            if (await NationIdsAsync(db, filter.Nations, cancellationToken) is not { } nationIds)
            {
                return null;
            }

            foreach (var nationId in nationIds)
            {
                query = filter.Role switch
                {
                    MissionRole.Affected => query.Where(m => m.AffectedNationId == nationId),
                    MissionRole.Contributing => query.Where(m => m.Contributions.Any(c => c.NationId == nationId)),
                    _ => query.Where(m => m.AffectedNationId == nationId || m.Contributions.Any(c => c.NationId == nationId)),
                };
            }
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(m => m.Kind == kind);
        }

        if (filter.Crisis is { } crisis)
        {
            query = query.Where(m => m.Crisis == crisis);
        }

        if (filter.State is { } state)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            query = state == MissionState.Active
                ? query.Where(m => m.EndsOn == null || m.EndsOn >= today)
                : query.Where(m => m.EndsOn < today);
        }

        // A range selects the missions with at least one day in it; an active mission runs on.
        var (rangeFrom, rangeUntil) = DayRange.Applied(filter.From, filter.Until);
        if (rangeFrom is { } from)
        {
            query = query.Where(m => m.EndsOn == null || m.EndsOn >= from);
        }

        if (rangeUntil is { } until)
        {
            query = query.Where(m => m.StartsOn <= until);
        }

        return query;
    }

    /// <summary>The keyset order of each sort; each has an index on (key, id) (MissionConfiguration).</summary>
    protected override KeysetOrder<HumanitarianMission, MissionListItem> OrderOf(MissionFilter filter) => filter?.Sort switch
    {
        MissionSort.EarliestStart => ByStartAscending,
        MissionSort.NameAscending => ByNameAscending,
        MissionSort.NameDescending => ByNameDescending,
        _ => ByStartDescending,
    };

    private static readonly KeysetOrder<HumanitarianMission, MissionListItem> ByStartDescending = Keyset.By<HumanitarianMission, MissionListItem, DateOnly>(m => m.StartsOn, m => m.Id, descending: true, i => (i.StartsOn, i.Id));
    private static readonly KeysetOrder<HumanitarianMission, MissionListItem> ByStartAscending = Keyset.By<HumanitarianMission, MissionListItem, DateOnly>(m => m.StartsOn, m => m.Id, descending: false, i => (i.StartsOn, i.Id));
    private static readonly KeysetOrder<HumanitarianMission, MissionListItem> ByNameAscending = Keyset.By<HumanitarianMission, MissionListItem, string>(m => m.Name, m => m.Id, descending: false, i => (i.Name, i.Id));
    private static readonly KeysetOrder<HumanitarianMission, MissionListItem> ByNameDescending = Keyset.By<HumanitarianMission, MissionListItem, string>(m => m.Name, m => m.Id, descending: true, i => (i.Name, i.Id));
}
