using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DiploPortal.Web.Tests.Accounts;

namespace DiploPortal.Web.Tests.Hosting;

/// <summary>
/// Input that cannot be right is a 400 that says what is wrong, never a 500: a NUL (which PostgreSQL
/// refuses in text) or an over-long value in the address, an unknown nation code, a number that is
/// not one, malformed JSON. No answer carries a stack trace.
/// </summary>
public class BadInput(AccountsPortal portal) : IClassFixture<AccountsPortal>
{
    private const string Nul = "%00";

    [Theory]
    [InlineData("/api/engagements?q=a" + Nul + "b", "q")]
    [InlineData("/api/engagements?nation=FR" + Nul, "nation")]
    [InlineData("/api/engagements?alliance=NA" + Nul + "TO", "alliance")]
    [InlineData("/api/engagements?after=MjAyNS0wMS0wMQ" + Nul + ".5", "after")]
    [InlineData("/api/search?q=" + Nul, "q")]
    [InlineData("/api/alliances/" + "NATO/members?q=" + Nul, "q")]
    public async Task RefusesANulInTheApiAsAProblemNamingTheParameter(string address, string parameter)
    {
        using var client = await ApiClientAsync();

        using var response = await client.GetAsync(new Uri(address, UriKind.Relative));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Theory]
    [InlineData("/engagements?q=a" + Nul)]
    [InlineData("/engagements?nation=FRA" + Nul)]
    [InlineData("/exercises?alliance=" + Nul)]
    [InlineData("/search?q=" + Nul)]
    [InlineData("/engagements/export.csv?before=" + Nul)]
    public async Task RefusesANulOnAPageWithAReadableMessage(string address)
    {
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, "analyst");

        using var response = await client.GetAsync(new Uri(address, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("NUL character", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAnOverlongQueryValue()
    {
        using var client = await ApiClientAsync();

        using var response = await client.GetAsync(new Uri("/api/engagements?q=" + new string('x', 3_000), UriKind.Relative));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("at most 2,000", problem.GetProperty("errors").GetProperty("q")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersAnUnknownNationCodeWithAProblemOnTheApiAndThePage()
    {
        using var api = await ApiClientAsync();
        using var browser = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(browser, "analyst");

        using var response = await api.GetAsync(new Uri("/api/engagements?nation=ZZZZ", UriKind.Relative));
        var page = await browser.GetStringAsync(new Uri("/engagements?nation=ZZZZ", UriKind.Relative));
        using var export = await browser.GetAsync(new Uri("/engagements/export.csv?nation=ZZZZ", UriKind.Relative));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("'ZZZZ' is not a nation code", problem.GetProperty("errors").GetProperty("nation")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("&#x27;ZZZZ&#x27; is not a nation code", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
    }

    [Fact]
    public async Task ReadsAnAlpha2NationCodeAsItsAlpha3()
    {
        await portal.Database.ExecuteAsync("""
            INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, releasable_to_nations, releasable_to_alliances, is_demo)
            VALUES ('Alpha-2 reading check', 'Conference', 'FaceToFace', DATE '2025-02-01', 'x', 'Positive', 'Unclassified', '{}', '{}', false);
            INSERT INTO engagement_participants (engagement_id, nation_id, is_lead)
            SELECT e.id, (SELECT id FROM nations WHERE code = 'FRA'), true FROM engagements e WHERE e.title = 'Alpha-2 reading check';
            """);
        using var client = await ApiClientAsync();

        using var alpha2 = await client.GetAsync(new Uri("/api/engagements?nation=fr&q=reading", UriKind.Relative));
        using var alpha3 = await client.GetAsync(new Uri("/api/engagements?nation=FRA&q=reading", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, alpha2.StatusCode);
        var items = JsonDocument.Parse(await alpha2.Content.ReadAsStringAsync()).RootElement.GetProperty("items");
        Assert.Equal(1, items.GetArrayLength());
        Assert.Equal(await alpha3.Content.ReadAsStringAsync(), await alpha2.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnswersANumberThatIsNotOneWithAProblemAndNoStackTrace()
    {
        using var client = await ApiClientAsync();

        using var response = await client.GetAsync(new Uri("/api/engagements?pageSize=abc", UriKind.Relative));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("pageSize", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"userName\": ")]
    [InlineData("{\"userName\": \"admin\", \"password\": \"a\\u0000b\"}")]
    [InlineData("[1, 2, 3]")]
    public async Task AnswersAJsonBodyThatCannotBeReadWithAProblemAndNoStackTrace(string body)
    {
        using var client = portal.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/api/auth/token", UriKind.Relative), content);

        await ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    private async Task<HttpClient> ApiClientAsync()
    {
        var client = portal.CreateClient();
        using var content = JsonContent(new { userName = "analyst", password = Web.Accounts.DemoAccounts.Password });
        using var response = await client.PostAsync(new Uri("/api/auth/token", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    internal static StringContent JsonContent(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    /// <summary>The problem details of <paramref name="response"/>, after checking its status, its type and that it holds no stack trace.</summary>
    internal static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        return JsonDocument.Parse(body).RootElement;
    }
}
