using System.Globalization;
using System.Text.Json;
using DiploPortal.Core.Attaches;
using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using DiploPortal.Core.Engagements;
using DiploPortal.Core.Exercises;
using DiploPortal.Core.Missions;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Audit;

/// <summary>
/// One downgrade: who, when and which kind of record always; the record, its old and new marking and the
/// reason only when the reader may see the record now (<see cref="IsVisible"/>), by the visibility rule.
/// </summary>
public sealed record DowngradeItem(long Id, DateTime OccurredAt, string Actor, string? EntityType, bool IsVisible, int? RecordId, string? From, string? To, string? Reason);

/// <summary>A page of downgrades, newest first; <see cref="HasOlder"/> says whether an older page exists.</summary>
public sealed record DowngradePage(IReadOnlyList<DowngradeItem> Items, bool HasOlder);

/// <summary>
/// The <c>Downgraded</c> entries of the audit trail for administrators (<c>/admin/downgrades</c>). An entry's
/// values are shown only when the reader may see its record through the visibility filter; otherwise who,
/// when and which kind of record, as the trail shows any entry about a hidden record.
/// </summary>
public sealed class DowngradeQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<DowngradePage> PageAsync(long? olderThanId, int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.Downgraded);
        if (olderThanId is { } before)
        {
            query = query.Where(e => e.Id < before);
        }

        var rows = await query.OrderByDescending(e => e.Id).Take(take + 1).ToListAsync(cancellationToken);
        var shown = rows.Take(take).ToList();
        var visible = new HashSet<(string, int)>();
        foreach (var group in shown.Where(e => e.EntityType is not null).GroupBy(e => e.EntityType!))
        {
            var ids = group.Select(e => int.TryParse(e.EntityKey, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).Distinct().ToList();
            foreach (var id in await VisibleIdsAsync(db, group.Key, ids, cancellationToken))
            {
                visible.Add((group.Key, id));
            }
        }

        var items = shown.Select(e =>
            e.EntityType is { } type && int.TryParse(e.EntityKey, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && visible.Contains((type, id))
                ? new DowngradeItem(e.Id, e.OccurredAt, e.Actor, type, true, id, MarkingText(e.Before), MarkingText(e.After), Text(e.After, "Reason"))
                : new DowngradeItem(e.Id, e.OccurredAt, e.Actor, e.EntityType, false, null, null, null, null)).ToList();
        return new DowngradePage(items, rows.Count > take);
    }

    /// <summary>Which of <paramref name="ids"/> the reader may see (a report only with its attaché); none of an unknown kind.</summary>
    private static Task<List<int>> VisibleIdsAsync(PortalDbContext db, string entityType, List<int> ids, CancellationToken cancellationToken) => entityType switch
    {
        nameof(Engagement) => db.Engagements.Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken),
        nameof(MilitaryAttache) => db.Attaches.Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken),
        nameof(AttacheReport) => db.AttacheReports.Where(r => ids.Contains(r.Id) && r.Attache != null).Select(r => r.Id).ToListAsync(cancellationToken),
        nameof(JointExercise) => db.Exercises.Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken),
        nameof(HumanitarianMission) => db.Missions.Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken),
        _ => Task.FromResult(new List<int>()),
    };

    private static string? MarkingText(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty(nameof(RecordMarking.Classification), out var level) || level.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var caveats = new[] { nameof(RecordMarking.ReleasableToNations), nameof(RecordMarking.ReleasableToAlliances) }
            .Where(p => root.TryGetProperty(p, out var list) && list.ValueKind == JsonValueKind.Array)
            .SelectMany(p => root.GetProperty(p).EnumerateArray().Select(c => c.GetString()).OfType<string>())
            .ToList();
        return caveats.Count == 0 ? $"{level.GetString()}, no caveat" : $"{level.GetString()}, releasable to {string.Join(", ", caveats)}";
    }

    private static string? Text(string? json, string property)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
