using DiploPortal.Core;
using DiploPortal.Core.Setup;
using DiploPortal.Web.Accounts;
using Microsoft.Extensions.Options;

namespace DiploPortal.Web.Hosting;

public static class PortalDataExtensions
{
    public static WebApplicationBuilder AddPortalData(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Portal");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("The connection string ConnectionStrings:Portal is not set.");
        }

        builder.Services.AddPortalCore(connectionString);
        builder.Services.Configure<PortalSetupOptions>(builder.Configuration.GetSection(PortalSetupOptions.Section));
        return builder;
    }

    /// <summary>Migrates and seeds the database before the portal takes requests, as configured.</summary>
    public static async Task RunPortalSetupAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<PortalSetupOptions>>().Value;
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PortalUserState>().ActAsSystem();
        await scope.ServiceProvider.GetRequiredService<PortalSetup>().RunAsync(options, app.Lifetime.ApplicationStopping);
        if (app.Configuration.GetValue<bool>("Portal:Setup:DemoAccounts"))
        {
            await scope.ServiceProvider.GetRequiredService<DemoAccounts>().EnsureAsync();
        }

        await scope.ServiceProvider.GetRequiredService<FirstAdministrator>().EnsureAsync(app.Lifetime.ApplicationStopping);
    }
}
