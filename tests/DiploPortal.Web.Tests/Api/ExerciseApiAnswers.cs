using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DiploPortal.Web.Tests.Accounts;

namespace DiploPortal.Web.Tests.Api;

/// <summary>
/// <c>GET /api/exercises</c> and <c>/api/exercises/{id}</c>: each filter, nation codes in alpha-2 and former states,
/// cursor paging as the engagements API pages, the caller's visibility, and 400s that say which parameter was wrong.
/// </summary>
public class ExerciseApiAnswers(AccountsPortal portal) : IClassFixture<AccountsPortal>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.Database.ExecuteAsync("""
        INSERT INTO exercises (name, series_name, kind, status, host_nation_id, starts_on, ends_on, classification, releasable_to_alliances, is_demo, lead_alliance_id)
        SELECT t.name, t.series, t.kind, t.status, (SELECT id FROM nations WHERE code = t.host), t.starts, t.starts + t.days, t.marking, '{}'::text[], false,
               (SELECT id FROM alliances WHERE acronym = t.lead)
        FROM (VALUES
            ('Api Baltic Shield', 'BALTOPS', 'Naval', 'Completed', 'DEU', DATE '2024-06-01', 14, 'Unclassified', 'NATO'),
            ('Api Baltic Shield 2025', 'Baltops', 'Naval', 'Completed', 'DEU', DATE '2025-06-01', 14, 'Unclassified', NULL),
            ('Api Desert Wind', NULL, 'Air', 'Planning', 'FRA', DATE '2025-03-10', 5, 'Restricted', NULL),
            ('Api Hidden Reef', NULL, 'Naval', 'Approved', 'FRA', DATE '2025-04-01', 5, 'Secret', NULL),
            ('Api Cold War Drill', NULL, 'Field', 'Completed', 'SUHH', DATE '1985-09-01', 10, 'Unclassified', NULL)
        ) AS t(name, series, kind, status, host, starts, days, marking, lead)
        WHERE NOT EXISTS (SELECT 1 FROM exercises);
        INSERT INTO exercise_participants (exercise_id, nation_id, role, personnel, units, ships, aircraft)
        SELECT e.id, e.host_nation_id, 'Host', 300, 1, 0, 0 FROM exercises e
        ON CONFLICT DO NOTHING;
        INSERT INTO exercise_observations (exercise_id, observation, lesson, recorded_on)
        SELECT e.id, 'Radio discipline slipped', 'Drill it', DATE '2024-06-20' FROM exercises e WHERE e.name = 'Api Baltic Shield' AND NOT EXISTS (SELECT 1 FROM exercise_observations);
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("", "Api Baltic Shield,Api Baltic Shield 2025,Api Cold War Drill,Api Desert Wind,Api Hidden Reef")]
    [InlineData("?nation=DE", "Api Baltic Shield,Api Baltic Shield 2025")]
    [InlineData("?nation=FRA", "Api Desert Wind,Api Hidden Reef")]
    [InlineData("?nation=SUHH", "Api Cold War Drill")]
    [InlineData("?from=2025-03-12&to=2025-04-02", "Api Desert Wind,Api Hidden Reef")]
    [InlineData("?series=baltops", "Api Baltic Shield,Api Baltic Shield 2025")]
    [InlineData("?kind=Air", "Api Desert Wind")]
    [InlineData("?status=Completed&nation=DEU", "Api Baltic Shield,Api Baltic Shield 2025")]
    [InlineData("?alliance=NATO&from=2024-01-01&to=2024-12-31", "Api Baltic Shield")]
    [InlineData("?q=desert", "Api Desert Wind")]
    public async Task FiltersAsTheListPageDoes(string query, string expected)
    {
        var names = await NamesAsync("analyst", $"/api/exercises{query}");

        Assert.Equal(expected.Split(','), names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task LeavesOutWhatTheCallerMayNotSee()
    {
        var names = await NamesAsync("analyst-restricted", "/api/exercises?nation=FRA");
        using var client = await ClientAsync("analyst-restricted");
        var hidden = await portal.Database.ScalarAsync<int>("SELECT id FROM exercises WHERE name = 'Api Hidden Reef'");

        using var one = await client.GetAsync(new Uri($"/api/exercises/{hidden}", UriKind.Relative));

        Assert.Equal(["Api Desert Wind"], names);
        Assert.Equal(HttpStatusCode.NotFound, one.StatusCode);
        Assert.Equal("application/problem+json", one.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PagesByCursorPassedBackAsAfter()
    {
        using var client = await ClientAsync("analyst");
        var seen = new List<string>();
        string? next = null;
        var pages = 0;
        do
        {
            using var body = await JsonAsync(client, $"/api/exercises?pageSize=2&sort=NameAscending{(next is null ? "" : $"&after={Uri.EscapeDataString(next)}")}");
            seen.AddRange(body.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!));
            Assert.Equal(5, body.RootElement.GetProperty("matchCount").GetInt32());
            next = body.RootElement.GetProperty("next").GetString();
            pages++;
        }
        while (next is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(["Api Baltic Shield", "Api Baltic Shield 2025", "Api Cold War Drill", "Api Desert Wind", "Api Hidden Reef"], seen);
    }

    [Fact]
    public async Task GivesOneExerciseWithItsParticipantsMilestonesAndObservations()
    {
        using var client = await ClientAsync("analyst");
        var id = await portal.Database.ScalarAsync<int>("SELECT id FROM exercises WHERE name = 'Api Baltic Shield'");

        using var body = await JsonAsync(client, $"/api/exercises/{id}");

        var root = body.RootElement;
        Assert.Equal("Api Baltic Shield", root.GetProperty("exercise").GetProperty("name").GetString());
        Assert.Equal("Completed", root.GetProperty("exercise").GetProperty("status").GetString());
        Assert.Equal("DEU", root.GetProperty("participants")[0].GetProperty("code").GetString());
        Assert.Equal("Radio discipline slipped", root.GetProperty("observations")[0].GetProperty("observation").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("milestones").ValueKind);
        Assert.Equal("NATO", root.GetProperty("leadAlliance").GetString());
    }

    [Fact]
    public async Task ListsTheStatusHistoryNewestFirstAfterATransition()
    {
        // The steps a planner's transitions record (ExerciseTransitions), the exercise taken on from Planning to Approved.
        await portal.Database.ExecuteAsync("""
            INSERT INTO exercise_status_changes (exercise_id, from_status, to_status, changed_at, changed_by, reason)
            SELECT e.id, s.from_status, s.to_status, s.changed_at, 'planner', s.reason FROM exercises e,
                (VALUES ('Proposed', 'Planning', TIMESTAMPTZ '2025-01-10 09:00Z', NULL), ('Planning', 'Approved', TIMESTAMPTZ '2025-02-01 14:30Z', 'Funding agreed')) AS s(from_status, to_status, changed_at, reason)
            WHERE e.name = 'Api Desert Wind' AND NOT EXISTS (SELECT 1 FROM exercise_status_changes c WHERE c.exercise_id = e.id);
            UPDATE exercises SET status = 'Approved' WHERE name = 'Api Desert Wind' AND status = 'Planning';
            """);
        using var client = await ClientAsync("analyst");
        var id = await portal.Database.ScalarAsync<int>("SELECT id FROM exercises WHERE name = 'Api Desert Wind'");

        using var body = await JsonAsync(client, $"/api/exercises/{id}");

        var history = body.RootElement.GetProperty("statusHistory");
        Assert.Equal(2, history.GetArrayLength());
        Assert.Equal("Planning", history[0].GetProperty("from").GetString());
        Assert.Equal("Approved", history[0].GetProperty("to").GetString());
        Assert.Equal("planner", history[0].GetProperty("changedBy").GetString());
        Assert.Equal("Funding agreed", history[0].GetProperty("reason").GetString());
        Assert.Equal(new DateTime(2025, 2, 1, 14, 30, 0, DateTimeKind.Utc), history[0].GetProperty("changedAt").GetDateTime().ToUniversalTime());
        Assert.Equal("Proposed", history[1].GetProperty("from").GetString());
        Assert.Equal(JsonValueKind.Null, history[1].GetProperty("reason").ValueKind);
    }

    [Theory]
    [InlineData("?nation=XX", "nation")]
    [InlineData("?alliance=NOPE", "alliance")]
    [InlineData("?kind=Sleeping", "kind")]
    [InlineData("?status=3", "status")]
    [InlineData("?from=03/04/2025", "from")]
    [InlineData("?to=tomorrow", "to")]
    [InlineData("?pageSize=201", "pageSize")]
    [InlineData("?after=not-a-cursor", "cursor")]
    public async Task RefusesWhatItCannotReadNamingTheParameter(string query, string parameter)
    {
        using var client = await ClientAsync("analyst");

        using var response = await client.GetAsync(new Uri($"/api/exercises{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(parameter, out var reasons), await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrWhiteSpace(reasons[0].GetString()));
    }

    [Fact]
    public async Task IsDescribedInTheOpenApiDocument()
    {
        using var client = await ClientAsync("analyst");

        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Contains("\"/api/exercises\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/api/exercises/{id}\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/api/exercises/{id}.ics\"", document, StringComparison.Ordinal);
        Assert.Contains("\"statusHistory\"", document, StringComparison.Ordinal);
    }

    private async Task<HttpClient> ClientAsync(string userName)
    {
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiTokens.IssueAsync(client, userName));
        return client;
    }

    private async Task<List<string>> NamesAsync(string userName, string address)
    {
        using var client = await ClientAsync(userName);
        using var body = await JsonAsync(client, address);
        return [.. body.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!)];
    }

    private static async Task<JsonDocument> JsonAsync(HttpClient client, string address)
    {
        using var response = await client.GetAsync(new Uri(address, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{address}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text);
    }
}
