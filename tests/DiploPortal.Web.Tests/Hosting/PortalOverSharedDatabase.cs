using DiploPortal.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DiploPortal.Web.Tests.Hosting;

/// <summary>
/// One portal instance of several over the same database (as behind a load balancer), with its own
/// key encryption key and environment. Dispose it with <c>await using</c>: the database belongs to the test.
/// </summary>
public sealed class PortalOverSharedDatabase : PortalWebFactory
{
    /// <summary>Production refuses a connection string without a password; the test server trusts any.</summary>
    public const string UnusedPassword = "unused-the-test-server-trusts-local-connections";

    private readonly string _keyEncryptionKey;
    private readonly string _environment;
    private readonly IReadOnlyDictionary<string, string> _settings;

    public PortalOverSharedDatabase(TestDatabase database, string keyEncryptionKey = KeyEncryptionKey, string environment = "Development", IReadOnlyDictionary<string, string>? settings = null)
    {
        Database = database;
        _keyEncryptionKey = keyEncryptionKey;
        _environment = environment;
        _settings = settings ?? new Dictionary<string, string>();
    }

    public string ProductionConnectionString => Database.ConnectionString + ";Password=" + UnusedPassword;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>(_settings)
    {
        ["Portal:DataProtection:KeyEncryptionKey"] = _keyEncryptionKey,
        ["Portal:RateLimits:SignIn:PermitLimit"] = "1000",
    };

    public HttpClient CreateBrowserClient(Uri? baseAddress = null) => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = baseAddress ?? new Uri("http://localhost"),
    });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(_environment);
        if (_environment != "Development")
        {
            builder.UseSetting("ConnectionStrings:Portal", ProductionConnectionString);
        }
    }
}
