using DiploPortal.Core.Alliances;
using DiploPortal.Core.Nations;
using DiploPortal.Web.Attaches;
using DiploPortal.Web.Components;
using DiploPortal.Web.Engagements;
using DiploPortal.Web.Exercises;
using DiploPortal.Web.Lists;
using DiploPortal.Web.Missions;
using DiploPortal.Web.ReferenceData;
using MudBlazor.Services;
using Serilog;
using Serilog.Events;

namespace DiploPortal.Web.Hosting;

public static class PortalUiExtensions
{
    public static IServiceCollection AddPortalUi(this IServiceCollection services)
    {
        // A paste into a text field travels as one circuit message: room for a bounded field's whole box (TextLimit.BoxLimit),
        // which the default 32 KB would refuse by closing the circuit.
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 256 * 1024);
        services.AddMudServices();
        return services;
    }

    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseSerilogRequestLogging(options =>
        {
            options.GetLevel = RequestFaults.LevelOf;
            // The request line names the path as LoggedPath gives it: a feed's token stays out of the log.
            options.GetMessageTemplateProperties = (context, _, elapsed, status) =>
            [
                new("RequestMethod", new ScalarValue(context.Request.Method)),
                new("RequestPath", new ScalarValue(LoggedPath.Of(context.Request.Path))),
                new("StatusCode", new ScalarValue(status)),
                new("Elapsed", new ScalarValue(elapsed)),
            ];
        });
        app.UsePortalInputLimits();
        // People get the portal's not-found page; API responses carry problem details, which this leaves alone.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapPortalUi(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapEngagementExports();
        app.MapExerciseExports();
        app.MapMissionExports();
        app.MapListExport<NationDirectory, NationListFilter, NationRecord>(NationListAddress.Export);
        app.MapListExport<AllianceDirectory, AllianceListFilter, AllianceRecord>(AllianceListAddress.Export);
        app.MapAttacheExports();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
