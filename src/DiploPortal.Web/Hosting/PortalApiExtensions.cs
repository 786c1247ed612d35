using System.Text.Json.Serialization;
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
        app.MapOpenApi();
        app.MapGroup("/api").MapReferenceDataApi();
        return app;
    }
}
