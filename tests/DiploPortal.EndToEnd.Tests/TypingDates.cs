using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>
/// Every date field is typed: ISO (2026-11-03) or "3 Nov 2026", read back beside the field, refused with a
/// reason (and the text kept) when it cannot be read, reachable and usable from the keyboard alone; and a
/// reversed range in a list's filters is said beside the range and ignored, not an empty list.
/// </summary>
public class TypingDates(BrowserPortal portal) : IClassFixture<BrowserPortal>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.Database.ExecuteAsync("""
        INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, is_demo)
        SELECT t.title, 'StaffTalks', 'FaceToFace', t.day, 'Liaison', 'Positive', 'Restricted', false
        FROM (VALUES ('Typed day talks', DATE '2025-01-15'), ('Early filter talks', DATE '2024-01-10'), ('Late filter talks', DATE '2026-12-10'))
            AS t(title, day)
        WHERE NOT EXISTS (SELECT 1 FROM engagements WHERE title = t.title);
        INSERT INTO engagement_participants (engagement_id, nation_id, is_lead)
        SELECT e.id, (SELECT id FROM nations WHERE code = 'GBR'), true FROM engagements e
        WHERE e.title IN ('Typed day talks', 'Early filter talks', 'Late filter talks')
        ON CONFLICT DO NOTHING;
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SavesTheDayTypedInEitherForm()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "staff");
        var id = await portal.Database.ScalarAsync<int>("SELECT id FROM engagements WHERE title = 'Typed day talks'");

        foreach (var (before, typed, saved, readAs) in new[]
        {
            ("15 Jan 2025", "3 Nov 2026", "2026-11-03", "Read as Tuesday 3 November 2026"),
            ("3 Nov 2026", "2026-11-04", "2026-11-04", "Read as Wednesday 4 November 2026"),
        })
        {
            await page.GotoAsync($"/engagements/{id}/edit");
            await BrowserPortal.WaitUntilInteractiveAsync(page);
            var day = page.GetByLabel("Day", new() { Exact = true });
            await Assertions.Expect(day).ToHaveValueAsync(before);
            await day.FillAsync(typed);
            await day.PressAsync("Tab");
            await Assertions.Expect(page.GetByText(readAs)).ToBeVisibleAsync();
            await Assertions.Expect(day).ToHaveValueAsync(typed);
            if (saved == "2026-11-03")
            {
                await page.AssertNoBlockingAxeViolationsAsync();
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Typed day talks");
            Assert.Equal(saved, await portal.Database.ScalarAsync<string>($"SELECT occurred_on::text FROM engagements WHERE id = {id}"));
        }

        Assert.Empty(errors);
    }

    [Fact]
    public async Task KeepsUnreadableTextWithItsReasonAndDoesNotSave()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "staff");
        var id = await portal.Database.ScalarAsync<int>("SELECT id FROM engagements WHERE title = 'Early filter talks'");
        await page.GotoAsync($"/engagements/{id}/edit");
        await BrowserPortal.WaitUntilInteractiveAsync(page);

        var day = page.GetByLabel("Day", new() { Exact = true });
        await Assertions.Expect(page.GetByText("Read as Wednesday 10 January 2024")).ToBeVisibleAsync();
        await day.FillAsync("31 Feb 2026");
        await day.PressAsync("Tab");
        await Assertions.Expect(page.GetByText("'31 Feb 2026' is not a day of the calendar")).ToBeVisibleAsync();
        await Assertions.Expect(day).ToHaveValueAsync("31 Feb 2026");
        await day.FillAsync("03/11/2026");
        await day.PressAsync("Tab");
        await Assertions.Expect(page.GetByText("'03/11/2026' is ambiguous")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Not saved: 'Day' could not be read as a date.");
        await Assertions.Expect(day).ToHaveValueAsync("03/11/2026");
        Assert.Equal("2024-01-10", await portal.Database.ScalarAsync<string>($"SELECT occurred_on::text FROM engagements WHERE id = {id}"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task FiltersAListByADayTypedFromTheKeyboardAlone()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "staff");
        await page.GotoAsync("/engagements");
        await BrowserPortal.WaitUntilInteractiveAsync(page);

        // Tab from the top of the page until the From filter has the focus, as a keyboard user would.
        var from = page.GetByLabel("From", new() { Exact = true });
        var fromId = await from.GetAttributeAsync("id");
        for (var presses = 0; presses < 60 && await page.EvaluateAsync<string?>("() => document.activeElement?.id") != fromId; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal(fromId, await page.EvaluateAsync<string?>("() => document.activeElement?.id"));
        await page.Keyboard.TypeAsync("1 Dec 2026");
        await page.Keyboard.PressAsync("Enter");

        await BrowserPortal.ExpectAddressAsync(page, new Regex("[?&]from=2026-12-01"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Late filter talks" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Early filter talks" })).ToHaveCountAsync(0);
        // The day read is said beside the field, and the field names it as its description.
        var describedBy = await from.GetAttributeAsync("aria-describedby");
        Assert.False(string.IsNullOrEmpty(describedBy));
        await Assertions.Expect(page.Locator($"[id='{describedBy!.Split(' ')[0]}']")).ToContainTextAsync("Read as Tuesday 1 December 2026");
        await page.AssertNoBlockingAxeViolationsAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task SaysBesideTheRangeThatAReversedRangeIsIgnoredAndListsTheRows()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "staff");
        await page.GotoAsync("/engagements?q=filter&from=2026-12-31&until=2024-01-01");
        await BrowserPortal.WaitUntilInteractiveAsync(page);

        await Assertions.Expect(page.GetByText("'From' is after 'Until', so the range is ignored.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Early filter talks" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Late filter talks" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Some of the address could not be read")).ToHaveCountAsync(0);

        // Putting the range right applies it again, once the list has counted its rows (the count arriving
        // re-renders the list under the typing).
        await Assertions.Expect(page.Locator("[data-testid=match-count]")).ToContainTextAsync("match");
        var until = page.GetByLabel("Until", new() { Exact = true });
        await until.FillAsync("2027-01-31");
        await until.PressAsync("Tab");
        await BrowserPortal.ExpectAddressAsync(page, new Regex("until=2027-01-31"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Early filter talks" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("so the range is ignored")).ToHaveCountAsync(0);
        Assert.Empty(errors);
    }
}
