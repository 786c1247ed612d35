using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>Signing in in a real Chromium, and the interactive pages honouring the user's clearance.</summary>
public class SigningInJourney(BrowserPortal portal) : IClassFixture<BrowserPortal>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.Database.ExecuteAsync("""
        INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, is_demo)
        SELECT 'Operation Nightjar talks', 'StaffTalks', 'SecureDigitalPlatform', CURRENT_DATE + 1, '', 'Pending', 'Secret', false
        WHERE NOT EXISTS (SELECT 1 FROM engagements WHERE title = 'Operation Nightjar talks')
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("analyst", true)]
    [InlineData("analyst-restricted", false)]
    public async Task ASignedInUserSeesExactlyWhatTheyAreClearedFor(string userName, bool seesSecret)
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, userName);
        await Assertions.Expect(page.Locator("[data-testid=signed-in-user]")).ToHaveTextAsync(userName);

        // Navigating inside the circuit: the page renders without a request, from the circuit's user.
        await page.Locator("nav a[href='/engagements']").ClickAsync();
        await BrowserPortal.ExpectAddressAsync(page, new System.Text.RegularExpressions.Regex("/engagements$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Engagements");
        await page.Locator("main table").First.WaitForAsync();

        var nightjar = page.Locator("main").GetByText("Operation Nightjar talks");
        if (seesSecret)
        {
            await Assertions.Expect(nightjar).ToBeVisibleAsync();
        }
        else
        {
            await Assertions.Expect(nightjar).ToHaveCountAsync(0);
        }

        Assert.Empty(errors);
    }
}
