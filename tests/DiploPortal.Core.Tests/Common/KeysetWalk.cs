using DiploPortal.Core.Common;

namespace DiploPortal.Core.Tests.Common;

/// <summary>Walks a keyset-paged list forward to its end and back to its start, for the listing tests of every kind.</summary>
public static class KeysetWalk
{
    /// <summary>
    /// Asserts that pages of <paramref name="pageSize"/> going forward hold <paramref name="expected"/> exactly once
    /// and in order, and that going back from the last page lands on the same pages.
    /// </summary>
    public static async Task AssertEveryRecordOnceAsync<T>(
        Func<Cursor?, PageDirection, int, Task<KeysetPage<T>>> list, IReadOnlyList<int> expected, Func<T, int> id, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(id);
        var forward = new List<KeysetPage<T>>();
        var page = await list(null, PageDirection.After, pageSize);
        forward.Add(page);
        while (page.Next is { } next)
        {
            page = await list(next, PageDirection.After, pageSize);
            forward.Add(page);
        }

        Assert.Equal(expected, forward.SelectMany(p => p.Items).Select(id));
        Assert.All(forward.SkipLast(1), p => Assert.Equal(pageSize, p.Items.Count));
        Assert.Null(forward[0].Previous);
        Assert.Null(forward[^1].Next);

        for (var i = forward.Count - 1; i > 0; i--)
        {
            var back = await list(forward[i].Previous, PageDirection.Before, pageSize);
            Assert.Equal(forward[i - 1].Items.Select(id), back.Items.Select(id));
        }
    }
}
