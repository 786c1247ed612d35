using System.Text.Json.Serialization;
using DiploPortal.Web.Accounts;
using DiploPortal.Web.Api;

namespace DiploPortal.Web.Hosting;

public static class PortalApiExtensions
{
    public static IServiceCollection AddPortalApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddOpenApi();
        // Enums travel by name ("FoundingMember"), like they are stored.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return services;
    }

    public static WebApplication MapPortalApi(this WebApplication app)
    {
        app.MapOpenApi().RequireAuthorization(PortalPolicies.ReadRecords);
        var api = app.MapGroup("/api").RequireAuthorization(PortalPolicies.ReadRecords);
        api.MapTokenApi();
        api.MapReferenceDataApi();
        api.MapEngagementApi();
        api.MapEngagementWriteApi();
        api.MapExerciseApi();
        api.MapExerciseConflictApi();
        api.MapSearchApi();
        api.MapAuditApi();
        api.MapAccountAdministrationApi();
        // An unknown API address answers like the rest of the API, not with the portal's HTML page.
        api.Map("/{**path}", (string? path) => TypedResults.Problem(
                title: "Not found", detail: $"There is no API endpoint at /api/{path}.", statusCode: StatusCodes.Status404NotFound))
            .ExcludeFromDescription();
        return app;
    }
}
