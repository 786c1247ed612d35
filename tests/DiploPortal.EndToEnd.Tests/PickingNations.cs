using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>The nation picker with keys and typed names: Enter picks and never saves, unknown names stay and are named, picks add up.</summary>
public class PickingNations(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task EnterInThePickerPicksTheHighlightedNationAndDoesNotSaveTheForm()
    {
        var page = await NewEngagementAsync();
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Picker Enter talks");
        var box = page.GetByLabel("Participating nations", new() { Exact = true });
        await box.FocusAsync();
        // One input event, as a paste or a fast typist gives: the offers answer the whole text.
        await box.FillAsync("Norw");
        // The offers for "Norw" itself, not those of a shorter prefix still on their way ("No" offers Lebanon too).
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToHaveTextAsync("Norway (NOR)");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(Chosen(page)).ToContainTextAsync("Norway (NOR) · lead");
        await Assertions.Expect(box).ToHaveValueAsync("");
        // Enter on a name that matches nothing does not save either.
        await page.Keyboard.TypeAsync("Atlantis");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(box).ToHaveValueAsync("Atlantis");

        Assert.EndsWith("/engagements/new", page.Url, StringComparison.Ordinal);
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM engagements WHERE title = 'Picker Enter talks'"));
    }

    [Fact]
    public async Task ANameThatMatchesNoNationStaysWithAMessageAfterTab()
    {
        var page = await NewEngagementAsync();
        var participants = page.GetByLabel("Participating nations", new() { Exact = true });
        await participants.FocusAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToBeVisibleAsync();
        await page.Keyboard.TypeAsync("Atlantis");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(participants).ToHaveValueAsync("Atlantis");
        await Assertions.Expect(page.GetByText("No nation matches 'Atlantis'.")).ToBeVisibleAsync();

        var host = page.GetByLabel("Host nation", new() { Exact = true });
        await host.FocusAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToBeVisibleAsync();
        await page.Keyboard.TypeAsync("Atlantis");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(host).ToHaveValueAsync("Atlantis");
        await Assertions.Expect(page.GetByText("No nation matches 'Atlantis'.")).ToHaveCountAsync(2);

        // Nothing was chosen, so the save names the missing participant instead of storing "Atlantis".
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Atlantis talks");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create engagement" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Name at least one participating nation.")).ToBeVisibleAsync();
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM engagements WHERE title = 'Atlantis talks'"));
    }

    [Fact]
    public async Task TwoPicksInARowGiveTwoChipsAndAnEmptyBox()
    {
        var page = await NewEngagementAsync();
        var box = page.GetByLabel("Participating nations", new() { Exact = true });
        await box.FillAsync("Franc");
        await page.GetByText("France (FRA)", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(Chosen(page)).ToContainTextAsync("France (FRA) · lead");
        await Assertions.Expect(box).ToHaveValueAsync("");

        await box.PressSequentiallyAsync("Germ");
        await page.GetByText("Germany (DEU)", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(Chosen(page)).ToContainTextAsync("Germany (DEU)");
        await Assertions.Expect(Chosen(page).Locator(".mud-chip")).ToHaveCountAsync(2);
        await Assertions.Expect(box).ToHaveValueAsync("");
    }

    private static ILocator Chosen(IPage page) => page.Locator("[aria-label='Participating nations: chosen']");

    private async Task<IPage> NewEngagementAsync()
    {
        var (page, _) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "staff");
        await page.GotoAsync("/engagements/new");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        return page;
    }
}
