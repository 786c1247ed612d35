using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DiploPortal.Web.Tests.Accounts;

namespace DiploPortal.Web.Tests.Api;

/// <summary>POST, PUT and DELETE of engagements: the editor's rules and audit, versions through ETag and If-Match.</summary>
public class EngagementWriteApiAnswers(AccountsPortal portal) : IClassFixture<AccountsPortal>, IAsyncLifetime
{
    private readonly HttpClient _client = portal.CreateClient();

    public async Task InitializeAsync() =>
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiTokens.IssueAsync(_client, "staff"));

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task CreatesAnEngagementThroughTheEditorAndAnswersWithItsETag()
    {
        using var response = await _client.PostAsJsonAsync(new Uri("/api/engagements", UriKind.Relative), Body());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal($"/api/engagements/{id}", response.Headers.Location?.ToString());
        Assert.Equal("Maritime staff talks", created.GetProperty("title").GetString());
        Assert.Equal("GBR", created.GetProperty("participants")[0].GetProperty("code").GetString());
        Assert.True(created.GetProperty("participants")[0].GetProperty("isLead").GetBoolean());
        using var read = await _client.GetAsync(new Uri($"/api/engagements/{id}", UriKind.Relative));
        Assert.Equal(response.Headers.ETag, read.Headers.ETag);
        Assert.Equal($"\"{created.GetProperty("version").GetUInt32()}\"", read.Headers.ETag?.Tag);
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_entries WHERE action = 'Created' AND entity_type = 'Engagement' AND entity_key = '{id}' AND actor = 'staff'"));
    }

    [Fact]
    public async Task ChangesOnlyTheVersionIfMatchNames()
    {
        var (id, etag) = await CreateAsync(Body());

        using var without = await SendAsync(HttpMethod.Put, id, null, Body(title: "No version"));
        using var changed = await SendAsync(HttpMethod.Put, id, etag, Body(title: "First change"));
        using var stale = await SendAsync(HttpMethod.Put, id, etag, Body(title: "Second change on the old version"));

        Assert.Equal(HttpStatusCode.PreconditionRequired, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal(changed.Headers.ETag?.Tag, stale.Headers.ETag?.Tag);
        Assert.Equal("First change", (await _client.GetFromJsonAsync<JsonElement>($"/api/engagements/{id}")).GetProperty("title").GetString());
    }

    [Fact]
    public async Task TakesBackWhatGetReturnedWithOneFieldChanged()
    {
        var (id, _) = await CreateAsync(Body());
        using var read = await _client.GetAsync(new Uri($"/api/engagements/{id}", UriKind.Relative));
        var body = System.Text.Json.Nodes.JsonNode.Parse(await read.Content.ReadAsStringAsync())!.AsObject();
        body["outcomeNotes"] = "Agreed to meet again in spring.";

        using var put = await SendAsync(HttpMethod.Put, id, read.Headers.ETag!.Tag, body);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var saved = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Agreed to meet again in spring.", saved.GetProperty("outcomeNotes").GetString());
        Assert.Equal(["GBR", "FRA"], saved.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("code").GetString()));
        Assert.Equal("FRA", saved.GetProperty("host").GetProperty("code").GetString());
    }

    [Fact]
    public async Task AnswersNotFoundForAnEngagementTheCallerMayNotSee()
    {
        var hidden = await portal.Database.ScalarAsync<int>("""
            INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, releasable_to_nations, is_demo)
            VALUES ('American only', 'StaffTalks', 'FaceToFace', '2024-01-01', 'Talks', 'Positive', 'Restricted', '{USA}', false) RETURNING id
            """);
        var version = await portal.Database.ScalarAsync<int>($"SELECT xmin::text::int FROM engagements WHERE id = {hidden}");

        using var put = await SendAsync(HttpMethod.Put, hidden, $"\"{version}\"", Body());
        using var delete = await SendAsync(HttpMethod.Delete, hidden, $"\"{version}\"", null);

        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal("American only", await portal.Database.ScalarAsync<string>($"SELECT title FROM engagements WHERE id = {hidden}"));
    }

    [Fact]
    public async Task ReportsBrokenRulesAsValidationProblemsByField()
    {
        var body = Body(title: " ");
        body["participants"] = new[] { "GBR", "ZZZ" };
        body["host"] = "XXX";
        body.Remove("classification");

        using var response = await _client.PostAsJsonAsync(new Uri("/api/engagements", UriKind.Relative), body);
        body["classification"] = "Restricted";
        using var rules = await _client.PostAsJsonAsync(new Uri("/api/engagements", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["classification"], Fields(await response.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(HttpStatusCode.BadRequest, rules.StatusCode);
        Assert.Equal(["host", "participants", "title"], Fields(await rules.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM engagements WHERE title = ' '"));
    }

    [Fact]
    public async Task RefusesNulCharactersLongCodesAndTooManyNationsBeforeTheDatabase()
    {
        var nul = Body(title: "Talks\0");
        var longCode = Body();
        longCode["host"] = new string('F', 5000);
        var many = Body();
        many["releasableToNations"] = Enumerable.Repeat("GBR", 301).ToArray();

        using var nulAnswer = await _client.PostAsJsonAsync(new Uri("/api/engagements", UriKind.Relative), nul);
        using var longAnswer = await _client.PostAsJsonAsync(new Uri("/api/engagements", UriKind.Relative), longCode);
        using var manyAnswer = await _client.PostAsJsonAsync(new Uri("/api/engagements", UriKind.Relative), many);

        Assert.Equal(HttpStatusCode.BadRequest, nulAnswer.StatusCode);
        Assert.Equal(["title"], Fields(await nulAnswer.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(["host"], Fields(await longAnswer.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(["releasableToNations"], Fields(await manyAnswer.Content.ReadFromJsonAsync<JsonElement>()));
    }

    [Fact]
    public async Task LowersAMarkingOnlyWithAReasonAndAuditsTheDowngrade()
    {
        var secret = Body();
        secret["classification"] = "Secret";
        secret["releasableToNations"] = new[] { "GBR" };
        var (id, etag) = await CreateAsync(secret);

        using var silent = await SendAsync(HttpMethod.Put, id, etag, Body());
        var withReason = Body();
        withReason["downgradeReason"] = "Released by the originating nation";
        using var confirmed = await SendAsync(HttpMethod.Put, id, etag, withReason);

        Assert.Equal(HttpStatusCode.BadRequest, silent.StatusCode);
        Assert.Equal(["downgradeReason"], Fields(await silent.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("Released by the originating nation", await portal.Database.ScalarAsync<string>(
            $"SELECT after->>'Reason' FROM audit_entries WHERE action = 'Downgraded' AND entity_key = '{id}' AND actor = 'staff'"));
    }

    [Fact]
    public async Task DeletesTheVersionIfMatchNamesAndKeepsAnAssessedEngagement()
    {
        var (id, etag) = await CreateAsync(Body());
        var (assessed, assessedTag) = await CreateAsync(Body(title: "Assessed talks"));
        await portal.Database.ExecuteAsync($$"""
            INSERT INTO assessments (engagement_id, assessed_on, assessed_by, evidence, classification, releasable_to_nations, is_demo)
            VALUES ({{assessed}}, '2025-04-01', 'Analyst', 'Covert', 'Secret', '{USA}', false)
            """);

        using var without = await SendAsync(HttpMethod.Delete, id, null, null);
        using var deleted = await SendAsync(HttpMethod.Delete, id, etag, null);
        using var refused = await SendAsync(HttpMethod.Delete, assessed, assessedTag, null);

        Assert.Equal(HttpStatusCode.PreconditionRequired, without.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(new Uri($"/api/engagements/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>($"SELECT count(*) FROM engagements WHERE id = {assessed}"));
    }

    [Fact]
    public async Task RefusesCallersWhoMayNotMaintainRecords()
    {
        using var analyst = portal.CreateClient();
        analyst.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiTokens.IssueAsync(analyst, "analyst"));

        using var response = await analyst.PostAsJsonAsync(new Uri("/api/engagements", UriKind.Relative), Body(title: "Written by an analyst"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM engagements WHERE title = 'Written by an analyst'"));
    }

    [Fact]
    public async Task DescribesTheWritesInTheOpenApiDocument()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/engagements").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/engagements/{id}").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/api/engagements/{id}").TryGetProperty("delete", out _));
    }

    private static Dictionary<string, object?> Body(string title = "Maritime staff talks") => new()
    {
        ["title"] = title,
        ["kind"] = "StaffTalks",
        ["channel"] = "FaceToFace",
        ["occurredOn"] = "2025-03-04",
        ["host"] = "FRA",
        ["location"] = "Brest",
        ["summary"] = "Search and rescue cooperation.",
        ["outcome"] = "Positive",
        ["classification"] = "Restricted",
        ["releasableToAlliances"] = new[] { "NATO" },
        ["participants"] = new[] { "GBR", "FRA" },
    };

    private async Task<(int Id, string ETag)> CreateAsync(Dictionary<string, object?> body)
    {
        using var response = await _client.PostAsJsonAsync(new Uri("/api/engagements", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32(), response.Headers.ETag!.Tag);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, int id, string? etag, object? body)
    {
        using var request = new HttpRequestMessage(method, new Uri($"/api/engagements/{id}", UriKind.Relative));
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await _client.SendAsync(request);
    }

    private static string[] Fields(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
}
