using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;

namespace DiploPortal.EndToEnd.Tests;

/// <summary>A person makes an access token on their profile page, a script uses it, the person revokes it.</summary>
public class ProfileJourney(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task MakesATokenThatWorksOnTheApiUntilItIsRevoked()
    {
        var (page, errors) = await portal.OpenPageAsync();
        await BrowserPortal.SignInAsync(page, "planner");

        await page.Locator("[data-testid=signed-in-user]").ClickAsync();
        await BrowserPortal.ExpectAddressAsync(page, new System.Text.RegularExpressions.Regex("/account/profile$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Your profile");
        await page.GetByLabel("Token name").FillAsync("calendar sync");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();

        var shown = page.Locator("[data-testid=new-token] input");
        await Assertions.Expect(shown).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^dpt_"));
        var token = await shown.InputValueAsync();
        Assert.Equal(HttpStatusCode.OK, await CallApiAsync(token));

        var row = page.Locator("tr", new() { HasText = "calendar sync" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke calendar sync" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke now" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Revoked");

        Assert.Equal(HttpStatusCode.Unauthorized, await CallApiAsync(token));
        Assert.Empty(errors);
    }

    private async Task<HttpStatusCode> CallApiAsync(string token)
    {
        using var client = new HttpClient { BaseAddress = portal.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync(new Uri("/api/nations", UriKind.Relative));
        return response.StatusCode;
    }
}
