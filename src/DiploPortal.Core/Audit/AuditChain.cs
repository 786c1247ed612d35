using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace DiploPortal.Core.Audit;

/// <summary>An entry waiting to be chained: before and after are canonical JSON (see <see cref="AuditJson"/>).</summary>
internal sealed record PendingAuditEntry(AuditAction Action, string? EntityType, string? EntityKey, string? Before, string? After);

/// <summary>
/// The one writer of audit rows, for entity changes (from <see cref="PortalDbContext"/>'s save) and for
/// events (<see cref="AuditTrail.RecordAsync(AuditAction, string?, string?, object?, CancellationToken)"/>).
/// Writers are serialised by a transaction-scoped advisory lock taken before the last hash is read, so
/// two concurrent saves cannot both chain onto the same entry; a unique index on previous_hash refuses
/// a fork should a writer ever get past the lock (for example from a repeatable-read snapshot).
/// The <c>async</c> flag lets the synchronous SaveChanges share this code (EF Core's own pattern).
/// </summary>
internal static class AuditChain
{
    /// <summary>Shared by every writer of the chain: "audit" in ASCII.</summary>
    private const long LockKey = 0x6175646974;

    private const string LockSql = "SELECT pg_advisory_xact_lock(@key)";

    private const string LastHashAndIdsSql = """
        SELECT (SELECT hash FROM audit_entries ORDER BY id DESC LIMIT 1),
               ARRAY(SELECT nextval(pg_get_serial_sequence('audit_entries', 'id')) FROM generate_series(1, @count))
        """;

    private const string InsertSql = """
        INSERT INTO audit_entries (id, occurred_at, actor, action, entity_type, entity_key, before, after, previous_hash, hash)
        SELECT * FROM unnest(@id, @occurred_at, @actor, @action, @entity_type, @entity_key, @before::jsonb[], @after::jsonb[], @previous_hash, @hash)
        """;

    /// <summary>Held until the transaction ends. Taken before a save's own writes, so audited writers queue instead of deadlocking.</summary>
    public static async Task LockAsync(PortalDbContext db, bool async, CancellationToken cancellationToken)
    {
        await using var command = Command(db, LockSql);
        command.Parameters.AddWithValue("key", LockKey);
        if (async)
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        else
        {
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Appends <paramref name="entries"/> within the context's current transaction, after <see cref="LockAsync"/>.</summary>
    public static async Task AppendAsync(PortalDbContext db, string actor, IReadOnlyList<PendingAuditEntry> entries, bool async, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var key = db.ChainKey;
        await LockAsync(db, async, cancellationToken);
        string previousHash;
        long[] ids;
        await using (var read = Command(db, LastHashAndIdsSql))
        {
            read.Parameters.AddWithValue("count", entries.Count);
            await using var reader = async ? await read.ExecuteReaderAsync(cancellationToken) : read.ExecuteReader();
            _ = async ? await reader.ReadAsync(cancellationToken) : reader.Read();
            previousHash = reader.IsDBNull(0) ? AuditJson.Genesis : reader.GetString(0);
            ids = reader.GetFieldValue<long[]>(1);
            Array.Sort(ids);
        }

        var occurredAt = AuditJson.ToMicroseconds(DateTime.UtcNow);
        var rows = new AuditEntry[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var pending = entries[i];
            var row = new AuditEntry
            {
                Id = ids[i],
                OccurredAt = occurredAt,
                Actor = actor,
                Action = pending.Action,
                EntityType = pending.EntityType,
                EntityKey = pending.EntityKey,
                Before = pending.Before,
                After = pending.After,
                PreviousHash = previousHash,
            };
            row.Hash = AuditJson.Hash(row, key);
            previousHash = row.Hash;
            rows[i] = row;
        }

        await using var insert = Command(db, InsertSql);
        insert.Parameters.Add(new NpgsqlParameter<long[]>("id", rows.Select(r => r.Id).ToArray()));
        insert.Parameters.Add(new NpgsqlParameter<DateTime[]>("occurred_at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = rows.Select(r => r.OccurredAt).ToArray() });
        insert.Parameters.Add(Text("actor", rows.Select(r => r.Actor)));
        insert.Parameters.Add(Text("action", rows.Select(r => r.Action.ToString())));
        insert.Parameters.Add(Text("entity_type", rows.Select(r => r.EntityType)));
        insert.Parameters.Add(Text("entity_key", rows.Select(r => r.EntityKey)));
        insert.Parameters.Add(Text("before", rows.Select(r => r.Before)));
        insert.Parameters.Add(Text("after", rows.Select(r => r.After)));
        insert.Parameters.Add(Text("previous_hash", rows.Select(r => r.PreviousHash)));
        insert.Parameters.Add(Text("hash", rows.Select(r => r.Hash)));
        if (async)
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        else
        {
            insert.ExecuteNonQuery();
        }
    }

    private static NpgsqlParameter<string?[]> Text(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = values.ToArray() };

    private static NpgsqlCommand Command(PortalDbContext db, string sql)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
            ?? throw new InvalidOperationException("Audit entries are written inside a transaction.");
#pragma warning disable CA2100 // Constant SQL; values are parameters.
        return new NpgsqlCommand(sql, transaction.Connection, transaction);
#pragma warning restore CA2100
    }
}
