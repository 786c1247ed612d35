using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DiploPortal.Core.Common;
using DiploPortal.Core.Security;
using DiploPortal.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DiploPortal.Web.Tests.Accounts;

/// <summary>Personal and session tokens on the API: made, used, refused, revoked, and never stored in clear.</summary>
public class ApiTokens(AccountsPortal portal) : IClassFixture<AccountsPortal>
{
    /// <summary>A session token for a demo account, from the token endpoint.</summary>
    public static async Task<string> IssueAsync(HttpClient client, string userName)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/auth/token", UriKind.Relative), new { userName, password = DemoAccounts.Password });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("token").GetString()!;
    }

    [Fact]
    public async Task IssuesAnHourLongTokenThatActsAsTheAccountOnTheApi()
    {
        using var client = portal.CreateClient();

        using var response = await client.PostAsJsonAsync(new Uri("/api/auth/token", UriKind.Relative), new { userName = "analyst", password = DemoAccounts.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("token").GetString()!;
        var expiresAt = body.RootElement.GetProperty("expiresAt").GetDateTime();
        Assert.StartsWith(AccessTokens.TokenPrefix, token, StringComparison.Ordinal);
        Assert.InRange(expiresAt - DateTime.UtcNow, TimeSpan.FromMinutes(58), TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.OK, (await GetWithTokenAsync("/api/nations", token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetWithTokenAsync("/openapi/v1.json", token)).StatusCode);
    }

    [Fact]
    public async Task OpensTheApiOnlyNotThePages()
    {
        using var client = portal.CreateBrowserClient();
        var token = await IssueAsync(client, "staff");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var page = await client.GetAsync(new Uri("/engagements", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/sign-in", page.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAWrongPasswordWithProblemDetailsAndAuditsTheFailure()
    {
        using var client = portal.CreateClient();

        using var response = await client.PostAsJsonAsync(new Uri("/api/auth/token", UriKind.Relative), new { userName = "planner", password = "not-the-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not correct", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var failures = await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_entries WHERE action = 'SignInFailed' AND actor = 'planner' AND after->>'channel' = 'api'");
        Assert.True(failures >= 1);
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE after::text LIKE '%not-the-password%'"));
    }

    [Fact]
    public async Task GivesNoTokenToALockedAccountEvenWithTheRightPassword()
    {
        var userName = await CreateAccountAsync();
        // As an administrator's lock leaves it; failed passwords never lock (SignInThrottling).
        await portal.Database.ExecuteAsync($"UPDATE users SET lockout_enabled = true, lockout_end = 'infinity' WHERE user_name = '{userName}'");
        using var client = portal.CreateClient();

        using var response = await client.PostAsJsonAsync(new Uri("/api/auth/token", UriKind.Relative), new { userName, password = DemoAccounts.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(PasswordCheck.Refusal, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersAMissingUserNameOrPasswordWithAValidationProblem()
    {
        using var client = portal.CreateClient();

        using var response = await client.PostAsJsonAsync(new Uri("/api/auth/token", UriKind.Relative), new { userName = "analyst" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty("password", out _));
    }

    [Theory]
    [InlineData("dpt_not-a-real-token")]
    [InlineData("something-else")]
    public async Task RefusesAnUnknownTokenWith401ProblemDetails(string token)
    {
        using var response = await GetWithTokenAsync("/api/nations", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task APersonalTokenWorksUntilItsOwnerRevokesIt()
    {
        var userName = await CreateAccountAsync();
        var (userId, token) = await CreatePersonalTokenAsync(userName);
        Assert.Equal(HttpStatusCode.OK, (await GetWithTokenAsync("/api/alliances", token)).StatusCode);

        using (var scope = portal.Services.CreateScope())
        {
            var tokens = scope.ServiceProvider.GetRequiredService<AccessTokens>();
            var listed = Assert.Single(await tokens.ListAsync(userId));
            Assert.NotNull(listed.LastUsedAt);
            Assert.True(await tokens.RevokeAsync(userId, listed.Id));
            Assert.False(await tokens.RevokeAsync(userId, listed.Id));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetWithTokenAsync("/api/alliances", token)).StatusCode);
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_entries WHERE entity_type = 'AccessToken' AND action = 'Updated' AND after->>'RevokedAt' IS NOT NULL AND entity_key IN (SELECT id::text FROM access_tokens WHERE user_id = {userId})"));
    }

    [Fact]
    public async Task RefusesATokenPastItsExpiry()
    {
        var (userId, token) = await CreatePersonalTokenAsync(await CreateAccountAsync());

        await portal.Database.ExecuteAsync(
            $"UPDATE access_tokens SET created_at = now() - interval '2 days', expires_at = now() - interval '1 second' WHERE user_id = {userId}");

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetWithTokenAsync("/api/nations", token)).StatusCode);
    }

    [Fact]
    public async Task StopsWorkingWhenItsAccountIsLocked()
    {
        var userName = await CreateAccountAsync();
        var (_, token) = await CreatePersonalTokenAsync(userName);

        await portal.Database.ExecuteAsync($"UPDATE users SET lockout_end = now() + interval '1 hour' WHERE user_name = '{userName}'");

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetWithTokenAsync("/api/nations", token)).StatusCode);
    }

    [Fact]
    public async Task StoresOnlyTheTokensHashAndKeepsItOutOfTheAuditTrail()
    {
        var (userId, token) = await CreatePersonalTokenAsync(await CreateAccountAsync());
        var secretPart = token[AccessTokens.TokenPrefix.Length..];

        var hash = await portal.Database.ScalarAsync<string>($"SELECT token_hash FROM access_tokens WHERE user_id = {userId}");

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))), hash);
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM access_tokens WHERE strpos(name || prefix || token_hash, '{secretPart}') > 0"));
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_entries WHERE strpos(coalesce(before::text, '') || coalesce(after::text, ''), '{hash}') > 0 OR strpos(coalesce(after::text, ''), '{secretPart}') > 0"));
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_entries WHERE entity_type = 'AccessToken' AND action = 'Created' AND after->>'Name' = 'nightly export' AND entity_key IN (SELECT id::text FROM access_tokens WHERE user_id = {userId})"));
    }

    [Fact]
    public async Task ShowsTheProfilePageWithTheTokenForm()
    {
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, "planner");

        var html = await client.GetStringAsync(new Uri("/account/profile", UriKind.Relative));

        Assert.Contains("Access tokens", html, StringComparison.Ordinal);
        Assert.Contains("Create token", html, StringComparison.Ordinal);
        Assert.Contains("Planner", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesATokenNameHoldingANulCharacterBeforeTheDatabase()
    {
        using var scope = portal.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(await CreateAccountAsync());
        var tokens = scope.ServiceProvider.GetRequiredService<AccessTokens>();

        var refusal = await Assert.ThrowsAsync<ArgumentException>(() => tokens.CreatePersonalAsync(user!.Id, "nightly\0export", 30));

        Assert.StartsWith(FormRules.NulMessage, refusal.Message, StringComparison.Ordinal);
        Assert.Empty(await tokens.ListAsync(user!.Id));
    }

    private async Task<HttpResponseMessage> GetWithTokenAsync(string path, string token)
    {
        using var client = portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    private async Task<string> CreateAccountAsync() => (await portal.CreateAccountAsync()).UserName!;

    private async Task<(int UserId, string Token)> CreatePersonalTokenAsync(string userName)
    {
        using var scope = portal.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(userName);
        var created = await scope.ServiceProvider.GetRequiredService<AccessTokens>().CreatePersonalAsync(user!.Id, "nightly export", 30);
        return (user.Id, created.Token);
    }
}
