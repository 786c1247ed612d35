using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>A search with more matches than a page: the next page shows other results, in the address, with a way back.</summary>
public partial class PagedSearch(BrowserPortal portal) : IClassFixture<BrowserPortal>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.Database.ExecuteAsync("""
        INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, is_demo)
        SELECT 'Cormorant patrol talks ' || lpad(i::text, 2, '0'), 'StaffTalks', 'FaceToFace', CURRENT_DATE - i, 'The cormorant patrol', 'Positive', 'Unclassified', false
        FROM generate_series(1, 30) AS i
        WHERE NOT EXISTS (SELECT 1 FROM engagements WHERE title LIKE 'Cormorant patrol talks %');
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheNextPageShowsOtherResultsAndThePreviousLinkComesBack()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "analyst");
        await page.GotoAsync("/search?q=cormorant");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        var titles = page.Locator("ol.search-results a.search-title");

        await Assertions.Expect(page.Locator("[data-testid=search-count]")).ToHaveTextAsync("30 matches; 1 to 25 shown.");
        await Assertions.Expect(titles).ToHaveCountAsync(25);
        var first = await titles.AllInnerTextsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Next 25" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(SecondPage());
        await Assertions.Expect(page.Locator("[data-testid=search-count]")).ToHaveTextAsync("30 matches; 26 to 30 shown.");
        await Assertions.Expect(titles).ToHaveCountAsync(5);
        var second = await titles.AllInnerTextsAsync();
        Assert.Empty(second.Intersect(first));
        Assert.Equal(30, first.Concat(second).Distinct().Count());
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Next 25" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Previous 25" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(FirstPage());
        await Assertions.Expect(titles).ToHaveCountAsync(25);
        Assert.Equal(first, await titles.AllInnerTextsAsync());

        Assert.Empty(errors);
    }

    [GeneratedRegex("/search\\?q=cormorant&page=2$")]
    private static partial Regex SecondPage();

    [GeneratedRegex("/search\\?q=cormorant$")]
    private static partial Regex FirstPage();
}
