using DiploPortal.Core.Data;
using DiploPortal.Core.DemoData;
using DiploPortal.Core.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DiploPortal.Core.Setup;

/// <summary>Brings a database up to date: migrations, reference data, the historical exercises, then demo data, each when asked for.</summary>
public sealed partial class PortalSetup(
    IDbContextFactory<PortalDbContext> dbFactory,
    ReferenceDataLoader referenceData,
    DemoDataGenerator demoData,
    Exercises.History.MmeImport mme,
    ILogger<PortalSetup> logger)
{
    public async Task RunAsync(PortalSetupOptions options, CancellationToken cancellationToken = default)
    {
        if (options.ApplyMigrations)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.Database.MigrateAsync(cancellationToken);
            LogMigrated(logger, pending.Count);
            if (!string.IsNullOrWhiteSpace(options.GrantToRole))
            {
                await db.Database.OpenConnectionAsync(cancellationToken);
                await PortalDatabaseRoles.GrantAsync((Npgsql.NpgsqlConnection)db.Database.GetDbConnection(), options.GrantToRole, cancellationToken);
                LogGranted(logger, options.GrantToRole);
            }
        }

        if (options.LoadReferenceData)
        {
            await referenceData.LoadAsync(cancellationToken);
        }

        if (options.LoadMme)
        {
            var report = await mme.ImportShippedAsync(cancellationToken);
            if (!report.Succeeded)
            {
                throw new InvalidOperationException(report.Describe(maxLines: 20));
            }
        }

        if (options.DemoData)
        {
            // Skipped (under a table lock) when demo engagements exist, so every start-up after the first is a no-op.
            await demoData.GenerateAsync(
                new DemoDataOptions { Seed = options.DemoSeed, Engagements = options.DemoEngagements, SkipIfDemoDataExist = true },
                cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated: {PendingCount} migrations applied")]
    private static partial void LogMigrated(ILogger logger, int pendingCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Granted the portal's role {Role} rows, not the schema: the audit trail read and append only")]
    private static partial void LogGranted(ILogger logger, string role);
}
