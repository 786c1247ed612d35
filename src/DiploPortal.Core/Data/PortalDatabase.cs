using DiploPortal.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace DiploPortal.Core.Data;

/// <summary>The one place that configures the EF Core provider, for the app, the tools and the tests.</summary>
public static class PortalDatabase
{
    /// <summary>
    /// The provider, the naming convention and the audit chain key. Without a key the contexts read and
    /// migrate, but refuse to write audit entries (so every save of a record).
    /// </summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString, AuditChainKey? chainKey = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .UseNpgsql(WithoutJit(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
        if (chainKey is not null)
        {
            ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new AuditChainKeyExtension(chainKey));
        }

        return builder;
    }

    /// <summary>
    /// PostgreSQL compiles an expensive-looking plan with LLVM before running it; for the portal's short
    /// queries that costs more than it saves (26 to 150 ms on a list page over a million engagements,
    /// docs/perf/plans.txt). Turned off per connection unless the connection string sets Options itself.
    /// </summary>
    public static string WithoutJit(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.Options))
        {
            builder.Options = "-c jit=off";
        }

        return builder.ConnectionString;
    }
}
