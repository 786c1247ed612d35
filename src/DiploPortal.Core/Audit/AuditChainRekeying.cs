using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace DiploPortal.Core.Audit;

/// <summary>What a re-keying did: the entries re-hashed, and the chain's head before and after.</summary>
public sealed record AuditRekeyResult(long Entries, string? OldHead, string? NewHead);

/// <summary>
/// Re-hashes, once, a trail written before the chain was keyed (plain SHA-256) with the chain key
/// (decision 0005). It runs as the owner role (it switches the trail's update trigger off for its own
/// transaction) and refuses unless the whole trail is an intact unkeyed chain: a trail with any keyed
/// entry was re-keyed already, and a broken one must be looked at, not laundered. The old head is
/// returned so the operator can keep it with the upgrade's notes.
/// </summary>
public sealed class AuditChainRekeying(IDbContextFactory<PortalDbContext> dbFactory)
{
    private const int BatchSize = 1000;

    private const string UpdateSql = """
        UPDATE audit_entries a SET previous_hash = u.previous_hash, hash = u.hash
        FROM unnest(@id, @previous_hash, @hash) AS u(id, previous_hash, hash)
        WHERE a.id = u.id
        """;

    public async Task<AuditRekeyResult> RekeyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = db.ChainKey;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await AuditChain.LockAsync(db, async: true, cancellationToken);

        long count = 0;
        string? oldHead = null;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (AuditJson.Hash(entry, key) == entry.Hash)
            {
                throw new InvalidOperationException($"Entry {entry.Id} is already hashed with the key: only a trail written wholly before the key is re-keyed.");
            }

            if (AuditJson.PlainHash(entry) != entry.Hash || entry.PreviousHash != (oldHead ?? AuditJson.Genesis))
            {
                throw new InvalidOperationException($"The unkeyed chain is broken at entry {entry.Id}: nothing was re-keyed. Find out why before keying it.");
            }

            oldHead = entry.Hash;
            count++;
        }

        if (count == 0)
        {
            return new AuditRekeyResult(0, null, null);
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var npgsqlTransaction = (NpgsqlTransaction)transaction.GetDbTransaction();
        await ExecuteAsync(connection, npgsqlTransaction, "ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_update_or_delete", cancellationToken);
        var previousHash = AuditJson.Genesis;
        long lastId = 0;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking().Where(e => e.Id > lastId).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var entry in batch)
            {
                entry.PreviousHash = previousHash;
                entry.Hash = AuditJson.Hash(entry, key);
                previousHash = entry.Hash;
            }

            await using var update = new NpgsqlCommand(UpdateSql, connection, npgsqlTransaction);
            update.Parameters.Add(new NpgsqlParameter<long[]>("id", batch.Select(e => e.Id).ToArray()));
            update.Parameters.Add(new NpgsqlParameter<string[]>("previous_hash", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = batch.Select(e => e.PreviousHash).ToArray() });
            update.Parameters.Add(new NpgsqlParameter<string[]>("hash", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = batch.Select(e => e.Hash).ToArray() });
            await update.ExecuteNonQueryAsync(cancellationToken);
            lastId = batch[^1].Id;
        }

        await ExecuteAsync(connection, npgsqlTransaction, "ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_update_or_delete", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AuditRekeyResult(count, oldHead, previousHash);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
#pragma warning disable CA2100 // Constant SQL.
        await using var command = new NpgsqlCommand(sql, connection, transaction);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
