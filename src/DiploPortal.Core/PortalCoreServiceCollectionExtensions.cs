using DiploPortal.Core.Alliances;
using DiploPortal.Core.Attaches;
using DiploPortal.Core.Audit;
using DiploPortal.Core.Dashboards;
using DiploPortal.Core.Data;
using DiploPortal.Core.DemoData;
using DiploPortal.Core.Engagements;
using DiploPortal.Core.Exercises;
using DiploPortal.Core.Missions;
using DiploPortal.Core.Nations;
using DiploPortal.Core.Overview;
using DiploPortal.Core.ReferenceData;
using DiploPortal.Core.Search;
using DiploPortal.Core.Security;
using DiploPortal.Core.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DiploPortal.Core;

public static class PortalCoreServiceCollectionExtensions
{
    /// <summary>
    /// The database and the feature services, shared by the portal, the tools and the tests. Without
    /// <paramref name="chainKey"/> nothing that writes the audit trail works (see <see cref="AuditChainKey"/>).
    /// </summary>
    public static IServiceCollection AddPortalCore(this IServiceCollection services, string connectionString, AuditChainKey? chainKey)
    {
        // Blazor Server keeps a scope per circuit: feature services take a short-lived context
        // from the factory for each operation instead of holding one for the whole circuit.
        // The pool is shared; each scope's factory binds the contexts it hands out to the scope's user.
        services.AddSingleton(_ =>
        {
            var options = new DbContextOptionsBuilder<PortalDbContext>();
            PortalDatabase.Configure(options, connectionString, chainKey);
            return new PooledDbContextFactory<PortalDbContext>(options.Options);
        });
        if (chainKey is not null)
        {
            services.TryAddSingleton(chainKey);
        }

        services.TryAddScoped<ICurrentUserAccessor, SystemUserAccessor>();
        services.AddScoped<IDbContextFactory<PortalDbContext>, UserScopedDbContextFactory>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddScoped<NationQueries>();
        services.AddScoped<NationStoryQueries>();
        services.AddScoped<AllianceQueries>();
        services.AddScoped<NationDirectory>();
        services.AddScoped<AllianceDirectory>();
        services.AddScoped<AllianceEditor>();
        services.AddScoped<NationEditor>();
        services.AddScoped<OverviewQueries>();
        services.AddScoped<EngagementQueries>();
        services.AddScoped<EngagementEditor>();
        services.AddScoped<Audit.DowngradeQueries>();
        services.AddScoped<EngagementImport>();
        services.AddScoped<AttacheQueries>();
        services.AddScoped<AttacheEditor>();
        services.AddScoped<AttacheReportQueries>();
        services.AddScoped<AttacheReportEditor>();
        services.AddScoped<ExerciseQueries>();
        services.AddScoped<ExerciseTimelineQueries>();
        services.AddScoped<ExerciseEditor>();
        services.AddScoped<ExerciseTransitions>();
        services.AddScoped<MilestoneLeadTimes>();
        services.AddScoped<ObservationEditor>();
        services.AddScoped<LessonQueries>();
        services.AddScoped<Exercises.Deconfliction.TrainingAreaEditor>();
        services.AddScoped<Exercises.Deconfliction.NationCapacityEditor>();
        services.AddScoped<Exercises.Deconfliction.ExerciseDeconfliction>();
        services.AddScoped<MissionQueries>();
        services.AddScoped<MissionEditor>();
        services.AddScoped<DashboardQueries>();
        services.AddScoped<SearchQueries>();
        services.AddPortalAudit();

        services.AddTransient<ReferenceDataLoader>();
        services.AddTransient<DemoDataGenerator>();
        services.AddTransient<Exercises.History.MmeImport>();
        services.AddTransient<PortalSetup>();
        return services;
    }
}
