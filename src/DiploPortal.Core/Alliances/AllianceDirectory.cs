using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Alliances;

/// <summary>Which alliances are listed: those still in being, those dissolved, or both.</summary>
public enum AllianceStatus
{
    Any,
    Active,
    Dissolved,
}

public enum AllianceSort
{
    AcronymAscending,
    NameAscending,
    FoundedNewest,
    FoundedOldest,
}

/// <summary>What a person narrows the alliance list to; it travels in the page's address.</summary>
public sealed record AllianceListFilter : IListFilter
{
    /// <summary>Part of the acronym or the name.</summary>
    public string? Text { get; init; }

    public AllianceKind? Kind { get; init; }

    public AllianceStatus Status { get; init; }

    /// <summary>Alpha-3 code of a nation that is a full member today.</summary>
    public string? Member { get; init; }

    public AllianceSort Sort { get; init; }

    public bool IsEmpty => this == new AllianceListFilter { Sort = Sort };

    public IReadOnlyList<string> Describe() => FilterWords.Of(
        ("words", Text), ("kind", Kind), ("status", Status == AllianceStatus.Any ? null : Status), ("member", Member), ("sort", Sort));
}

/// <summary>A row of the alliance list, with its full members today.</summary>
public sealed record AllianceListItem(
    int Id, string Acronym, string Name, AllianceKind Kind, DateOnly FoundedOn, DateOnly? DissolvedOn, string? Headquarters, int CurrentMembers);

/// <summary>An alliance as an export row, its full members today by code.</summary>
public sealed record AllianceRecord(
    string Acronym, string Name, AllianceKind Kind, string? FoundingTreaty, DateOnly FoundedOn, DateOnly? DissolvedOn, string? Headquarters, IReadOnlyList<string> Members);

/// <summary>The alliance list: filtered, sorted and paged like every record list, and exported.</summary>
public sealed class AllianceDirectory(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock) : IExportSource<AllianceListFilter, AllianceRecord>
{
    public static IReadOnlyList<string> ExportColumns { get; } =
        ["acronym", "name", "kind", "founding_treaty", "founded_on", "dissolved_on", "headquarters", "members_today"];

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<KeysetPage<AllianceListItem>> ListAsync(AllianceListFilter filter, Cursor? cursor, PageDirection direction, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var full = AllianceMembership.FullMemberOn(Today);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Keyset.PageAsync(
            Filtered(db, filter),
            OrderOf(filter.Sort),
            a => new AllianceListItem(a.Id, a.Acronym, a.Name, a.Kind, a.FoundedOn, a.DissolvedOn, a.Headquarters, a.Memberships.AsQueryable().Count(full)),
            cursor,
            direction,
            pageSize,
            cancellationToken);
    }

    public async Task<MatchCount> CountAsync(AllianceListFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Keyset.CountAsync(Filtered(db, filter), cancellationToken);
    }

    /// <summary>Alliances carry no marking: every row of an export is unclassified.</summary>
    public async Task<IReadOnlyDictionary<Classification, int>> CountByClassificationAsync(AllianceListFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Filtered(db, filter).CountAsync(cancellationToken);
        return rows == 0 ? new Dictionary<Classification, int>() : new Dictionary<Classification, int> { [Classification.Unclassified] = rows };
    }

    public async IAsyncEnumerable<AllianceRecord> StreamAsync(AllianceListFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var full = AllianceMembership.FullMemberOn(Today);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = OrderOf(filter.Sort).Order(Filtered(db, filter), reverse: false)
            .Select(a => new AllianceRecord(
                a.Acronym, a.Name, a.Kind, a.FoundingTreaty, a.FoundedOn, a.DissolvedOn, a.Headquarters,
                a.Memberships.AsQueryable().Where(full).Select(m => m.Nation!.Code).OrderBy(c => c).ToList()))
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    public static ExportCell[] ToCells(AllianceRecord record, bool forCsv)
    {
        ArgumentNullException.ThrowIfNull(record);
        var text = ExportFile.TextCell(forCsv);
        return
        [
            record.Acronym, text(record.Name), record.Kind.ToString(), text(record.FoundingTreaty), ExportFile.Day(record.FoundedOn),
            ExportFile.Day(record.DissolvedOn), text(record.Headquarters), string.Join(';', record.Members),
        ];
    }

    private IQueryable<Alliance> Filtered(PortalDbContext db, AllianceListFilter filter)
    {
        var query = db.Alliances.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var pattern = LikePattern.Contains(filter.Text.Trim());
            query = query.Where(a => EF.Functions.ILike(a.Acronym, pattern, LikePattern.EscapeCharacter) || EF.Functions.ILike(a.Name, pattern, LikePattern.EscapeCharacter));
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(a => a.Kind == kind);
        }

        query = filter.Status switch
        {
            AllianceStatus.Active => query.Where(a => a.DissolvedOn == null),
            AllianceStatus.Dissolved => query.Where(a => a.DissolvedOn != null),
            _ => query,
        };

        if (RecordCode.Normalise(filter.Member) is { } code)
        {
            var full = AllianceMembership.FullMemberOn(Today);
            query = query.Where(a => a.Memberships.AsQueryable().Where(full).Any(m => m.Nation!.Code == code));
        }

        return query;
    }

    private static KeysetOrder<Alliance, AllianceListItem> OrderOf(AllianceSort sort) => sort switch
    {
        AllianceSort.NameAscending => ByName,
        AllianceSort.FoundedNewest => ByFoundedNewest,
        AllianceSort.FoundedOldest => ByFoundedOldest,
        _ => ByAcronym,
    };

    private static readonly KeysetOrder<Alliance, AllianceListItem> ByAcronym = Keyset.By<Alliance, AllianceListItem, string>(a => a.Acronym, a => a.Id, descending: false, i => (i.Acronym, i.Id));
    private static readonly KeysetOrder<Alliance, AllianceListItem> ByName = Keyset.By<Alliance, AllianceListItem, string>(a => a.Name, a => a.Id, descending: false, i => (i.Name, i.Id));
    private static readonly KeysetOrder<Alliance, AllianceListItem> ByFoundedNewest = Keyset.By<Alliance, AllianceListItem, DateOnly>(a => a.FoundedOn, a => a.Id, descending: true, i => (i.FoundedOn, i.Id));
    private static readonly KeysetOrder<Alliance, AllianceListItem> ByFoundedOldest = Keyset.By<Alliance, AllianceListItem, DateOnly>(a => a.FoundedOn, a => a.Id, descending: false, i => (i.FoundedOn, i.Id));
}
