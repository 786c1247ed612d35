using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>
/// The engagement list with the keyboard only (Tab, typing, Enter, arrows): filter by two nations, open a
/// record and come back to the same filtered list, then page on.
/// </summary>
public partial class KeyboardOnlyList(BrowserPortal portal) : IClassFixture<BrowserPortal>, IAsyncLifetime
{
    // More than a page (50) of engagements between France and Germany, the newest of the list.
    public async Task InitializeAsync() => await portal.Database.ExecuteAsync("""
        INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, is_demo)
        SELECT 'Rhine keyboard talks ' || lpad(i::text, 2, '0'), 'StaffTalks', 'FaceToFace', CURRENT_DATE - i, 'Keyboard journey', 'Positive', 'Unclassified', false
        FROM generate_series(1, 60) AS i
        WHERE NOT EXISTS (SELECT 1 FROM engagements WHERE title LIKE 'Rhine keyboard talks %');
        INSERT INTO engagement_participants (engagement_id, nation_id, is_lead)
        SELECT e.id, n.id, n.code = 'FRA' FROM engagements e CROSS JOIN nations n
        WHERE e.title LIKE 'Rhine keyboard talks %' AND n.code IN ('FRA', 'DEU')
        ON CONFLICT DO NOTHING;
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task FiltersByTwoNationsOpensARecordComesBackAndPagesOnWithKeysOnly()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "analyst");
        await page.GotoAsync("/engagements");
        await BrowserPortal.WaitUntilInteractiveAsync(page);

        await page.TabToAsync(".nation-picker input");
        await page.PickNationByKeyboardAsync("France", "France (FRA)");
        await Assertions.Expect(page).ToHaveURLAsync(FranceOnly());
        // The list has loaded France's engagements and counted them: the page no longer re-renders under the typing.
        await Assertions.Expect(page.Locator("[data-testid=match-count]")).ToHaveTextAsync(MatchCount());
        await page.TabToAsync(".nation-picker input");
        // By code, which offers Germany alone: Enter then cannot meet the offers of a shorter prefix still on their way.
        await page.PickNationByKeyboardAsync("DEU", "Germany (DEU)");
        await Assertions.Expect(page).ToHaveURLAsync(FranceAndGermany());

        var rows = page.Locator("tbody tr");
        await Assertions.Expect(page.GetByText("Rhine keyboard talks 01")).ToBeVisibleAsync();
        foreach (var participants in await page.Locator("td[data-label=Participants]").AllInnerTextsAsync())
        {
            Assert.Contains("France", participants, StringComparison.Ordinal);
            Assert.Contains("Germany", participants, StringComparison.Ordinal);
        }

        var firstOnPageOne = await rows.First.Locator("td[data-label=Title]").InnerTextAsync();
        await page.TabToAsync("td a[href^='/engagements/']");
        var opened = await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()");
        await page.Keyboard.PressAsync("Enter");
        // The record carries the list's address, for its back link.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/engagements/[0-9]+\\?back=%2Fengagements%3Fnation%3DFRA%26nation%3DDEU$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(opened);

        // Back by the record's own link, which carries the list's filters.
        await page.TabToAsync("main a[href='/engagements?nation=FRA&nation=DEU']");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(FranceAndGermany());
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(rows.First.Locator("td[data-label=Title]")).ToHaveTextAsync(firstOnPageOne);

        await page.TabToAsync("a[rel=next]", maxPresses: 200);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/engagements\\?nation=FRA&nation=DEU&after=[^&]+$"));
        await Assertions.Expect(rows.First.Locator("td[data-label=Title]")).Not.ToHaveTextAsync(firstOnPageOne);
        await Assertions.Expect(page.Locator("a[rel=prev]")).ToBeVisibleAsync();

        Assert.Empty(errors);
    }

    [GeneratedRegex("[0-9]+\\+? engagements match")]
    private static partial Regex MatchCount();

    [GeneratedRegex("/engagements\\?nation=FRA$")]
    private static partial Regex FranceOnly();

    [GeneratedRegex("/engagements\\?nation=FRA&nation=DEU$")]
    private static partial Regex FranceAndGermany();
}
