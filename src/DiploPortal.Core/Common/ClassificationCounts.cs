using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Common;

/// <summary>How many of some records there are at each classification, for an export's opening lines.</summary>
public static class ClassificationCounts
{
    public static async Task<IReadOnlyDictionary<Classification, int>> OfAsync<T>(IQueryable<T>? matches, CancellationToken cancellationToken)
        where T : ClassifiedRecord =>
        matches is null
            ? new Dictionary<Classification, int>()
            : await matches.GroupBy(r => r.Classification).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
}
