using DiploPortal.Core;
using DiploPortal.Core.Audit;
using DiploPortal.Core.Setup;
using DiploPortal.Web.Accounts;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DiploPortal.Web.Hosting;

public static partial class PortalDataExtensions
{
    /// <summary>The connection string of the owner role, for migrations and setup; the portal itself runs as ConnectionStrings:Portal.</summary>
    public const string OwnerConnectionName = "PortalOwner";

    public static WebApplicationBuilder AddPortalData(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Portal");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("The connection string ConnectionStrings:Portal is not set.");
        }

        // Outside Development a trail hashed with a published key would prove nothing: no key, no start.
        var chainKey = AuditChainKey.FromSetting(builder.Configuration[AuditChainKey.ConfigurationKey], allowDevelopmentKey: builder.Environment.IsDevelopment())
            ?? throw new AuditChainKeyException($"{AuditChainKey.ConfigurationKey} is not set: outside Development the audit trail needs a key of its own.");
        builder.Services.AddPortalCore(connectionString, chainKey);
        builder.Services.Configure<PortalSetupOptions>(builder.Configuration.GetSection(PortalSetupOptions.Section));
        return builder;
    }

    /// <summary>
    /// Migrates and seeds the database before the portal takes requests, as configured: as the owner
    /// role when ConnectionStrings:PortalOwner is set (granting the portal's role what it needs), else
    /// with the portal's own connection.
    /// </summary>
    public static async Task RunPortalSetupAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<PortalSetupOptions>>().Value;
        if (app.Services.GetRequiredService<AuditChainKey>().IsDevelopmentKey)
        {
            LogDevelopmentKey(app.Logger, AuditChainKey.ConfigurationKey);
        }

        var owner = app.Configuration.GetConnectionString(OwnerConnectionName);
        if (string.IsNullOrWhiteSpace(owner))
        {
            await RunSetupAsync(app.Services, options, app.Lifetime.ApplicationStopping);
        }
        else if (options.ApplyMigrations || options.LoadReferenceData || options.LoadMme || options.DemoData)
        {
            var portalRole = new NpgsqlConnectionStringBuilder(app.Configuration.GetConnectionString("Portal")).Username;
            var ownerRole = new NpgsqlConnectionStringBuilder(owner).Username;
            var asOwner = new PortalSetupOptions
            {
                ApplyMigrations = options.ApplyMigrations,
                LoadReferenceData = options.LoadReferenceData,
                LoadMme = options.LoadMme,
                DemoData = options.DemoData,
                DemoSeed = options.DemoSeed,
                DemoEngagements = options.DemoEngagements,
                GrantToRole = string.Equals(portalRole, ownerRole, StringComparison.Ordinal) ? null : portalRole,
            };
            var services = new ServiceCollection()
                .AddSingleton(app.Services.GetRequiredService<ILoggerFactory>())
                .AddLogging()
                .AddPortalCore(owner, app.Services.GetRequiredService<AuditChainKey>());
            await using var ownerServices = services.BuildServiceProvider();
            await RunSetupAsync(ownerServices, asOwner, app.Lifetime.ApplicationStopping);
        }

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PortalUserState>().ActAsSystem();
        if (app.Configuration.GetValue<bool>("Portal:Setup:DemoAccounts"))
        {
            await scope.ServiceProvider.GetRequiredService<DemoAccounts>().EnsureAsync();
        }

        await scope.ServiceProvider.GetRequiredService<FirstAdministrator>().EnsureAsync(app.Lifetime.ApplicationStopping);
    }

    private static async Task RunSetupAsync(IServiceProvider services, PortalSetupOptions options, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetService<PortalUserState>()?.ActAsSystem();
        await scope.ServiceProvider.GetRequiredService<PortalSetup>().RunAsync(options, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development: the audit chain is keyed with the fixed development key, which protects nothing; set {Setting} for a key of your own")]
    private static partial void LogDevelopmentKey(ILogger logger, string setting);
}
