using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Common;

/// <summary>
/// One sort order of a list, paged by keyset: rows are ordered by a key and then the id, and a page starts
/// strictly past a <see cref="Cursor"/> with a row-value comparison, <c>(key, id) &lt; (@key, @id)</c>, that
/// PostgreSQL answers from an index on (key, id) at any depth (an OR of two comparisons would be a filter).
/// </summary>
/// <typeparam name="TEntity">The rows sorted.</typeparam>
/// <typeparam name="TItem">What a page holds: the cursor of a page's edge is read from it.</typeparam>
public abstract class KeysetOrder<TEntity, TItem>
    where TEntity : class
{
    /// <summary>The rows in this order, or in the opposite one (to read the page before a cursor).</summary>
    public abstract IOrderedQueryable<TEntity> Order(IQueryable<TEntity> query, bool reverse);

    /// <summary>The rows past <paramref name="cursor"/> in this order, or before it; all rows for a cursor of another order.</summary>
    public abstract IQueryable<TEntity> Seek(IQueryable<TEntity> query, Cursor cursor, bool backwards);

    public abstract Cursor CursorOf(TItem item);
}

/// <summary>Makes <see cref="KeysetOrder{TEntity, TItem}"/>s and reads pages in them.</summary>
public static class Keyset
{
    private const string DayFormat = "yyyy-MM-dd";

    /// <summary>
    /// An order by <paramref name="key"/> (a day, a text or a number) then <paramref name="id"/>;
    /// <paramref name="position"/> reads both from a listed item.
    /// </summary>
    public static KeysetOrder<TEntity, TItem> By<TEntity, TItem, TKey>(
        Expression<Func<TEntity, TKey>> key, Expression<Func<TEntity, int>> id, bool descending, Func<TItem, (TKey Key, int Id)> position)
        where TEntity : class => new KeyOrder<TEntity, TItem, TKey>(key, id, descending, position);

    /// <summary>
    /// One page of <paramref name="matches"/> in <paramref name="order"/>, after or before <paramref name="cursor"/>
    /// (the first page without one), with the cursors of the pages on either side (null at the ends).
    /// </summary>
    public static async Task<KeysetPage<TItem>> PageAsync<TEntity, TItem>(
        IQueryable<TEntity> matches,
        KeysetOrder<TEntity, TItem> order,
        Expression<Func<TEntity, TItem>> projection,
        Cursor? cursor,
        PageDirection direction,
        int pageSize,
        CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(matches);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var backwards = cursor is not null && direction == PageDirection.Before;
        var seek = cursor is { } at ? order.Seek(matches, at, backwards) : matches;
        var rows = await order.Order(seek, backwards).Take(pageSize + 1).Select(projection).ToListAsync(cancellationToken);

        var more = rows.Count > pageSize;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        if (backwards)
        {
            rows.Reverse();
        }

        var hasPrevious = backwards ? more : cursor is not null;
        var hasNext = backwards || more;
        return new KeysetPage<TItem>(
            rows,
            hasPrevious && rows.Count > 0 ? order.CursorOf(rows[0]) : null,
            hasNext && rows.Count > 0 ? order.CursorOf(rows[^1]) : null);
    }

    /// <summary>How many rows match, up to <see cref="MatchCount.Cap"/> (one more is read to know whether there are more).</summary>
    public static async Task<MatchCount> CountAsync<TEntity>(IQueryable<TEntity> matches, CancellationToken cancellationToken) =>
        MatchCount.Of(await matches.Take(MatchCount.Cap + 1).CountAsync(cancellationToken));

    private sealed class KeyOrder<TEntity, TItem, TKey>(
        Expression<Func<TEntity, TKey>> key, Expression<Func<TEntity, int>> id, bool descending, Func<TItem, (TKey Key, int Id)> position)
        : KeysetOrder<TEntity, TItem>
        where TEntity : class
    {
        private readonly Expression<Func<TEntity, int>> _id = Rebind(id, key.Parameters[0]);

        public override IOrderedQueryable<TEntity> Order(IQueryable<TEntity> query, bool reverse) =>
            descending != reverse
                ? query.OrderByDescending(key).ThenByDescending(_id)
                : query.OrderBy(key).ThenBy(_id);

        public override IQueryable<TEntity> Seek(IQueryable<TEntity> query, Cursor cursor, bool backwards)
        {
            if (!TryParse(cursor.Key, out var value))
            {
                return query;
            }

            // The cursor's values go through a closure object, so that EF sends them as parameters and the plan is reused.
            var at = new SeekPosition(value, cursor.Id);
            var row = Expression.Call(typeof(ValueTuple), nameof(ValueTuple.Create), [typeof(TKey), typeof(int)], key.Body, _id.Body);
            var bound = Expression.Call(
                typeof(ValueTuple),
                nameof(ValueTuple.Create),
                [typeof(TKey), typeof(int)],
                Expression.Property(Expression.Constant(at), nameof(SeekPosition.Key)),
                Expression.Property(Expression.Constant(at), nameof(SeekPosition.Id)));
            var compare = ((MethodCallExpression)(descending != backwards ? Below : Above).Body).Method;
            var operand = compare.GetParameters()[1].ParameterType;
            var body = Expression.Call(compare, Expression.Constant(EF.Functions), Expression.Convert(row, operand), Expression.Convert(bound, operand));
            return query.Where(Expression.Lambda<Func<TEntity, bool>>(body, key.Parameters));
        }

        public override Cursor CursorOf(TItem item)
        {
            var (value, rowId) = position(item);
            return new Cursor(Format(value), rowId);
        }

        private static readonly Expression<Func<ValueTuple<TKey, int>, ValueTuple<TKey, int>, bool>> Below = (a, b) => EF.Functions.LessThan(a, b);
        private static readonly Expression<Func<ValueTuple<TKey, int>, ValueTuple<TKey, int>, bool>> Above = (a, b) => EF.Functions.GreaterThan(a, b);

        private static string Format(TKey value) => value switch
        {
            DateOnly day => day.ToString(DayFormat, CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value?.ToString() ?? "",
        };

        private static bool TryParse(string text, out TKey value)
        {
            object? parsed = typeof(TKey) switch
            {
                var t when t == typeof(string) => text,
                var t when t == typeof(DateOnly) => DateOnly.TryParseExact(text, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null,
                var t when t == typeof(int) => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null,
                _ => throw new NotSupportedException($"Keyset paging by {typeof(TKey).Name} is not supported."),
            };
            value = parsed is TKey typed ? typed : default!;
            return parsed is not null;
        }

        private static Expression<Func<TEntity, int>> Rebind(Expression<Func<TEntity, int>> expression, ParameterExpression parameter) =>
            Expression.Lambda<Func<TEntity, int>>(new ParameterSwap(expression.Parameters[0], parameter).Visit(expression.Body), parameter);

        private sealed record SeekPosition(TKey Key, int Id);
    }

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
