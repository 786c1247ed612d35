using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Audit;

/// <summary>Records events that change no entity (sign-in, failed sign-in, token changes) or that say more than the entity change (permission changes).</summary>
public sealed class AuditTrail(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>Records an event by the user of the current scope; <paramref name="details"/> is stored as JSON in <c>after</c>.</summary>
    public Task RecordAsync(AuditAction action, string? entityType, string? entityKey, object? details, CancellationToken cancellationToken = default) =>
        RecordAsync(actor: null, action, entityType, entityKey, details, cancellationToken);

    /// <summary>
    /// Records an event with an explicit actor, for the moments the scope does not know the user yet
    /// (a sign-in, or a failed one under the name that was tried).
    /// </summary>
    public async Task RecordAsync(string? actor, AuditAction action, string? entityType, string? entityKey, object? details, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await AuditChain.AppendAsync(
            db,
            actor ?? db.User.Name,
            [new PendingAuditEntry(action, entityType, entityKey, null, AuditJson.Serialize(details))],
            async: true,
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Records an event by the context's user inside <paramref name="db"/>'s open transaction, so that it
    /// commits or rolls back with the change it describes (an account's permissions, changed through
    /// Identity on that context). <paramref name="before"/> and <paramref name="after"/> are stored as JSON.
    /// </summary>
    public static Task RecordAsync(PortalDbContext db, AuditAction action, string? entityType, string? entityKey, object? before, object? after, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return AuditChain.AppendAsync(
            db,
            db.User.Name,
            [new PendingAuditEntry(action, entityType, entityKey, AuditJson.Serialize(before), AuditJson.Serialize(after))],
            async: true,
            cancellationToken);
    }
}
