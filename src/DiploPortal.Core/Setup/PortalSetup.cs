using DiploPortal.Core.Data;
using DiploPortal.Core.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DiploPortal.Core.Setup;

/// <summary>Brings a database up to date: migrations, reference data, then demo data, each when asked for.</summary>
public sealed partial class PortalSetup(
    IDbContextFactory<PortalDbContext> dbFactory,
    ReferenceDataLoader referenceData,
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
        }

        if (options.LoadReferenceData)
        {
            await referenceData.LoadAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated: {PendingCount} migrations applied")]
    private static partial void LogMigrated(ILogger logger, int pendingCount);
}
