using System.Text.Json;
using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Audit;

/// <summary>What the audit page and API filter by; null means any. Days are UTC days, both ends included.</summary>
public sealed record AuditFilter(string? Actor = null, AuditAction? Action = null, string? EntityType = null, DateOnly? From = null, DateOnly? Until = null, string? EntityKey = null);

/// <summary>One property of an entry, values as text ("—" when absent).</summary>
public sealed record AuditValue(string Property, string Before, string After);

/// <summary>
/// One entry as its reader may see it: <see cref="Redacted"/> when it is about a record the reader may
/// not see, and then without key or values (who, when, what action, which kind of record only).
/// </summary>
public sealed record AuditListItem(
    long Id,
    DateTime OccurredAt,
    string Actor,
    AuditAction Action,
    string? EntityType,
    string? EntityKey,
    IReadOnlyList<AuditValue> Values,
    bool Redacted = false);

/// <summary>
/// A page of entries, newest first; <see cref="HasOlder"/> says whether an older page exists, which
/// starts below <see cref="LastId"/> (the oldest entry looked at, shown or not).
/// </summary>
public sealed record AuditPage(IReadOnlyList<AuditListItem> Entries, bool HasOlder, long? LastId = null);

/// <summary>Read side of the audit trail: paging, filters, and the chain check.</summary>
public sealed class AuditQueries(IDbContextFactory<PortalDbContext> dbFactory, AuditChainVerifier verifier)
{
    public const string Missing = "—";

    /// <summary>
    /// Entries older than <paramref name="olderThanId"/> (the newest when null), newest first. Keyset
    /// paging on the id, so the thousandth page costs what the first does. Entries about records the
    /// reader may not see are redacted (<see cref="AuditVisibility"/>); asked for by record key, they are
    /// left out, so that the trail does not confirm that a hidden record exists.
    /// </summary>
    public async Task<AuditPage> PageAsync(AuditFilter filter, long? olderThanId, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.AuditEntries.AsNoTracking();
        if (olderThanId is { } before)
        {
            query = query.Where(e => e.Id < before);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            query = query.Where(e => e.Actor == actor);
        }

        if (filter.Action is { } action)
        {
            query = query.Where(e => e.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(e => e.EntityType == filter.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityKey))
        {
            var key = filter.EntityKey.Trim();
            query = query.Where(e => e.EntityKey == key);
        }

        var (rangeFrom, rangeUntil) = DayRange.Applied(filter.From, filter.Until);
        if (rangeFrom is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.OccurredAt >= start);
        }

        if (rangeUntil is { } until)
        {
            var end = until.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.OccurredAt < end);
        }

        var rows = await query.OrderByDescending(e => e.Id).Take(take + 1).ToListAsync(cancellationToken);
        var shown = rows.Take(take).ToList();
        var hidden = await AuditVisibility.HiddenAsync(db, shown, cancellationToken);
        var byKey = !string.IsNullOrWhiteSpace(filter.EntityKey);
        var items = shown
            .Where(e => !(byKey && hidden.Contains(e.Id)))
            .Select(e => hidden.Contains(e.Id)
                ? new AuditListItem(e.Id, e.OccurredAt, e.Actor, e.Action, e.EntityType, null, [], Redacted: true)
                : new AuditListItem(e.Id, e.OccurredAt, e.Actor, e.Action, e.EntityType, e.EntityKey, Values(e.Before, e.After)))
            .ToList();
        return new AuditPage(items, rows.Count > take, shown.Count > 0 ? shown[^1].Id : null);
    }

    /// <summary>The names entries use for entity types, from the model: no scan of the trail.</summary>
    public IReadOnlyList<string> EntityTypes()
    {
        using var db = dbFactory.CreateDbContext();
        return db.Model.GetEntityTypes()
            .Where(t => t.ClrType != typeof(AuditEntry) && !t.IsOwned())
            .Select(t => t.ShortName())
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public Task<AuditChainResult> VerifyChainAsync(CancellationToken cancellationToken = default) => verifier.VerifyAsync(cancellationToken);

    /// <summary>Before and after side by side, one row per property; event details appear as "after".</summary>
    internal static IReadOnlyList<AuditValue> Values(string? before, string? after)
    {
        var old = Properties(before);
        var @new = Properties(after);
        return old.Keys.Union(@new.Keys).Order(StringComparer.Ordinal)
            .Select(name => new AuditValue(name, old.GetValueOrDefault(name, Missing), @new.GetValueOrDefault(name, Missing)))
            .ToList();
    }

    private static Dictionary<string, string> Properties(string? json)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (json is null)
        {
            return result;
        }

        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            result["value"] = Readable(document.RootElement);
            return result;
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            result[property.Name] = Readable(property.Value);
        }

        return result;
    }

    private static string Readable(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => Missing,
        JsonValueKind.String => value.GetString() ?? Missing,
        JsonValueKind.Array => value.GetArrayLength() == 0 ? "(none)" : string.Join(", ", value.EnumerateArray().Select(Readable)),
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Number => value.GetRawText(),
        _ => value.GetRawText(),
    };
}
