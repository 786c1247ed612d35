using System.Net;
using DiploPortal.Web.Tests.Accounts;

namespace DiploPortal.Web.Tests.Pages;

public class AccountPagesRendering(AccountsPortal portal) : IClassFixture<AccountsPortal>
{
    [Fact]
    public async Task ListsTheAccountsWithLinksToEach()
    {
        var html = await AsAdministratorAsync("/admin/accounts");
        var analyst = await AccountIdAsync("analyst-restricted");

        Assert.Contains("analyst-restricted", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/accounts/{analyst}\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/accounts/new\"", html, StringComparison.Ordinal);
        Assert.Contains("RESTRICTED", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowsTheCreateForm()
    {
        var html = await AsAdministratorAsync("/admin/accounts/new");

        Assert.Contains("New account", html, StringComparison.Ordinal);
        Assert.Contains("Initial password", html, StringComparison.Ordinal);
        Assert.Contains("At least 12 characters", html, StringComparison.Ordinal);
        Assert.Contains("Create account", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowsAnAccountWithItsActions()
    {
        var html = await AsAdministratorAsync($"/admin/accounts/{await AccountIdAsync("planner")}");

        Assert.Contains("Exercise planner", html, StringComparison.Ordinal);
        Assert.Contains("Details and permissions", html, StringComparison.Ordinal);
        Assert.Contains("Save changes", html, StringComparison.Ordinal);
        Assert.Contains(">Lock<", html, StringComparison.Ordinal);
        Assert.Contains("Set new password", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListsTheAccountsAccessTokensWithAWayToRevokeThem()
    {
        using var client = portal.CreateClient();
        var token = await ApiTokens.IssueAsync(client, "analyst");

        var html = await AsAdministratorAsync($"/admin/accounts/{await AccountIdAsync("analyst")}");

        Assert.Contains("Access tokens", html, StringComparison.Ordinal);
        Assert.Contains($"{token[..12]}…", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Revoke API session\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(token, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartsANewAccountWithTheAdministratorsOwnNationality()
    {
        var html = await AsAdministratorAsync("/admin/accounts/new");

        Assert.Contains("only your own nationality", html, StringComparison.Ordinal);
        Assert.Matches("value=\"[^\"]*\\(GBR\\)\"", html);
    }

    [Fact]
    public async Task KeepsAnAdministratorFromLockingTheirOwnAccount()
    {
        var html = await AsAdministratorAsync($"/admin/accounts/{await AccountIdAsync("admin")}");

        Assert.Contains("This is your own account", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaysWhenThereIsNoSuchAccount()
    {
        var html = await AsAdministratorAsync("/admin/accounts/987654");

        Assert.Contains("Account not found", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IsLinkedFromTheAdministrationOverviewAndTheNavigation()
    {
        var html = await AsAdministratorAsync("/admin");

        Assert.Equal(2, html.Split("href=\"/admin/accounts\"").Length - 1);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("analyst")]
    [InlineData("staff")]
    public async Task IsClosedToAnyoneButAdministrators(string? userName)
    {
        using var client = portal.CreateBrowserClient();
        if (userName is not null)
        {
            await AccountsPortal.SignInAsync(client, userName);
        }

        foreach (var path in new[] { "/admin/accounts", "/admin/accounts/new", $"/admin/accounts/{await AccountIdAsync("analyst")}" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

            if (userName is null)
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/account/sign-in", response.Headers.Location?.ToString(), StringComparison.Ordinal);
            }
            else
            {
                // Signed in, but not an administrator: told so as themselves, and no account leaks into the refusal.
                var html = await response.Content.ReadAsStringAsync();
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                Assert.Contains("You do not have access to this page", html, StringComparison.Ordinal);
                Assert.DoesNotContain("analyst-restricted", html, StringComparison.Ordinal);
            }
        }
    }

    private async Task<string> AsAdministratorAsync(string path)
    {
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, "admin");
        return await client.GetStringAsync(new Uri(path, UriKind.Relative));
    }

    private async Task<int> AccountIdAsync(string userName) =>
        await portal.Database.ScalarAsync<int>($"SELECT id FROM users WHERE user_name = '{userName}'");
}
