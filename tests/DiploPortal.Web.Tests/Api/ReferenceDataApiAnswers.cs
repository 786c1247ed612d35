using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DiploPortal.Web.Tests.Accounts;

namespace DiploPortal.Web.Tests.Api;

/// <summary>The reference data API answers with the names scripts rely on.</summary>
public class ReferenceDataApiAnswers(AccountsPortal portal) : IClassFixture<AccountsPortal>, IAsyncLifetime
{
    private readonly HttpClient _client = portal.CreateBrowserClient();

    public async Task InitializeAsync() => await AccountsPortal.SignInAsync(_client, "analyst-restricted");

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("/api/nations")]
    [InlineData("/api/alliances/NATO/members")]
    [InlineData("/openapi/v1.json")]
    public async Task AnswersAnAnonymousCallerWithUnauthorizedProblemDetails(string path)
    {
        using var anonymous = portal.CreateBrowserClient();

        using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ListsEveryNationWithItsCodesRegionAndDates()
    {
        var nations = await _client.GetFromJsonAsync<JsonElement>("/api/nations");

        var all = nations.EnumerateArray().ToList();
        Assert.True(all.Count >= 255);
        var france = all.Single(n => n.GetProperty("iso3").GetString() == "FRA");
        Assert.Equal("FR", france.GetProperty("iso2").GetString());
        Assert.Equal("France", france.GetProperty("name").GetString());
        Assert.Equal("Europe", france.GetProperty("region").GetString());
        Assert.Equal(JsonValueKind.Null, france.GetProperty("existedUntil").ValueKind);
        var soviet = all.Single(n => n.GetProperty("iso3").GetString() == "SUN");
        Assert.Equal("1922-12-30", soviet.GetProperty("existedFrom").GetString());
        Assert.Equal("1991-12-26", soviet.GetProperty("existedUntil").GetString());
    }

    [Fact]
    public async Task ListsAlliancesWithAcronymNameKindAndFoundingDate()
    {
        var alliances = await _client.GetFromJsonAsync<JsonElement>("/api/alliances");

        var nato = alliances.EnumerateArray().Single(a => a.GetProperty("acronym").GetString() == "NATO");
        Assert.Equal("North Atlantic Treaty Organization", nato.GetProperty("name").GetString());
        Assert.Equal("CollectiveDefence", nato.GetProperty("kind").GetString());
        Assert.Equal("1949-04-04", nato.GetProperty("founded").GetString());
    }

    [Fact]
    public async Task GivesTheMembersOfAnAllianceOnADay()
    {
        var members = await _client.GetFromJsonAsync<JsonElement>("/api/alliances/NATO/members?asOf=1990-01-01");

        var list = members.EnumerateArray().ToList();
        Assert.Equal(16, list.Count);
        var germany = list.Single(m => m.GetProperty("iso2").GetString() == "DE");
        Assert.Equal("Member", germany.GetProperty("role").GetString());
        Assert.Equal("1955-05-06", germany.GetProperty("joined").GetString());
        Assert.Equal(JsonValueKind.Null, germany.GetProperty("left").ValueKind);
        Assert.All(list, m => Assert.False(string.IsNullOrEmpty(m.GetProperty("name").GetString())));
    }

    [Fact]
    public async Task GivesTodaysMembersWithoutADate()
    {
        var members = await _client.GetFromJsonAsync<JsonElement>("/api/alliances/nato/members");

        Assert.Equal(32, members.GetArrayLength());
    }

    [Fact]
    public async Task RefusesADateItCannotReadWithAProblem()
    {
        var response = await _client.GetAsync(new Uri("/api/alliances/NATO/members?asOf=03/04/2001", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("YYYY-MM-DD", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersNotFoundForAnUnknownAlliance()
    {
        var response = await _client.GetAsync(new Uri("/api/alliances/NOPE/members", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnswersAnUnknownApiAddressWithAProblemNotAPage()
    {
        var response = await _client.GetAsync(new Uri("/api/no-such-thing", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task DescribesItselfInAnOpenApiDocument()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/nations", out _));
        Assert.True(paths.TryGetProperty("/api/alliances", out _));
        Assert.True(paths.TryGetProperty("/api/alliances/{acronym}/members", out _));
    }
}
