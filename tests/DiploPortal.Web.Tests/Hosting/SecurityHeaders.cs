using System.Net;
using System.Text.RegularExpressions;
using DiploPortal.Web.Hosting;
using DiploPortal.Web.Tests.Accounts;

namespace DiploPortal.Web.Tests.Hosting;

public partial class SecurityHeaders(AccountsPortal portal) : IClassFixture<AccountsPortal>, IAsyncLifetime
{
    private readonly HttpClient _client = portal.CreateBrowserClient();

    public async Task InitializeAsync() => await AccountsPortal.SignInAsync(_client, "analyst");

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("/", HttpStatusCode.Redirect)]
    [InlineData("/api/nations", HttpStatusCode.Unauthorized)]
    [InlineData("/account/sign-in", HttpStatusCode.OK)]
    public async Task AnswersToAnonymousCallersCarryTheSecurityHeadersToo(string path, HttpStatusCode expected)
    {
        using var anonymous = portal.CreateBrowserClient();

        using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(PortalSecurityHeaders.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/api/nations", HttpStatusCode.OK)]
    [InlineData("/healthz/ready", HttpStatusCode.OK)]
    [InlineData("/healthz/live", HttpStatusCode.OK)]
    [InlineData("/_framework/blazor.web.js", HttpStatusCode.OK)]
    [InlineData("/favicon.svg", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/api/no-such-endpoint", HttpStatusCode.NotFound)]
    public async Task EveryResponseCarriesTheSecurityHeaders(string path, HttpStatusCode expected)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(PortalSecurityHeaders.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        var permissions = Header(response, "Permissions-Policy");
        Assert.Contains("camera=()", permissions, StringComparison.Ordinal);
        Assert.Contains("microphone=()", permissions, StringComparison.Ordinal);
        Assert.Contains("geolocation=()", permissions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePolicyForbidsFramingInlineScriptAndPlugins()
    {
        using var response = await _client.GetAsync(new Uri("/", UriKind.Relative));

        var directives = Header(response, "Content-Security-Policy").Split(';', StringSplitOptions.TrimEntries);
        Assert.Contains("frame-ancestors 'none'", directives);
        Assert.Contains("script-src 'self'", directives);
        Assert.Contains("object-src 'none'", directives);
        Assert.Contains("base-uri 'self'", directives);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/no-such-page")]
    public async Task PagesHoldNoInlineScriptThePolicyWouldBlock(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        // An inline script (an import map counts) is refused by script-src 'self' and breaks the page.
        var inline = InlineScript().Matches(html).Select(m => m.Value).ToList();
        Assert.True(inline.Count == 0, $"{path} holds inline scripts: {string.Join(" ", inline)}");
    }

    [Fact]
    public async Task DevelopmentDoesNotRedirectToHttps()
    {
        using var response = await _client.GetAsync(new Uri("/healthz/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri} has no {name} header");

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
