using DiploPortal.Core.Alliances;
using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Nations;

/// <summary>Which nations are listed: current states, former states, or both.</summary>
public enum NationStatus
{
    Any,
    Current,
    Former,
}

public enum NationSort
{
    NameAscending,
    NameDescending,
    CodeAscending,
}

/// <summary>What a person narrows the nation list to; it travels in the page's address.</summary>
public sealed record NationListFilter : IListFilter
{
    /// <summary>Part of a name, or a code (alpha-2, alpha-3 or a former state's four letters).</summary>
    public string? Text { get; init; }

    public string? Region { get; init; }

    public NationStatus Status { get; init; }

    /// <summary>Acronym of an alliance the nation is a full member of today.</summary>
    public string? Alliance { get; init; }

    public NationSort Sort { get; init; }

    public bool IsEmpty => this == new NationListFilter { Sort = Sort };

    public IReadOnlyList<string> Describe() => FilterWords.Of(
        ("words", Text), ("region", Region), ("status", Status == NationStatus.Any ? null : Status), ("alliance", Alliance), ("sort", Sort));
}

/// <summary>A row of the nation list.</summary>
public sealed record NationListItem(
    int Id, string Code, string Name, string Iso2, string Region, string? SubRegion, string? Capital, DateOnly? ExistedFrom, DateOnly? ExistedUntil)
{
    public bool IsHistorical => ExistedUntil is not null;
}

/// <summary>A nation as an export row: codes, names, where and when it existed, and its alliances today.</summary>
public sealed record NationRecord(
    string Code,
    string Iso2,
    string Iso3,
    string? NumericCode,
    string Name,
    string? OfficialName,
    string Region,
    string? SubRegion,
    string? Capital,
    DateOnly? ExistedFrom,
    DateOnly? ExistedUntil,
    IReadOnlyList<string> Successors,
    IReadOnlyList<string> Alliances);

/// <summary>The nation list: filtered, sorted and paged like every record list, and exported.</summary>
public sealed class NationDirectory(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock) : IExportSource<NationListFilter, NationRecord>
{
    public static IReadOnlyList<string> ExportColumns { get; } =
        ["code", "iso2", "iso3", "numeric_code", "name", "official_name", "region", "sub_region", "capital", "existed_from", "existed_until", "successors", "alliances"];

    public async Task<KeysetPage<NationListItem>> ListAsync(NationListFilter filter, Cursor? cursor, PageDirection direction, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Keyset.PageAsync(Filtered(db, filter), OrderOf(filter.Sort),
            n => new NationListItem(n.Id, n.Code, n.Name, n.Iso2, n.Region, n.SubRegion, n.Capital, n.ExistedFrom, n.ExistedUntil),
            cursor, direction, pageSize, cancellationToken);
    }

    public async Task<MatchCount> CountAsync(NationListFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Keyset.CountAsync(Filtered(db, filter), cancellationToken);
    }

    /// <summary>Nations carry no marking: every row of an export is unclassified.</summary>
    public async Task<IReadOnlyDictionary<Classification, int>> CountByClassificationAsync(NationListFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Filtered(db, filter).CountAsync(cancellationToken);
        return rows == 0 ? new Dictionary<Classification, int>() : new Dictionary<Classification, int> { [Classification.Unclassified] = rows };
    }

    public async IAsyncEnumerable<NationRecord> StreamAsync(NationListFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = OrderOf(filter.Sort).Order(Filtered(db, filter), reverse: false)
            .Select(n => new NationRecord(
                n.Code,
                n.Iso2,
                n.Iso3,
                n.NumericCode,
                n.Name,
                n.OfficialName,
                n.Region,
                n.SubRegion,
                n.Capital,
                n.ExistedFrom,
                n.ExistedUntil,
                n.Successors,
                db.AllianceMemberships.Where(m => m.NationId == n.Id && m.JoinedOn <= today && (m.LeftOn == null || m.LeftOn > today))
                    .Select(m => m.Alliance!.Acronym).OrderBy(a => a).ToList()))
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    public static ExportCell[] ToCells(NationRecord record, bool forCsv)
    {
        ArgumentNullException.ThrowIfNull(record);
        var text = ExportFile.TextCell(forCsv);
        return
        [
            record.Code, record.Iso2, record.Iso3, record.NumericCode ?? "", text(record.Name), text(record.OfficialName), text(record.Region),
            text(record.SubRegion), text(record.Capital), ExportFile.Day(record.ExistedFrom), ExportFile.Day(record.ExistedUntil),
            string.Join(';', record.Successors), string.Join(';', record.Alliances),
        ];
    }

    private IQueryable<Nation> Filtered(PortalDbContext db, NationListFilter filter)
    {
        var query = db.Nations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var pattern = LikePattern.Contains(filter.Text.Trim());
            query = query.Where(n => EF.Functions.ILike(n.Name, pattern, LikePattern.EscapeCharacter)
                || EF.Functions.ILike(n.Code, pattern, LikePattern.EscapeCharacter)
                || EF.Functions.ILike(n.Iso2, pattern, LikePattern.EscapeCharacter));
        }

        if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            query = query.Where(n => n.Region == filter.Region);
        }

        query = filter.Status switch
        {
            NationStatus.Current => query.Where(n => n.ExistedUntil == null),
            NationStatus.Former => query.Where(n => n.ExistedUntil != null),
            _ => query,
        };

        if (RecordCode.Normalise(filter.Alliance) is { } acronym)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            query = query.Where(n => db.AllianceMemberships.Any(m => m.NationId == n.Id && m.Alliance!.Acronym == acronym
                && (m.Role == MembershipRole.FoundingMember || m.Role == MembershipRole.Member)
                && m.JoinedOn <= today && (m.LeftOn == null || m.LeftOn > today)));
        }

        return query;
    }

    private static KeysetOrder<Nation, NationListItem> OrderOf(NationSort sort) => sort switch
    {
        NationSort.NameDescending => ByNameDescending,
        NationSort.CodeAscending => ByCode,
        _ => ByNameAscending,
    };

    private static readonly KeysetOrder<Nation, NationListItem> ByNameAscending = Keyset.By<Nation, NationListItem, string>(n => n.Name, n => n.Id, descending: false, s => (s.Name, s.Id));
    private static readonly KeysetOrder<Nation, NationListItem> ByNameDescending = Keyset.By<Nation, NationListItem, string>(n => n.Name, n => n.Id, descending: true, s => (s.Name, s.Id));
    private static readonly KeysetOrder<Nation, NationListItem> ByCode = Keyset.By<Nation, NationListItem, string>(n => n.Code, n => n.Id, descending: false, s => (s.Code, s.Id));
}
