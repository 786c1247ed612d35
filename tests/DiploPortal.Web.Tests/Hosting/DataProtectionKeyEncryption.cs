using System.Net;
using DiploPortal.TestSupport;
using DiploPortal.Web.Accounts;
using DiploPortal.Web.Hosting;
using DiploPortal.Web.Tests.Accounts;

namespace DiploPortal.Web.Tests.Hosting;

/// <summary>
/// The Data Protection keys (which sign cookies and antiforgery tokens) are stored in the database
/// encrypted with Portal:DataProtection:KeyEncryptionKey: readable by every portal that has the key,
/// by no one else.
/// </summary>
public class DataProtectionKeyEncryption
{
    private static readonly Dictionary<string, string> WithDemoAccounts = new() { ["Portal:Setup:DemoAccounts"] = "true" };

    [Fact]
    public async Task TheStoredKeysHoldNoPlainKeyMaterial()
    {
        await using var database = await TestPostgres.CreateWithReferenceDataAsync();
        await using var portal = new PortalOverSharedDatabase(database, settings: WithDemoAccounts);
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, "analyst");

        var xml = await database.ScalarAsync<string>("SELECT string_agg(xml, '') FROM data_protection_keys");
        Assert.NotNull(xml);
        Assert.Contains("urn:diploportal:data-protection", xml, StringComparison.Ordinal);
        // A plain key element carries its secret as <masterKey ...><value>base64</value></masterKey>.
        Assert.DoesNotContain("masterKey", xml, StringComparison.Ordinal);
        Assert.Contains("decryptorType=\"DiploPortal.Web.Hosting.KeyRingDecryptor", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoPortalsWithTheSameKeyAcceptEachOthersSignIn()
    {
        await using var database = await TestPostgres.CreateWithReferenceDataAsync();
        string cookie;
        await using (var first = new PortalOverSharedDatabase(database, settings: WithDemoAccounts))
        {
            using var client = first.CreateBrowserClient();
            using var signIn = await AccountsPortal.PostSignInAsync(client, "analyst", DemoAccounts.Password);
            cookie = SignInCookie(signIn);
        }

        await using var second = new PortalOverSharedDatabase(database);
        using var other = second.CreateBrowserClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/nations", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using var response = await other.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task APortalWithAnotherKeyRefusesToStartAndSaysWhichSettingIsWrong()
    {
        await using var database = await TestPostgres.CreateWithReferenceDataAsync();
        await using (var first = new PortalOverSharedDatabase(database, settings: WithDemoAccounts))
        {
            using var client = first.CreateBrowserClient();
            await AccountsPortal.SignInAsync(client, "analyst");
        }

        var (exitCode, output) = await StartupFailures.RunPortalAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Portal"] = database.ConnectionString,
            ["Portal__DataProtection__KeyEncryptionKey"] = KeyEncryptionKey.Generate().ToBase64(),
        });

        Assert.Equal(1, exitCode);
        StartupFailures.AssertOneClearLine(output, "cannot be decrypted", "Portal:DataProtection:KeyEncryptionKey");
        Assert.Contains("is encrypted with key encryption key", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APortalWithoutAKeyRefusesAnEncryptedKeyRingToo()
    {
        await using var database = await TestPostgres.CreateWithReferenceDataAsync();
        await using (var first = new PortalOverSharedDatabase(database, settings: WithDemoAccounts))
        {
            using var client = first.CreateBrowserClient();
            await AccountsPortal.SignInAsync(client, "analyst");
        }

        var (exitCode, output) = await StartupFailures.RunPortalAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Portal"] = database.ConnectionString,
        });

        Assert.Equal(1, exitCode);
        StartupFailures.AssertOneClearLine(output, "is not set", "Portal:DataProtection:KeyEncryptionKey");
    }

    private static string SignInCookie(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // A large cookie comes in chunks (DiploPortal.Auth, DiploPortal.AuthC1, ...).
        return string.Join("; ", response.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith("DiploPortal.Auth", StringComparison.Ordinal))
            .Select(c => c.Split(';')[0]));
    }
}
