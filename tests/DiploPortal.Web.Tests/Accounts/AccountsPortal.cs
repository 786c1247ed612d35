using System.Net;
using System.Text.RegularExpressions;
using DiploPortal.Core.Common;
using DiploPortal.Core.Security;
using DiploPortal.TestSupport;
using DiploPortal.Web.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DiploPortal.Web.Tests.Accounts;

/// <summary>The portal with its development demo accounts, and a way to sign in as a browser does.</summary>
public sealed partial class AccountsPortal : PortalWebFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Portal:Setup:DemoAccounts"] = "true",
        // Every test signs in from 127.0.0.1; the limit itself is tested in RateLimits.
        ["Portal:RateLimits:SignIn:PermitLimit"] = "1000",
        ["Portal:RateLimits:Token:PermitLimit"] = "1000",
        // Every test's request has the same (unknown) address; SignInThrottling tests the throttle with addresses of its own.
        ["Portal:SignInThrottle:FailuresPerClient"] = "1000",
    };

    /// <summary>A request carrying this header comes, for the portal, from that address (throttling counts per address).</summary>
    public const string ClientHeader = "X-Test-Client";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
    }

    public HttpClient CreateBrowserClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Fetches the sign-in form, then posts it with its antiforgery token, like a browser.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string userName, string password, string address = "/account/sign-in")
    {
        var form = await client.GetStringAsync(new Uri(address, UriKind.Relative));
        var token = AntiforgeryTokenIn(form);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(new Uri(address, UriKind.Relative), content);
    }

    public static async Task SignInAsync(HttpClient client, string userName)
    {
        using var response = await PostSignInAsync(client, userName, DemoAccounts.Password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {userName} answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>
    /// A new account of its own for one test, with the demo password, so that lockouts, tokens and
    /// permission changes in one test touch no other.
    /// </summary>
    public async Task<PortalUser> CreateAccountAsync(PortalRole role = PortalRole.Staff, Classification clearance = Classification.Restricted, string nation = "GBR")
    {
        var userName = $"test-{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}"[..24];
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = userName, DisplayName = userName, Role = role, Clearance = clearance, NationCode = nation };
        var result = await users.CreateAsync(user, DemoAccounts.Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The test account could not be created: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }

        return user;
    }

    /// <summary>The principal a sign-in of <paramref name="user"/> would carry, as the pages pass it to <see cref="AccountAdministration"/>.</summary>
    public async Task<System.Security.Claims.ClaimsPrincipal> PrincipalOfAsync(PortalUser user)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
    }

    /// <summary>The antiforgery token a rendered form carries.</summary>
    public static string AntiforgeryTokenIn(string html) => AntiforgeryToken().Match(html).Groups[1].Value;

    /// <summary>Runs ahead of the portal's pipeline and sets the connection's address from <see cref="ClientHeader"/>.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientHeader, out var client))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(client.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
