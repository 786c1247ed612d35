using DiploPortal.Web.Feeds;
using DiploPortal.Web.Hosting;
using Serilog;

Log.Logger = PortalLogging.CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddPortalLogging();
    builder.AddPortalData();
    builder.AddPortalDataProtection();
    builder.RequireProductionSecrets();
    builder.Services.AddPortalAccounts(builder.Environment);
    builder.Services.AddPortalUi();
    builder.Services.AddPortalApi();
    builder.Services.AddCalendarFeeds();
    builder.Services.AddPortalHealthChecks();
    builder.Services.AddPortalSecurity(builder.Environment);
    builder.Services.AddPortalRateLimiting(builder.Configuration);
    builder.Services.AddPortalInputLimits();

    var app = builder.Build();
    await app.RunPortalSetupAsync();
    await app.VerifyStartupSecretsAsync();
    app.UsePortalSecurity();
    app.UsePortalPipeline();
    app.MapPortalAccounts();
    app.MapPortalApi();
    app.MapCalendarFeeds();
    app.MapPortalHealthChecks();
    app.MapPortalUi();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    StartupFailure.Report(ex);
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}
