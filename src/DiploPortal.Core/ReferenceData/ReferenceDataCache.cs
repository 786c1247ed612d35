using System.Collections.Concurrent;

namespace DiploPortal.Core.ReferenceData;

/// <summary>
/// Nations and alliances as lists read them, kept in memory for a short time. They are reference data:
/// not classified (no visibility filter applies, so every user sees the same rows), a few hundred rows,
/// changed only by <see cref="ReferenceDataLoader"/>, which empties the cache. Without it the engagement
/// list read 255 nations and every alliance with its member count on each page request and again when
/// the page's circuit started (docs/PERFORMANCE.md). Another portal instance that loads reference data
/// cannot empty this one's cache: its lists catch up within <see cref="Lifetime"/>.
/// </summary>
internal static class ReferenceDataCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private static long _generation;

    public static long Generation => Interlocked.Read(ref _generation);

    /// <summary>Forgets every cached list: the next read goes to the database.</summary>
    public static void Invalidate() => Interlocked.Increment(ref _generation);
}

/// <summary>One kind of cached reference list, per key (the database it came from, and anything else it depends on).</summary>
internal sealed class ReferenceDataCache<T>
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>
    /// The cached value, or <paramref name="load"/>'s. A hit completes synchronously, so that a component
    /// awaiting it during prerendering does not render an empty page first.
    /// </summary>
    public async Task<T> GetAsync(string key, Func<Task<T>> load)
    {
        var generation = ReferenceDataCache.Generation;
        var now = Environment.TickCount64;
        if (_entries.TryGetValue(key, out var entry) && entry.Generation == generation && entry.Until > now)
        {
            return entry.Value;
        }

        var value = await load();
        _entries[key] = new Entry(generation, now + (long)ReferenceDataCache.Lifetime.TotalMilliseconds, value);
        return value;
    }

    /// <summary>
    /// The cached value if it is younger than <paramref name="maxAge"/> (and no save emptied the cache since),
    /// or <paramref name="load"/>'s, for callers that cannot await (a scope's user is read synchronously).
    /// </summary>
    public T Get(string key, TimeSpan maxAge, Func<T> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var generation = ReferenceDataCache.Generation;
        var now = Environment.TickCount64;
        if (_entries.TryGetValue(key, out var entry) && entry.Generation == generation && entry.Until > now)
        {
            return entry.Value;
        }

        var value = load();
        _entries[key] = new Entry(generation, now + (long)maxAge.TotalMilliseconds, value);
        return value;
    }

    private sealed record Entry(long Generation, long Until, T Value);
}
