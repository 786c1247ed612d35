using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DiploPortal.Core.Data;

/// <summary>The one place that configures the EF Core provider, for the app, the tools and the tests.</summary>
public static class PortalDatabase
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder
            .UseNpgsql(WithoutJit(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();

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
