using Microsoft.Extensions.DependencyInjection;

namespace DiploPortal.Core.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>Event recording, chain verification and the read side of the trail. Entity changes need nothing: the context records them.</summary>
    public static IServiceCollection AddPortalAudit(this IServiceCollection services)
    {
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditChainVerifier>();
        services.AddScoped<AuditQueries>();
        services.AddTransient<AuditChainRekeying>();
        return services;
    }
}
