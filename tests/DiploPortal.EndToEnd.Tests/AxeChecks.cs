using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>axe on a page: the serious and critical violations, which fail a journey.</summary>
internal static class AxeChecks
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    /// <summary>The page's serious and critical violations, as lines naming <paramref name="where"/> and the first elements.</summary>
    public static async Task<IReadOnlyList<string>> BlockingAxeViolationsAsync(this IPage page, string where)
    {
        var axe = await page.RunAxe();
        return axe.Violations
            .Where(v => BlockingImpacts.Contains(v.Impact))
            .Select(v => $"{where}: axe {v.Impact} {v.Id}: {v.Help} ({string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))})")
            .ToList();
    }

    public static async Task AssertNoBlockingAxeViolationsAsync(this IPage page)
    {
        var blocking = await page.BlockingAxeViolationsAsync(page.Url);
        Assert.True(blocking.Count == 0, string.Join(Environment.NewLine, blocking));
    }
}
