using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DiploPortal.TestSupport;
using DiploPortal.Web.Accounts;
using DiploPortal.Web.Tests.Accounts;

namespace DiploPortal.Web.Tests.Hosting;

/// <summary>The portal over a PostgreSQL server of its own, which the test kills and starts again.</summary>
public sealed class OutagePortal : PortalWebFactory
{
    public PrivatePostgres Postgres { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["ConnectionStrings:Portal"] = Postgres.ConnectionStringFor("portal"),
        // Its own server, one role: setup migrates with the portal's connection (no owner role to hand over to).
        ["ConnectionStrings:PortalOwner"] = "",
        ["Portal:Setup:ApplyMigrations"] = "true",
        ["Portal:Setup:LoadReferenceData"] = "true",
        ["Portal:Setup:DemoAccounts"] = "true",
        ["Portal:RateLimits:SignIn:PermitLimit"] = "100000",
        ["Portal:RateLimits:Token:PermitLimit"] = "100000",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Postgres = await PrivatePostgres.StartAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
        }
    }
}

/// <summary>
/// kill -9 of the database while writers are busy: every write the portal acknowledged survives; while
/// the database is down the API answers 503 problem details, pages say so and readiness fails; the
/// portal recovers by itself within 30 seconds of the database's return, without a restart.
/// </summary>
public class DatabaseOutage(OutagePortal portal) : IClassFixture<OutagePortal>
{
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task KeepsEveryAcknowledgedWriteAnswers503WhileDownAndRecoversByItself()
    {
        using var api = portal.CreateClient();
        var reader = await TokenAsync(api);
        using var browser = portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await AccountsPortal.SignInAsync(browser, "analyst");

        // Writers: each issued token is a row written and committed before the answer (and an audit entry).
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (await TryTokenAsync(api) is { } token)
                {
                    acknowledged.Add(token);
                }
            }
        })).ToList();
        // Each token costs a password hash (210,000 PBKDF2 rounds): on a busy machine that is seconds.
        for (var waited = Stopwatch.StartNew(); acknowledged.Count < 3 && waited.Elapsed < TimeSpan.FromMinutes(2);)
        {
            await Task.Delay(100);
        }


        await portal.Postgres.KillAsync();

        using (var down = await GetAsync(api, "/api/engagements", reader))
        {
            var problem = await BadInput.ProblemAsync(down, HttpStatusCode.ServiceUnavailable);
            Assert.Equal("The database is not available", problem.GetProperty("title").GetString());
        }

        using (var ready = await api.GetAsync(new Uri("/healthz/ready", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }

        using (var page = await browser.GetAsync(new Uri("/engagements", UriKind.Relative)))
        {
            var html = await page.Content.ReadAsStringAsync();
            Assert.True(html.Contains("The database did not answer", StringComparison.Ordinal) || html.Contains("The database is not available", StringComparison.Ordinal), html);
            Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
        }

        await stop.CancelAsync();
        await Task.WhenAll(writers);
        var ackedBeforeRestart = acknowledged.ToList();

        await portal.Postgres.RestartAfterKillAsync();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var again = await GetAsync(api, "/api/engagements", reader);
            using var ready = await api.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
            if (again.StatusCode == HttpStatusCode.OK && ready.StatusCode == HttpStatusCode.OK)
            {
                break;
            }

            Assert.True(clock.Elapsed < RecoveryLimit, $"Still {again.StatusCode} / ready {ready.StatusCode} after {clock.Elapsed}.");
            await Task.Delay(250);
        }

        using var pageAgain = await browser.GetAsync(new Uri("/engagements", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, pageAgain.StatusCode);
        Assert.DoesNotContain("The database did not answer", await pageAgain.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.NotEmpty(ackedBeforeRestart);
        foreach (var token in ackedBeforeRestart)
        {
            using var response = await GetAsync(api, "/api/nations", token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string address, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    private static async Task<string> TokenAsync(HttpClient client) =>
        await TryTokenAsync(client) ?? throw new InvalidOperationException("No token was issued.");

    private static async Task<string?> TryTokenAsync(HttpClient client)
    {
        using var content = BadInput.JsonContent(new { userName = "analyst", password = DemoAccounts.Password });
        using var response = await client.PostAsync(new Uri("/api/auth/token", UriKind.Relative), content);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            return null;
        }

        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();
    }
}
