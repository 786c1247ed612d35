using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
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
        ["ConnectionStrings:Portal"] = Postgres.ConnectionStringFor("portal", TestPostgres.PortalRole),
        ["ConnectionStrings:PortalOwner"] = Postgres.ConnectionStringFor("portal", TestPostgres.OwnerRole),
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
        await Postgres.CreatePortalDatabaseAsync("portal");
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
        using var staff = portal.CreateClient();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiTokens.IssueAsync(staff, "staff"));
        using var browser = portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await AccountsPortal.SignInAsync(browser, "analyst");

        // Writers: each issued token is a row written and committed before the answer (and an audit entry).
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        // And editors' saves through the write API: each 201 is an engagement committed before the answer.
        var created = new System.Collections.Concurrent.ConcurrentBag<int>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (await TryTokenAsync(api) is { } token)
                {
                    acknowledged.Add(token);
                }
            }
        })).Concat(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (await TryCreateAsync(staff, "Written during the outage drill") is { } id)
                {
                    created.Add(id);
                }
            }
        }))).ToList();
        // Each token costs a password hash (210,000 PBKDF2 rounds): on a busy machine that is seconds.
        for (var waited = Stopwatch.StartNew(); (acknowledged.Count < 3 || created.Count < 3) && waited.Elapsed < TimeSpan.FromMinutes(2);)
        {
            await Task.Delay(100);
        }

        // One engagement to change while the database is down and again after it returns.
        var (changedId, changedTag) = await CreateAsync(staff);

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

        using (var post = await staff.PostAsJsonAsync(new Uri("/api/engagements", UriKind.Relative), Body("Refused while down")))
        {
            var problem = await BadInput.ProblemAsync(post, HttpStatusCode.ServiceUnavailable);
            Assert.Equal("The database is not available", problem.GetProperty("title").GetString());
            Assert.NotNull(post.Headers.RetryAfter);
        }

        using (var put = await PutAsync(staff, changedId, changedTag, "Changed while down"))
        {
            await BadInput.ProblemAsync(put, HttpStatusCode.ServiceUnavailable);
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
        var createdBeforeRestart = created.ToList();

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

        Assert.NotEmpty(createdBeforeRestart);
        foreach (var id in createdBeforeRestart)
        {
            using var response = await staff.GetAsync(new Uri($"/api/engagements/{id}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // The refused save changed nothing: the version read before the outage is still the current one.
        using (var put = await PutAsync(staff, changedId, changedTag, "Changed after the return"))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        Assert.Equal("Changed after the return", (await staff.GetFromJsonAsync<JsonElement>($"/api/engagements/{changedId}")).GetProperty("title").GetString());
        Assert.NotNull(await TryCreateAsync(staff, "Written after the return"));
    }

    private static Dictionary<string, object?> Body(string title) => new()
    {
        ["title"] = title,
        ["kind"] = "StaffTalks",
        ["channel"] = "FaceToFace",
        ["occurredOn"] = "2025-03-04",
        ["summary"] = "Written by the outage drill.",
        ["outcome"] = "Positive",
        ["classification"] = "Restricted",
        ["participants"] = new[] { "GBR", "FRA" },
    };

    private static async Task<(int Id, string ETag)> CreateAsync(HttpClient staff)
    {
        using var response = await staff.PostAsJsonAsync(new Uri("/api/engagements", UriKind.Relative), Body("Changed by the outage drill"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32(), response.Headers.ETag!.Tag);
    }

    /// <summary>The id of the engagement the API acknowledged, or null when it answered 503 (anything else fails the test).</summary>
    private static async Task<int?> TryCreateAsync(HttpClient staff, string title)
    {
        using var response = await staff.PostAsJsonAsync(new Uri("/api/engagements", UriKind.Relative), Body(title));
        if (response.StatusCode != HttpStatusCode.Created)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            return null;
        }

        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient staff, int id, string etag, string title)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/engagements/{id}", UriKind.Relative)) { Content = JsonContent.Create(Body(title)) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        return await staff.SendAsync(request);
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
