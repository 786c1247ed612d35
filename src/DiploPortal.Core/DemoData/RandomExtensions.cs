namespace DiploPortal.Core.DemoData;

/// <summary>Small draws the generator makes over and over; all from one seeded <see cref="Random"/>.</summary>
internal static class RandomExtensions
{
    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    public static bool Chance(this Random rng, double probability) => rng.NextDouble() < probability;

    /// <summary>An integer from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public static int Between(this Random rng, int min, int max) => rng.Next(min, max + 1);

    /// <summary>An index drawn in proportion to <paramref name="weights"/>.</summary>
    public static int Weighted(this Random rng, ReadOnlySpan<int> weights)
    {
        var total = 0;
        foreach (var weight in weights)
        {
            total += weight;
        }

        var target = rng.Next(total);
        for (var i = 0; i < weights.Length; i++)
        {
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
