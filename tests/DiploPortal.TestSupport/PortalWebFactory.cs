using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DiploPortal.TestSupport;

/// <summary>
/// The real portal (its Program, services and pipeline) over a database of its own copied from
/// the reference-data template. Use as an xunit class or collection fixture.
/// </summary>
public class PortalWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _logDirectory = Directory.CreateTempSubdirectory("diploportal-test-logs-").FullName;

    /// <summary>
    /// The key that encrypts the Data Protection keys stored in the test database, as
    /// Portal:DataProtection:KeyEncryptionKey; a test may set another one through <see cref="Settings"/>.
    /// </summary>
    public const string KeyEncryptionKey = "ZGlwbG9wb3J0YWwtdGVzdHMtb25seS0zMi1ieXRlcyE=";

    public TestDatabase Database { get; protected set; } = null!;

    /// <summary>Extra setup applied at start-up (for example demo data), as configuration keys.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public virtual async Task InitializeAsync() => Database = await TestPostgres.CreateWithReferenceDataAsync();

    /// <summary>Serves the portal on a real loopback port (for a browser) and returns its address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // As in production: the portal as a role that owns nothing (a missing grant fails the test), setup as the owner.
        builder.UseSetting("ConnectionStrings:Portal", Database.PortalConnectionString);
        builder.UseSetting("ConnectionStrings:PortalOwner", Database.OwnerConnectionString);
        builder.UseSetting(DiploPortal.Core.Audit.AuditChainKey.ConfigurationKey, TestPostgres.ChainKeyText);
        builder.UseSetting("Portal:LogDirectory", _logDirectory);
        builder.UseSetting("Portal:DataProtection:KeyEncryptionKey", KeyEncryptionKey);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
        Directory.Delete(_logDirectory, recursive: true);
    }
}
