using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DiploPortal.TestSupport;
using DiploPortal.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace DiploPortal.Web.Tests.Hosting;

/// <summary>
/// The policies themselves, through a test-only endpoint that requires the "token" policy, served
/// through the portal's own pipeline; and the real token endpoint, which carries that policy.
/// </summary>
public class RateLimits(RateLimits.LimitedPortal portal) : IClassFixture<RateLimits.LimitedPortal>
{
    private const int Limit = 3;

    [Theory]
    [InlineData("/test/limited", "192.0.2.1")]
    [InlineData("/api/test/limited", "192.0.2.2")]
    public async Task AnswersTooManyRequestsWithRetryAfterPastTheLimit(string path, string client)
    {
        using var http = portal.CreateClient();
        for (var i = 0; i < Limit; i++)
        {
            using var allowed = await SendAsync(http, path, client);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await SendAsync(http, path, client);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.True(refused.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task AnswersTheApiWithProblemDetails()
    {
        using var http = portal.CreateClient();
        for (var i = 0; i < Limit; i++)
        {
            using var allowed = await SendAsync(http, "/api/test/limited", "192.0.2.3");
        }

        using var refused = await SendAsync(http, "/api/test/limited", "192.0.2.3");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(429, body.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task CountsEachClientAddressSeparately()
    {
        using var http = portal.CreateClient();
        for (var i = 0; i <= Limit; i++)
        {
            using var response = await SendAsync(http, "/test/limited", "192.0.2.4");
        }

        using var other = await SendAsync(http, "/test/limited", "192.0.2.5");

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task LimitsTheTokenEndpoint()
    {
        using var http = portal.CreateClient();
        for (var i = 0; i < Limit; i++)
        {
            using var allowed = await PostTokenAsync(http, "192.0.2.6");
            Assert.Equal(HttpStatusCode.BadRequest, allowed.StatusCode);
        }

        using var refused = await PostTokenAsync(http, "192.0.2.6");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task NeverCountsShowingTheSignInPage()
    {
        using var http = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < Limit + 3; i++)
        {
            // The page itself, and a page that redirects a visitor to it.
            using var page = await SendAsync(http, "/account/sign-in", "192.0.2.7");
            using var redirect = await SendAsync(http, "/engagements", "192.0.2.7");
            answers.Add(page.StatusCode);
            answers.Add(redirect.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, answers);
        Assert.Contains(HttpStatusCode.Redirect, answers);
    }

    [Fact]
    public async Task AnswersALimitedSignInFromABrowserWithAPageToRead()
    {
        using var http = portal.CreateClient();
        for (var i = 0; i < Limit; i++)
        {
            using var allowed = await PostSignInAsync(http, "192.0.2.8");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var refused = await PostSignInAsync(http, "192.0.2.8");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Too many attempts</h1>", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/sign-in\"", page, StringComparison.Ordinal);
    }

    // A form without its antiforgery token is refused before any password is checked: enough to count against the limit.
    private static async Task<HttpResponseMessage> PostSignInAsync(HttpClient http, string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/sign-in", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "sign-in", ["Input.UserName"] = "someone", ["Input.Password"] = "something" }),
        };
        request.Headers.Add(ClientHeader, client);
        return await http.SendAsync(request);
    }

    // An empty body is refused before any password is checked: enough to count against the limit.
    private static async Task<HttpResponseMessage> PostTokenAsync(HttpClient http, string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/auth/token", UriKind.Relative)) { Content = JsonContent.Create(new { }) };
        request.Headers.Add(ClientHeader, client);
        return await http.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string path, string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add(ClientHeader, client);
        return await http.SendAsync(request);
    }

    private const string ClientHeader = "X-Test-Client";

    public sealed class LimitedPortal : PortalWebFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Portal:RateLimits:Token:PermitLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Portal:RateLimits:Token:Window"] = "00:01:00",
            ["Portal:RateLimits:SignIn:PermitLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, LimitedEndpoint>());
        }
    }

    /// <summary>
    /// Runs ahead of the portal's pipeline: sets the client address from a header and, for the
    /// test paths, selects an endpoint carrying the "token" policy. Routing keeps an endpoint that
    /// is already selected, so the portal's own rate limiter applies it.
    /// </summary>
    private sealed class LimitedEndpoint : IStartupFilter
    {
        private static readonly Endpoint Endpoint = new(
            context => context.Response.WriteAsync("ok"),
            new EndpointMetadataCollection(new EnableRateLimitingAttribute(PortalRateLimiting.Token), new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute()),
            "Test: rate limited");

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientHeader, out var client))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(client.ToString());
                }

                if (context.Request.Path == "/test/limited" || context.Request.Path == "/api/test/limited")
                {
                    context.SetEndpoint(Endpoint);
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
