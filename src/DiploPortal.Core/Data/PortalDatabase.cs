using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Data;

/// <summary>The one place that configures the EF Core provider, for the app, the tools and the tests.</summary>
public static class PortalDatabase
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
}
