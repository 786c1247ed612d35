using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>Text longer than a field takes is kept and named, never cut without a word; the server's message refuses the save.</summary>
public class TextLengthLimits(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task AFiveThousandCharacterTitleIsKeptCountedAndRefused()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "staff");
        await page.GotoAsync("/engagements/new");
        await BrowserPortal.WaitUntilInteractiveAsync(page);

        var title = string.Concat(Enumerable.Repeat("Overlong talks ", 334))[..5000];
        var box = page.GetByLabel("Title", new() { Exact = true });
        await page.PasteIntoAsync(box, title);

        // Nothing is cut; the count and the limit show in the error colour, with the message beside the field.
        await Assertions.Expect(box).ToHaveValueAsync(title);
        await Assertions.Expect(page.Locator(".mud-input-helper-text.mud-input-error", new() { HasText = "5000 / 200" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Keep this to 200 characters; it has 5,000.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Create engagement" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Keep this to 200 characters; it has 5000.")).ToBeVisibleAsync();
        await Assertions.Expect(box).ToHaveValueAsync(title);
        Assert.EndsWith("/engagements/new", page.Url, StringComparison.Ordinal);
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM engagements WHERE title LIKE 'Overlong talks%'"));

        // Shortened to fit, the field's own count speaks again and the message goes.
        await box.FillAsync("Overlong talks, shortened");
        await Assertions.Expect(page.GetByText("25 / 200")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Keep this to 200 characters")).ToHaveCountAsync(0);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task AFiftyThousandCharacterPasteSaysWhatWasLeftOutAndTheFormStaysAlive()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "staff");
        await page.GotoAsync("/engagements/new");
        await BrowserPortal.WaitUntilInteractiveAsync(page);

        var summary = page.GetByLabel("Summary", new() { Exact = true });
        await page.PasteIntoAsync(summary, string.Concat(Enumerable.Repeat("Forty-nine ", 5000))[..50_000]);

        await Assertions.Expect(page.GetByText("20000 / 8000")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("The box takes at most 20,000 characters; the rest of what was pasted was left out.", new() { Exact = false })).ToBeVisibleAsync();
        Assert.Equal(20_000, await summary.EvaluateAsync<int>("e => e.value.length"));

        // The circuit still answers: another field's count follows what is typed.
        var title = page.GetByLabel("Title", new() { Exact = true });
        await title.FillAsync("Still connected");
        await Assertions.Expect(page.GetByText("15 / 200")).ToBeVisibleAsync();
        Assert.Empty(errors);
    }
}
