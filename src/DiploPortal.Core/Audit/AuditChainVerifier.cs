using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Audit;

public enum AuditChainProblem
{
    /// <summary>The entry's content no longer matches its hash: it was edited.</summary>
    ContentAltered,

    /// <summary>The entry names a previous hash that is not the entry before it, and entries are missing in between.</summary>
    EntryMissing,

    /// <summary>The entry names a previous hash that is not the entry before it, with no entry missing: its link was rewritten.</summary>
    LinkBroken,

    /// <summary>
    /// The entry's hash is the unkeyed SHA-256 of its content: it was written before the chain was keyed
    /// (re-key such a chain once, see decision 0005), or someone without the key re-hashed it after an edit.
    /// </summary>
    NotKeyed,
}

/// <summary>What a verification found: intact when <see cref="Problem"/> is null.</summary>
public sealed record AuditChainResult(long EntriesChecked, long? FirstBrokenId, AuditChainProblem? Problem)
{
    public bool IsIntact => Problem is null;
}

/// <summary>
/// Walks the whole trail in id order, recomputing each keyed hash (the context's chain key) and checking
/// each link, streaming so that
/// memory stays flat however long the trail. A gap in ids alone proves nothing (an identity value is
/// used up by a rolled-back save); a previous hash that does not match the entry before it does.
/// Removing the newest entries cannot be seen from the chain alone: compare the last hash with one
/// noted earlier for that.
/// </summary>
public sealed class AuditChainVerifier(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<AuditChainResult> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = db.ChainKey;
        long checkedCount = 0;
        AuditEntry? previous = null;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            checkedCount++;
            if (AuditJson.Hash(entry, key) != entry.Hash)
            {
                // A plain hash that matches proves nothing: anyone who edits a row can recompute it.
                var problem = AuditJson.PlainHash(entry) == entry.Hash ? AuditChainProblem.NotKeyed : AuditChainProblem.ContentAltered;
                return new AuditChainResult(checkedCount, entry.Id, problem);
            }

            var expected = previous?.Hash ?? AuditJson.Genesis;
            if (entry.PreviousHash != expected)
            {
                // The first entry of an intact chain starts from the genesis hash; a later previous hash
                // that matches nothing before it means the entries it named were removed.
                var gap = previous is null || entry.Id != previous.Id + 1;
                return new AuditChainResult(checkedCount, entry.Id, gap ? AuditChainProblem.EntryMissing : AuditChainProblem.LinkBroken);
            }

            previous = entry;
        }

        return new AuditChainResult(checkedCount, null, null);
    }
}
