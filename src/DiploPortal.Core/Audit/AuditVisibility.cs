using System.Globalization;
using System.Reflection;
using System.Text.Json;
using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using DiploPortal.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DiploPortal.Core.Audit;

/// <summary>
/// The record visibility rule applied to the audit trail (docs/SECURITY.md): an entry about a classified
/// record, or a row belonging to one (participants, contributions, scores...), shows its values only to a
/// reader who may see that record. The record is judged live, through the reader's filtered context; a
/// deleted record by the marking its deletion entry kept; and the entry's own marking values (a lowered
/// classification, say) must pass too. Whatever cannot be judged is hidden: the rule fails closed.
/// </summary>
internal static class AuditVisibility
{
    private const int MaxRange = 100_000;

    private static readonly MethodInfo LiveMethod = typeof(AuditVisibility).GetMethod(nameof(LiveAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The ids of <paramref name="entries"/> whose values the context's user may not read.</summary>
    public static async Task<HashSet<long>> HiddenAsync(PortalDbContext db, IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var hidden = new HashSet<long>();
        var user = db.User;
        if (user.IsSystem || entries.Count == 0)
        {
            return hidden;
        }

        var types = db.Model.GetEntityTypes().Where(t => !t.IsOwned()).ToDictionary(t => t.ShortName(), StringComparer.Ordinal);
        var subjects = new Dictionary<long, List<Subject>>();
        foreach (var entry in entries)
        {
            if (entry.EntityType is null || !types.TryGetValue(entry.EntityType, out var type))
            {
                continue;
            }

            var values = Values(entry);
            if (IsClassified(type) && !MarkingsPass(user, values))
            {
                hidden.Add(entry.Id);
                continue;
            }

            if (IsClassified(type) && entry.EntityKey is null && HighestPasses(user, values) is { } passes)
            {
                if (!passes)
                {
                    hidden.Add(entry.Id);
                }

                continue;
            }

            if (SubjectsOf(type, entry, values) is { } found)
            {
                subjects[entry.Id] = found;
            }
            else
            {
                hidden.Add(entry.Id);
            }
        }

        var all = subjects.Values.SelectMany(s => s).Distinct().ToList();
        var visible = await VisibleSubjectsAsync(db, user, all, cancellationToken);
        var history = await MarkingHistoryAsync(db, all.Where(s => s.FirstId == s.LastId).ToList(), cancellationToken);
        foreach (var (id, needed) in subjects)
        {
            if (!needed.TrueForAll(visible.Contains)
                || needed.Exists(s => InForce(history, s, id) is { } marking && !MarkingsPass(user, [marking])))
            {
                hidden.Add(id);
            }
        }

        return hidden;
    }

    /// <summary>
    /// The marking a record had when entry <paramref name="entryId"/> was written, from the record's own
    /// created and updated entries up to it; null when the trail does not know (records loaded by COPY).
    /// A change made while a record was Secret stays Secret after the record is lowered.
    /// </summary>
    private static Dictionary<string, JsonElement>? InForce(Dictionary<Subject, List<(long Id, Dictionary<string, JsonElement> Values)>> history, Subject subject, long entryId)
    {
        if (!history.TryGetValue(subject, out var entries))
        {
            return null;
        }

        Dictionary<string, JsonElement>? marking = null;
        foreach (var (id, values) in entries.Where(e => e.Id <= entryId))
        {
            marking ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var name in MarkingNames.Where(values.ContainsKey))
            {
                marking[name] = values[name];
            }
        }

        return marking;
    }

    private static readonly string[] MarkingNames =
        [nameof(ClassifiedRecord.Classification), nameof(ClassifiedRecord.ReleasableToNations), nameof(ClassifiedRecord.ReleasableToAlliances)];

    /// <summary>The after values of each record's created and updated entries, oldest first (index on entity type and key).</summary>
    private static async Task<Dictionary<Subject, List<(long Id, Dictionary<string, JsonElement> Values)>>> MarkingHistoryAsync(
        PortalDbContext db, List<Subject> subjects, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Subject, List<(long, Dictionary<string, JsonElement>)>>();
        foreach (var group in subjects.GroupBy(s => s.Type))
        {
            var name = group.Key.ShortName();
            var keys = group.Select(s => s.FirstId.ToString(CultureInfo.InvariantCulture)).Distinct().ToList();
            var rows = await db.AuditEntries.AsNoTracking()
                .Where(e => e.EntityType == name && keys.Contains(e.EntityKey!) && (e.Action == AuditAction.Created || e.Action == AuditAction.Updated))
                .OrderBy(e => e.Id)
                .Select(e => new { e.Id, e.EntityKey, e.After })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                if (Parse(row.After) is { } values)
                {
                    var subject = new Subject(group.Key, int.Parse(row.EntityKey!, CultureInfo.InvariantCulture), int.Parse(row.EntityKey!, CultureInfo.InvariantCulture));
                    if (!result.TryGetValue(subject, out var list))
                    {
                        result[subject] = list = [];
                    }

                    list.Add((row.Id, values));
                }
            }
        }

        return result;
    }

    /// <summary>One classified record, or a range of them (an import), that an entry is about.</summary>
    private sealed record Subject(IEntityType Type, int FirstId, int LastId);

    private static bool IsClassified(IEntityType type) => typeof(ClassifiedRecord).IsAssignableFrom(type.ClrType);

    /// <summary>
    /// The classified records the entry is about: itself, the records its row belongs to (foreign keys
    /// read from the key or the entry's values), or an import's id range; empty for entries about nothing
    /// classified; null when the entry does not say.
    /// </summary>
    private static List<Subject>? SubjectsOf(IEntityType type, AuditEntry entry, List<Dictionary<string, JsonElement>> values)
    {
        if (IsClassified(type))
        {
            if (entry.EntityKey is { } key)
            {
                return int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? [new Subject(type, id, id)] : null;
            }

            // An event about many records of the kind: an import names its id range.
            if (Number(values, "firstId") is { } first && Number(values, "lastId") is { } last)
            {
                return [new Subject(type, first, last)];
            }

            return null;
        }

        var subjects = new List<Subject>();
        var keyParts = entry.EntityKey?.Split(',') ?? [];
        var keyProperties = type.FindPrimaryKey()?.Properties ?? [];
        foreach (var foreignKey in type.GetForeignKeys().Where(fk => IsClassified(fk.PrincipalEntityType)))
        {
            var property = foreignKey.Properties[0];
            var position = keyProperties.ToList().IndexOf(property);
            var id = position >= 0 && position < keyParts.Length && int.TryParse(keyParts[position], NumberStyles.None, CultureInfo.InvariantCulture, out var fromKey)
                ? fromKey
                : Number(values, property.Name);
            if (id is { } found)
            {
                subjects.Add(new Subject(foreignKey.PrincipalEntityType, found, found));
            }
            else if (foreignKey.IsRequired)
            {
                return null;
            }
        }

        return subjects;
    }

    private static async Task<HashSet<Subject>> VisibleSubjectsAsync(PortalDbContext db, CurrentUser user, List<Subject> subjects, CancellationToken cancellationToken)
    {
        var visible = new HashSet<Subject>();
        foreach (var group in subjects.GroupBy(s => s.Type))
        {
            var singles = group.Where(s => s.FirstId == s.LastId).Select(s => s.FirstId).Distinct().ToArray();
            var (seen, existing) = await (Task<(HashSet<int>, HashSet<int>)>)LiveMethod.MakeGenericMethod(group.Key.ClrType).Invoke(null, [db, singles, cancellationToken])!;
            var deleted = singles.Where(id => !existing.Contains(id)).ToList();
            var markings = await DeletedMarkingsAsync(db, group.Key.ShortName(), deleted, cancellationToken);
            foreach (var subject in group.Where(s => s.FirstId == s.LastId))
            {
                if (seen.Contains(subject.FirstId) || (markings.TryGetValue(subject.FirstId, out var marking) && MarkingsPass(user, [marking])))
                {
                    visible.Add(subject);
                }
            }

            // An import's range (at most MaxRange ids; a longer or inverted one is not judged, so hidden).
            foreach (var range in group.Where(s => s.FirstId < s.LastId && (long)s.LastId - s.FirstId < MaxRange))
            {
                var ids = Enumerable.Range(range.FirstId, range.LastId - range.FirstId + 1).ToArray();
                var (rangeSeen, rangeExisting) = await (Task<(HashSet<int>, HashSet<int>)>)LiveMethod.MakeGenericMethod(group.Key.ClrType).Invoke(null, [db, ids, cancellationToken])!;
                if (rangeExisting.IsSubsetOf(rangeSeen))
                {
                    visible.Add(range);
                }
            }
        }

        return visible;
    }

    /// <summary>Of <paramref name="ids"/>: those the reader sees (the filtered context), and those that exist at all.</summary>
    private static async Task<(HashSet<int> Visible, HashSet<int> Existing)> LiveAsync<T>(PortalDbContext db, int[] ids, CancellationToken cancellationToken)
        where T : ClassifiedRecord
    {
        if (ids.Length == 0)
        {
            return ([], []);
        }

        var visible = await db.Set<T>().AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
        var existing = await db.Set<T>().AsNoTracking().IgnoreQueryFilters([Visibility.FilterName]).Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
        return ([.. visible], [.. existing]);
    }

    /// <summary>The values the deletion entry of each deleted record kept (its marking among them).</summary>
    private static async Task<Dictionary<int, Dictionary<string, JsonElement>>> DeletedMarkingsAsync(PortalDbContext db, string type, List<int> ids, CancellationToken cancellationToken)
    {
        var result = new Dictionary<int, Dictionary<string, JsonElement>>();
        if (ids.Count == 0)
        {
            return result;
        }

        var keys = ids.ConvertAll(id => id.ToString(CultureInfo.InvariantCulture));
        var deletions = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditAction.Deleted && e.EntityType == type && keys.Contains(e.EntityKey!))
            .Select(e => new { e.EntityKey, e.Before })
            .ToListAsync(cancellationToken);
        foreach (var deletion in deletions)
        {
            var values = Parse(deletion.Before);
            // Only a deletion that kept the marking can show the record's entries.
            if (values is not null && values.ContainsKey(nameof(ClassifiedRecord.Classification)))
            {
                result[int.Parse(deletion.EntityKey!, CultureInfo.InvariantCulture)] = values;
            }
        }

        return result;
    }

    /// <summary>
    /// Every marking an entry's values carry (before and after) is one the reader may see: a record
    /// lowered from Secret shows its Secret past only to those cleared for it. A side that carries only
    /// part of the marking is judged on that part (the rest is the live record's, judged separately).
    /// </summary>
    private static bool MarkingsPass(CurrentUser user, List<Dictionary<string, JsonElement>> values)
    {
        foreach (var side in values)
        {
            var hasClassification = side.TryGetValue(nameof(ClassifiedRecord.Classification), out var level);
            side.TryGetValue(nameof(ClassifiedRecord.ReleasableToNations), out var nations);
            side.TryGetValue(nameof(ClassifiedRecord.ReleasableToAlliances), out var alliances);
            var classification = Classification.Unclassified;
            if (hasClassification && (level.ValueKind != JsonValueKind.String || !Enum.TryParse(level.GetString(), out classification)))
            {
                return false;
            }

            if (!user.CanSee(classification, Texts(nations), Texts(alliances)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An export's entry names the highest marking it wrote (null: no rows); null when the entry names none.</summary>
    private static bool? HighestPasses(CurrentUser user, List<Dictionary<string, JsonElement>> values)
    {
        foreach (var side in values)
        {
            if (side.TryGetValue("highest", out var highest))
            {
                return highest.ValueKind == JsonValueKind.Null
                    || (highest.ValueKind == JsonValueKind.String && Enum.TryParse<Classification>(highest.GetString(), out var level) && level <= user.Clearance);
            }
        }

        return null;
    }

    private static List<string> Texts(JsonElement array) =>
        array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList() : [];

    private static int? Number(List<Dictionary<string, JsonElement>> values, string name)
    {
        foreach (var side in values)
        {
            if (side.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
            {
                return number;
            }
        }

        return null;
    }

    private static List<Dictionary<string, JsonElement>> Values(AuditEntry entry) =>
        new[] { Parse(entry.Before), Parse(entry.After) }.OfType<Dictionary<string, JsonElement>>().ToList();

    private static Dictionary<string, JsonElement>? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object
            ? document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal)
            : null;
    }
}
