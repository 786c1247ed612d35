using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using DiploPortal.Core.Data;
using DiploPortal.Core.Data.Configurations;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Common;

/// <summary>
/// The read side every filtered record list shares: a page by keyset, the capped count, the counts by
/// classification and the export stream, all from one filter through the user-bound context (the global
/// filter hides what the user may not see). A kind says how its filter selects rows, how each order sorts
/// them, and what a list item and an export row hold.
/// </summary>
public abstract class RecordListQueries<TEntity, TFilter, TItem, TRecord>(IDbContextFactory<PortalDbContext> dbFactory) : IExportSource<TFilter, TRecord>
    where TEntity : ClassifiedRecord, ISearchable
    where TFilter : class, IRecordFilter
{
    protected IDbContextFactory<PortalDbContext> DbFactory => dbFactory;

    /// <summary>What a page's rows hold.</summary>
    protected abstract Expression<Func<TEntity, TItem>> Item { get; }

    /// <summary>What an export's rows hold.</summary>
    protected abstract Expression<Func<TEntity, TRecord>> Record { get; }

    /// <summary>One page of the records that match <paramref name="filter"/>, after or before <paramref name="cursor"/> (the first page without one).</summary>
    public async Task<KeysetPage<TItem>> ListAsync(TFilter filter, Cursor? cursor, PageDirection direction, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await MatchesAsync(db, filter, cancellationToken) is { } matches
            ? await Keyset.PageAsync(matches, OrderOf(filter), Item, cursor, direction, pageSize, cancellationToken)
            : new KeysetPage<TItem>([], null, null);
    }

    /// <summary>How many records the filter selects, counted up to <see cref="MatchCount.Cap"/>.</summary>
    public async Task<MatchCount> CountAsync(TFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await MatchesAsync(db, filter, cancellationToken) is { } matches ? await Keyset.CountAsync(matches, cancellationToken) : MatchCount.Of(0);
    }

    public async Task<IReadOnlyDictionary<Classification, int>> CountByClassificationAsync(TFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await MatchesAsync(db, filter, cancellationToken) is not { } matches)
        {
            return new Dictionary<Classification, int>();
        }

        return await matches.GroupBy(r => r.Classification).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }

    /// <summary>Every record the filter selects, in its order, streamed (an export may hold a million rows).</summary>
    public async IAsyncEnumerable<TRecord> StreamAsync(TFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await MatchesAsync(db, filter, cancellationToken) is not { } matches)
        {
            yield break;
        }

        await foreach (var row in OrderOf(filter).Order(matches, reverse: false).Select(Record).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>
    /// The records the filter selects: the kind's own filters (<see cref="FilteredAsync"/>), then the marking
    /// and the words every kind shares; null when nothing can match.
    /// </summary>
    protected async Task<IQueryable<TEntity>?> MatchesAsync(PortalDbContext db, TFilter filter, CancellationToken cancellationToken)
    {
        if (await FilteredAsync(db, filter, cancellationToken) is not { } query)
        {
            return null;
        }

        if (filter.Classification is { } classification)
        {
            query = query.Where(r => r.Classification == classification);
        }

        if (filter.Text is { } text && !string.IsNullOrWhiteSpace(text))
        {
            query = query.Where(r => r.SearchVector!.Matches(EF.Functions.WebSearchToTsQuery(ClassifiedRecordConfiguration.TextSearchConfiguration, text)));
        }

        return query;
    }

    /// <summary>
    /// The records the kind's own filters select (not the marking or the words, which
    /// <see cref="MatchesAsync"/> adds), visible to the context's user; null when it names a nation or an
    /// alliance that does not exist, so that nothing matches.
    /// </summary>
    protected abstract Task<IQueryable<TEntity>?> FilteredAsync(PortalDbContext db, TFilter filter, CancellationToken cancellationToken);

    /// <summary>The keyset order the filter asks for; each needs an index on its (key, id).</summary>
    protected abstract KeysetOrder<TEntity, TItem> OrderOf(TFilter filter);

    /// <summary>
    /// The ids of the nations with <paramref name="codes"/>, in their order; null when one of them does not
    /// exist (a filter naming it matches nothing). More than <see cref="NationSet.Max"/> is refused: the
    /// address readers say so before a query is built.
    /// </summary>
    protected async Task<IReadOnlyList<int>?> NationIdsAsync(PortalDbContext db, NationSet codes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.Count > NationSet.Max)
        {
            throw new ArgumentException($"At most {NationSet.Max} nations can be asked for at once.", nameof(codes));
        }

        var wanted = codes.ToList();
        var ids = await db.Nations.Where(n => wanted.Contains(n.Code)).Select(n => new { n.Code, n.Id }).ToDictionaryAsync(n => n.Code, n => n.Id, cancellationToken);
        return ids.Count == wanted.Count ? wanted.Select(c => ids[c]).ToList() : null;
    }

    /// <summary>The id of the alliance with <paramref name="acronym"/> (any case), or null when there is none.</summary>
    protected async Task<int?> AllianceIdAsync(PortalDbContext db, string acronym, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var wanted = RecordCode.Normalise(acronym);
        return await db.Alliances.Where(a => a.Acronym == wanted).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
