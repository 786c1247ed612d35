using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DiploPortal.Core.Common;
using DiploPortal.Core.Security;
using DiploPortal.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DiploPortal.Web.Tests.Accounts;

/// <summary>
/// Failed sign-ins slow the client that makes them and never lock the account; an unknown user name, a
/// wrong password and a locked account are answered alike, after the same work.
/// </summary>
public partial class SignInThrottling(AccountsPortal portal) : IClassFixture<AccountsPortal>
{
    [Fact]
    public async Task AnswersAnUnknownNameAWrongPasswordAndALockedAccountAlikeOnTheApi()
    {
        var user = await portal.CreateAccountAsync();
        var locked = await LockedAccountAsync();
        using var api = ClientFrom("198.51.100.1");

        var answers = new List<string>();
        foreach (var (name, password) in new[] { ("nobody-" + Guid.NewGuid().ToString("N")[..8], DemoAccounts.Password), (user.UserName!, "not the right password"), (locked.UserName!, DemoAccounts.Password) })
        {
            using var response = await api.PostAsJsonAsync(new Uri("/api/auth/token", UriKind.Relative), new { userName = name, password });
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            answers.Add($"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType} {body.RootElement.GetProperty("title")} {body.RootElement.GetProperty("detail")}");
        }

        Assert.Equal($"401 application/problem+json Unauthorized {PasswordCheck.Refusal}", answers[0]);
        Assert.All(answers, answer => Assert.Equal(answers[0], answer));
    }

    [Fact]
    public async Task AnswersAnUnknownNameAWrongPasswordAndALockedAccountAlikeOnTheSignInPage()
    {
        var user = await portal.CreateAccountAsync();
        var locked = await LockedAccountAsync();
        using var browser = BrowserFrom("198.51.100.2");

        var answers = new List<string>();
        foreach (var (name, password) in new[] { ("nobody-" + Guid.NewGuid().ToString("N")[..8], DemoAccounts.Password), (user.UserName!, "not the right password"), (locked.UserName!, DemoAccounts.Password) })
        {
            using var response = await AccountsPortal.PostSignInAsync(browser, name, password);
            answers.Add($"{(int)response.StatusCode} {ErrorMessage().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value}");
        }

        Assert.Equal($"200 {PasswordCheck.Refusal}", answers[0]);
        Assert.All(answers, answer => Assert.Equal(answers[0], answer));
    }

    [Fact]
    public async Task VerifiesAPasswordHashForEveryOutcome()
    {
        var hashes = new CountingHasher();
        await using var counted = portal.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<IPasswordHasher<PortalUser>>(sp => hashes.Around(new PasswordHasher<PortalUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>())))));
        var user = await portal.CreateAccountAsync();
        var locked = await LockedAccountAsync();
        using var api = counted.CreateClient();
        api.DefaultRequestHeaders.Add(AccountsPortal.ClientHeader, "198.51.100.3");
        // The dummy hash for unknown names is made once, on first use: not part of any later answer's work.
        using var warmUp = await api.PostAsJsonAsync(new Uri("/api/auth/token", UriKind.Relative), new { userName = "nobody-warm-up", password = "x" });

        var verified = new Dictionary<string, int>();
        foreach (var (outcome, name, password) in new[]
        {
            ("unknown", "nobody-" + Guid.NewGuid().ToString("N")[..8], DemoAccounts.Password),
            ("wrong", user.UserName!, "not the right password"),
            ("locked", locked.UserName!, DemoAccounts.Password),
            ("right", user.UserName!, DemoAccounts.Password),
        })
        {
            var before = hashes.Verifications;
            using var response = await api.PostAsJsonAsync(new Uri("/api/auth/token", UriKind.Relative), new { userName = name, password });
            verified[outcome] = hashes.Verifications - before;
        }

        Assert.Equal(new Dictionary<string, int> { ["unknown"] = 1, ["wrong"] = 1, ["locked"] = 1, ["right"] = 1 }, verified);
    }

    [Fact]
    public async Task LetsTheOwnerSignInWhateverAStrangerTried()
    {
        var owner = await portal.CreateAccountAsync(PortalRole.Administrator, Classification.Secret, "GBR");
        using var stranger = ClientFrom("203.0.113.66");
        for (var attempt = 0; attempt < 12; attempt++)
        {
            using var guess = await stranger.PostAsJsonAsync(new Uri("/api/auth/token", UriKind.Relative), new { userName = owner.UserName, password = $"guess number {attempt}" });
        }

        using var ownersApi = ClientFrom("198.51.100.4");
        using var ownersToken = await ownersApi.PostAsJsonAsync(new Uri("/api/auth/token", UriKind.Relative), new { userName = owner.UserName, password = DemoAccounts.Password });
        using var ownersBrowser = BrowserFrom("198.51.100.4");
        using var ownersSignIn = await AccountsPortal.PostSignInAsync(ownersBrowser, owner.UserName!, DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, ownersToken.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, ownersSignIn.StatusCode);
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>($"SELECT count(*) FROM users WHERE id = {owner.Id} AND (lockout_end IS NOT NULL OR access_failed_count > 0)"));
    }

    [Fact]
    public async Task PausesAClientThatKeepsGuessingOneAccount()
    {
        var user = await portal.CreateAccountAsync();
        using var guesser = ClientFrom("203.0.113.7");
        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var guess = await guesser.PostAsJsonAsync(new Uri("/api/auth/token", UriKind.Relative), new { userName = user.UserName, password = $"guess number {attempt}" });
            answers.Add(guess.StatusCode);
        }

        // Even the right password waits: the pause does not depend on what is tried.
        using var paused = await guesser.PostAsJsonAsync(new Uri("/api/auth/token", UriKind.Relative), new { userName = user.UserName, password = DemoAccounts.Password });
        using var browser = BrowserFrom("203.0.113.7");
        using var pausedPage = await AccountsPortal.PostSignInAsync(browser, user.UserName!, DemoAccounts.Password);

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, paused.StatusCode);
        Assert.InRange(paused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.Equal("application/problem+json", paused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Too many failed sign-ins", await pausedPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PausesAClientThatTriesManyNamesAndTellsNothingAboutWhichExist()
    {
        await using var strict = portal.WithWebHostBuilder(builder => builder.UseSetting("Portal:SignInThrottle:FailuresPerClient", "4"));
        var user = await portal.CreateAccountAsync();
        using var sprayer = strict.CreateClient();
        sprayer.DefaultRequestHeaders.Add(AccountsPortal.ClientHeader, "203.0.113.8");
        var answers = new List<HttpStatusCode>();
        foreach (var name in new[] { "nobody-1", "nobody-2", user.UserName!, "nobody-3", "nobody-4", user.UserName! })
        {
            using var guess = await sprayer.PostAsJsonAsync(new Uri("/api/auth/token", UriKind.Relative), new { userName = name, password = "summer 2026 password" });
            answers.Add(guess.StatusCode);
        }

        using var elsewhere = strict.CreateClient();
        elsewhere.DefaultRequestHeaders.Add(AccountsPortal.ClientHeader, "198.51.100.5");
        using var owner = await elsewhere.PostAsJsonAsync(new Uri("/api/auth/token", UriKind.Relative), new { userName = user.UserName, password = DemoAccounts.Password });

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
    }

    private async Task<PortalUser> LockedAccountAsync()
    {
        var user = await portal.CreateAccountAsync();
        // As an administrator's lock leaves it: until unlocked.
        await portal.Database.ExecuteAsync($"UPDATE users SET lockout_enabled = true, lockout_end = 'infinity' WHERE id = {user.Id}");
        return user;
    }

    private HttpClient ClientFrom(string address)
    {
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Add(AccountsPortal.ClientHeader, address);
        return client;
    }

    private HttpClient BrowserFrom(string address)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(AccountsPortal.ClientHeader, address);
        return client;
    }

    [GeneratedRegex("<div class=\"account-error\" role=\"alert\">([^<]*)</div>")]
    private static partial Regex ErrorMessage();

    /// <summary>The portal's own hasher, counted: every verification, whatever its outcome.</summary>
    private sealed class CountingHasher
    {
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public IPasswordHasher<PortalUser> Around(IPasswordHasher<PortalUser> inner) => new Counted(inner, this);

        private sealed class Counted(IPasswordHasher<PortalUser> inner, CountingHasher counter) : IPasswordHasher<PortalUser>
        {
            public string HashPassword(PortalUser user, string password) => inner.HashPassword(user, password);

            public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
            {
                Interlocked.Increment(ref counter._verifications);
                return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
            }
        }
    }
}
