using System.Net;
using System.Text.Json;
using DiploPortal.Web.Tests.Accounts;

namespace DiploPortal.Web.Tests.Hosting;

public class HealthAndPages(AccountsPortal portal) : IClassFixture<AccountsPortal>, IAsyncLifetime
{
    private readonly HttpClient _client = portal.CreateBrowserClient();

    public async Task InitializeAsync() => await AccountsPortal.SignInAsync(_client, "staff");

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SendsAnAnonymousVisitorToSignIn()
    {
        using var anonymous = portal.CreateBrowserClient();

        using var response = await anonymous.GetAsync(new Uri("/nations", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersHealthChecksWithoutSigningIn()
    {
        using var anonymous = portal.CreateBrowserClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/healthz/ready", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/healthz/live", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ReportsReadyWhenTheDatabaseAnswers()
    {
        var response = await _client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Contains(body.RootElement.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "database");
    }

    [Fact]
    public async Task ReportsLive()
    {
        var response = await _client.GetAsync(new Uri("/healthz/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RendersTheHomePageWithFiguresFromTheDatabase()
    {
        var html = await _client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("DiploPortal", html, StringComparison.Ordinal);
        Assert.Contains("249", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/nations/FRA", "France")]
    [InlineData("/nations/SUHH", "Soviet Union")]
    [InlineData("/alliances/NATO", "North Atlantic Treaty Organization")]
    [InlineData("/alliances", "Five Eyes")]
    public async Task RendersRecordPages(string path, string expected)
    {
        var html = await _client.GetStringAsync(new Uri(path, UriKind.Relative));

        Assert.Contains(expected, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersAnUnknownAddressWithTheNotFoundPage()
    {
        var response = await _client.GetAsync(new Uri("/no-such-page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("DiploPortal", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
