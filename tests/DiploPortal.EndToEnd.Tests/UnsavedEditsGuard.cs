using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>Leaving an editor with edits that were not saved asks first; leaving one without edits, or by Cancel, does not.</summary>
public class UnsavedEditsGuard(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task AsksBeforeANavigationLinkDropsTheEditsAndStayKeepsThem()
    {
        var id = await portal.InsertEngagementAsync("Guarded talks on radar sharing");
        var (page, errors) = await portal.OpenAsStaffAsync($"/engagements/{id}/edit");
        await Assertions.Expect(page.GetByLabel("Title")).ToHaveValueAsync("Guarded talks on radar sharing");

        await page.GetByLabel("Title").FillAsync("Guarded talks, renamed");
        await page.NavigationLink("Exercises").ClickAsync();

        var question = page.GetByRole(AriaRole.Dialog).Filter(new() { HasText = "Leave without saving?" });
        await Assertions.Expect(question).ToBeVisibleAsync();
        await page.AssertNoBlockingAxeViolationsAsync();
        await question.GetByRole(AriaRole.Button, new() { Name = "Stay" }).ClickAsync();

        await Assertions.Expect(question).ToBeHiddenAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/engagements/{id}/edit$"));
        await Assertions.Expect(page.GetByLabel("Title")).ToHaveValueAsync("Guarded talks, renamed");

        // The edit is still unsaved: closing the tab now gets the browser's own question.
        var beforeUnload = new TaskCompletionSource<string>();
        page.Dialog += async (_, dialog) =>
        {
            beforeUnload.TrySetResult(dialog.Type);
            await dialog.DismissAsync();
        };
        await page.CloseAsync(new() { RunBeforeUnload = true });
        Assert.Equal(DialogType.BeforeUnload, await beforeUnload.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.False(page.IsClosed);

        await page.NavigationLink("Exercises").ClickAsync();
        await question.GetByRole(AriaRole.Button, new() { Name = "Leave" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/exercises$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Joint exercises");
        Assert.Equal("Guarded talks on radar sharing", await portal.Database.ScalarAsync<string>($"SELECT title FROM engagements WHERE id = {id}"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task LeavesWithoutAskingWhenNothingChangedOrOnCancel()
    {
        var id = await portal.InsertEngagementAsync("Unguarded talks on logistics");
        var (page, errors) = await portal.OpenAsStaffAsync($"/engagements/{id}/edit");
        await Assertions.Expect(page.GetByLabel("Title")).ToHaveValueAsync("Unguarded talks on logistics");

        // Nothing changed: straight through.
        await page.NavigationLink("Missions").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Humanitarian missions");

        // Changed, then Cancel: a choice to drop the edit, so no question.
        await page.GotoAsync($"/engagements/{id}/edit");
        await BrowserPortal.WaitUntilInteractiveAsync(page);
        await page.GetByLabel("Title").FillAsync("Unguarded talks, renamed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Unguarded talks on logistics");
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        Assert.Empty(errors);
    }
}
