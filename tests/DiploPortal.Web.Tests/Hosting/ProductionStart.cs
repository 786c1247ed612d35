using System.Net;
using DiploPortal.TestSupport;
using DiploPortal.Web.Tests.Accounts;

namespace DiploPortal.Web.Tests.Hosting;

/// <summary>
/// Every environment but Development is production: the portal refuses to start without its secrets
/// or with demo accounts (one line and a hint each), and serves with HSTS and Secure cookies.
/// </summary>
public class ProductionStart
{
    private const string AdministratorPassword = "first-administrator-password";

    [Fact]
    public async Task RefusesAConnectionStringWithoutAPassword()
    {
        var (exitCode, output) = await RunInProductionAsync(new()
        {
            ["ConnectionStrings__Portal"] = "Host=127.0.0.1;Port=1;Username=portal;Database=diploportal",
        });

        Assert.Equal(1, exitCode);
        StartupFailures.AssertOneClearLine(output, "has no password", "POSTGRES_PASSWORD");
    }

    [Fact]
    public async Task RefusesToStartWithoutAKeyEncryptionKey()
    {
        var (exitCode, output) = await RunInProductionAsync(new() { ["Portal__DataProtection__KeyEncryptionKey"] = "" });

        Assert.Equal(1, exitCode);
        StartupFailures.AssertOneClearLine(output, "Portal:DataProtection:KeyEncryptionKey is not set", "openssl rand -base64 32");
    }

    [Fact]
    public async Task RefusesAKeyEncryptionKeyThatIsNot256Bits()
    {
        var (exitCode, output) = await RunInProductionAsync(new() { ["Portal__DataProtection__KeyEncryptionKey"] = "c2hvcnQ=" });

        Assert.Equal(1, exitCode);
        StartupFailures.AssertOneClearLine(output, "not a base64 256-bit key", "openssl rand -base64 32");
    }

    [Fact]
    public async Task RefusesToCreateDemoAccounts()
    {
        var (exitCode, output) = await RunInProductionAsync(new() { ["Portal__Setup__DemoAccounts"] = "true" });

        Assert.Equal(1, exitCode);
        StartupFailures.AssertOneClearLine(output, "demo accounts exist only in Development", "Portal__Setup__DemoAccounts");
    }

    [Fact]
    public async Task RefusesADatabaseWhereDemoAccountsOpenWithThePublishedPassword()
    {
        await using var database = await TestPostgres.CreateWithReferenceDataAsync();
        await using (var development = new PortalOverSharedDatabase(database, settings: new Dictionary<string, string> { ["Portal:Setup:DemoAccounts"] = "true" }))
        {
            using var client = development.CreateBrowserClient();
            await AccountsPortal.SignInAsync(client, "staff");
        }

        var (exitCode, output) = await RunInProductionAsync(new()
        {
            ["ConnectionStrings__Portal"] = database.ConnectionString + ";Password=" + PortalOverSharedDatabase.UnusedPassword,
        });

        Assert.Equal(1, exitCode);
        StartupFailures.AssertOneClearLine(output, "demo accounts that open with the published demo password (admin, staff", "reset their passwords");
    }

    [Fact]
    public async Task ServesWithHstsAndSecureCookiesAndCreatesTheFirstAdministratorOnce()
    {
        await using var database = await TestPostgres.CreateWithReferenceDataAsync();
        var firstAdministrator = new Dictionary<string, string>
        {
            ["Portal:Setup:FirstAdministrator:UserName"] = "chief",
            ["Portal:Setup:FirstAdministrator:Password"] = AdministratorPassword,
            ["Portal:Setup:FirstAdministrator:Nationality"] = "gbr",
            ["Portal:Setup:FirstAdministrator:Clearance"] = "Confidential",
        };
        await using (var production = new PortalOverSharedDatabase(database, environment: "Production", settings: firstAdministrator))
        {
            using var client = production.CreateBrowserClient(new Uri("https://diploportal.test"));
            using var form = await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative));
            Assert.Equal("max-age=31536000", string.Join(",", form.Headers.GetValues("Strict-Transport-Security")));
            Assert.All(form.Headers.GetValues("Set-Cookie"), c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));

            using var signIn = await AccountsPortal.PostSignInAsync(client, "chief", AdministratorPassword);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            var cookie = signIn.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("DiploPortal.Auth", StringComparison.Ordinal));
            Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        }

        // Started again with another first administrator configured: the existing one is kept, no second is made.
        firstAdministrator["Portal:Setup:FirstAdministrator:UserName"] = "deputy";
        await using (var again = new PortalOverSharedDatabase(database, environment: "Production", settings: firstAdministrator))
        {
            using var client = again.CreateBrowserClient(new Uri("https://diploportal.test"));
            using var live = await client.GetAsync(new Uri("/healthz/live", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        Assert.Equal("chief:Administrator:Confidential:GBR", await database.ScalarAsync<string>(
            "SELECT string_agg(user_name || ':' || role || ':' || clearance || ':' || nation_code, ',') FROM users"));
        Assert.Equal(1L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_entries WHERE action = 'PermissionChanged' AND entity_key = 'chief'"));
    }

    [Fact]
    public async Task TrustsForwardedHttpsOnlyFromAConfiguredProxy()
    {
        await using var database = await TestPostgres.CreateWithReferenceDataAsync();
        Assert.True(await HstsBehindProxyAsync(database, knownProxy: "127.0.0.1"));
        Assert.False(await HstsBehindProxyAsync(database, knownProxy: "10.0.0.0/8"));
    }

    /// <summary>A request over http from 127.0.0.1 that says it came over https: does the portal believe it?</summary>
    private static async Task<bool> HstsBehindProxyAsync(TestDatabase database, string knownProxy)
    {
        await using var portal = new PortalOverSharedDatabase(database, environment: "Production",
            settings: new Dictionary<string, string> { ["Portal:ForwardedHeaders:KnownProxies:0"] = knownProxy });
        var address = portal.StartKestrel();
        using var client = new HttpClient { BaseAddress = address };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/healthz/live", UriKind.Relative));
        // HSTS is never sent for localhost or an IP address, so the request names a host.
        request.Headers.Host = "diploportal.test";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.Contains("Strict-Transport-Security");
    }

    /// <summary>The portal as its own process in Production, with every secret set unless <paramref name="overrides"/> says otherwise.</summary>
    private static Task<(int ExitCode, string Output)> RunInProductionAsync(Dictionary<string, string> overrides)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Portal"] = "Host=127.0.0.1;Port=1;Username=portal;Password=secret;Database=diploportal;Timeout=3",
            ["Portal__DataProtection__KeyEncryptionKey"] = PortalWebFactory.KeyEncryptionKey,
            ["Portal__Audit__ChainKey"] = TestPostgres.ChainKeyText,
        };
        foreach (var (key, value) in overrides)
        {
            environment[key] = value;
        }

        return StartupFailures.RunPortalAsync(environment);
    }
}
