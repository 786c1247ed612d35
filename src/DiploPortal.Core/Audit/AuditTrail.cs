using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Audit;

/// <summary>Records events that change no entity (sign-in, failed sign-in, permission and token changes).</summary>
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
}
