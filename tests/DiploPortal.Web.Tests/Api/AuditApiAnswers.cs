using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DiploPortal.Web.Tests.Accounts;

namespace DiploPortal.Web.Tests.Api;

/// <summary>GET /api/admin/audit: administrators only, filters bounded and checked before the database, keyset pages.</summary>
public class AuditApiAnswers(AccountsPortal portal) : IClassFixture<AccountsPortal>
{
    [Theory]
    [InlineData("staff")]
    [InlineData("analyst")]
    public async Task IsForbiddenToAnyoneButAdministrators(string userName)
    {
        using var client = await ClientAsync(userName);

        using var response = await client.GetAsync(new Uri("/api/admin/audit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("actor=ad%00min", "actor")]
    [InlineData("entityId=1%00", "entityId")]
    [InlineData("entityType=Nation%00", "entityType")]
    [InlineData("entityType=Spaceship", "entityType")]
    [InlineData("action=1", "action")]
    [InlineData("from=2025-13-01", "from")]
    [InlineData("before=-5", "before")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=abc", "pageSize")]
    public async Task RefusesABadParameterWithAProblemNamingIt(string query, string parameter)
    {
        using var client = await ClientAsync("admin");

        using var response = await client.GetAsync(new Uri("/api/admin/audit?" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task RefusesTextLongerThanAnyNameTheTrailHolds()
    {
        using var client = await ClientAsync("admin");

        using var response = await client.GetAsync(new Uri("/api/admin/audit?actor=" + new string('a', 100_000), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PagesOlderEntriesByTheNextId()
    {
        using var client = await ClientAsync("admin");

        var first = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/admin/audit?entityType=Nation&pageSize=3", UriKind.Relative));
        var next = first.GetProperty("next").GetInt64();
        var second = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/admin/audit?entityType=Nation&pageSize=3&before={next}", UriKind.Relative));

        var firstIds = first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        var secondIds = second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(3, firstIds.Count);
        Assert.Equal(3, secondIds.Count);
        Assert.True(secondIds.Max() < firstIds.Min());
        Assert.All(first.GetProperty("items").EnumerateArray(), i => Assert.Equal("Nation", i.GetProperty("entityType").GetString()));
    }

    [Fact]
    public async Task IsDescribedInTheOpenApiDocument()
    {
        using var client = await ClientAsync("admin");

        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Contains("/api/admin/audit", document, StringComparison.Ordinal);
        Assert.Contains("ListAuditEntries", document, StringComparison.Ordinal);
    }

    private async Task<HttpClient> ClientAsync(string userName)
    {
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await ApiTokens.IssueAsync(client, userName));
        return client;
    }
}
