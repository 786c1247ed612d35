using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DiploPortal.Core.Audit;

/// <summary>
/// One entity change seen by the change tracker, turned into an audit entry. Before and changed values
/// are taken before the save; an added entity's key and values after it, when the database has
/// assigned them. Only changes through the change tracker are seen: the demo generator's binary COPY
/// (generated records, marked is_demo) and ExecuteUpdate/ExecuteDelete bypass it, so code that changes
/// a person's records in bulk records that itself with <see cref="AuditTrail"/>.
/// </summary>
internal sealed class AuditedChange
{
    private readonly EntityEntry _entry;
    private readonly AuditAction _action;
    private readonly string? _before;
    private readonly string? _after;

    private AuditedChange(EntityEntry entry, AuditAction action, string? before, string? after)
    {
        _entry = entry;
        _action = action;
        _before = before;
        _after = after;
    }

    /// <summary>True for a change to nations, alliances or their memberships, which lists cache (ReferenceDataCache).</summary>
    public bool IsReferenceData => _entry.Entity is Nations.Nation or Alliances.Alliance or Alliances.AllianceMembership;

    /// <summary>
    /// Call after DetectChanges and before the save. <paramref name="importId"/>: the import making the changes,
    /// named in each <c>Updated</c> entry's new values as <see cref="FromImport"/>.
    /// </summary>
    public static List<AuditedChange> Collect(ChangeTracker tracker, int? importId = null)
    {
        var changes = new List<AuditedChange>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            if (entry.Entity is AuditEntry)
            {
                throw new InvalidOperationException("Audit entries are appended by the audit trail only, never saved through the context.");
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    changes.Add(new AuditedChange(entry, AuditAction.Created, null, null));
                    break;
                case EntityState.Deleted:
                    changes.Add(new AuditedChange(entry, AuditAction.Deleted, Snapshot(entry, original: true, onlyModified: false), null));
                    break;
                default:
                    var changed = Recorded(entry).Where(p => p.IsModified && !Same(p)).ToList();
                    if (changed.Count > 0)
                    {
                        changes.Add(new AuditedChange(
                            entry,
                            AuditAction.Updated,
                            Snapshot(entry, original: true, onlyModified: true),
                            Snapshot(entry, original: false, onlyModified: true, importId)));
                    }

                    break;
            }
        }

        return changes;
    }

    /// <summary>Call after the save (before AcceptAllChanges), when generated keys are known.</summary>
    public PendingAuditEntry Complete() => new(
        _action,
        _entry.Metadata.ShortName(),
        Key(_entry),
        _before,
        _action == AuditAction.Created ? Snapshot(_entry, original: false, onlyModified: false) : _after);

    private static string? Key(EntityEntry entry) =>
        entry.Metadata.FindPrimaryKey() is { } key
            ? string.Join(",", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)))
            : null;

    /// <summary>The key under which an update made by an import names it (no entity has a property of that name).</summary>
    public const string FromImport = "FromImport";

    private static string? Snapshot(EntityEntry entry, bool original, bool onlyModified, int? importId = null)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        if (importId is { } import)
        {
            values[FromImport] = import;
        }

        foreach (var property in Recorded(entry))
        {
            if (onlyModified && (!property.IsModified || Same(property)))
            {
                continue;
            }

            values[property.Metadata.Name] = original ? property.OriginalValue : property.CurrentValue;
        }

        return AuditJson.Serialize(values);
    }

    private static bool Same(PropertyEntry property) =>
        property.Metadata.GetValueComparer().Equals(property.OriginalValue, property.CurrentValue);

    /// <summary>
    /// Secrets never enter the trail; nor do the row version (xmin) and computed columns (search
    /// vectors), which are the database's, not a person's.
    /// </summary>
    private static IEnumerable<PropertyEntry> Recorded(EntityEntry entry) =>
        entry.Properties.Where(p => !IsSecret(p.Metadata.Name) && !IsSecretValue(entry, p.Metadata.Name) && !IsDatabasesOwn(p.Metadata));

    // Identity's user tokens (authenticator keys, recovery codes) and Data Protection's key XML are key material.
    private static bool IsSecretValue(EntityEntry entry, string name) =>
        (entry.Entity is Microsoft.AspNetCore.Identity.IdentityUserToken<int> && name == nameof(Microsoft.AspNetCore.Identity.IdentityUserToken<int>.Value))
        || (entry.Entity is Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey && name == nameof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey.Xml));

    private static bool IsSecret(string name) =>
        name.Contains("Password", StringComparison.OrdinalIgnoreCase)
        || name.Contains("SecurityStamp", StringComparison.OrdinalIgnoreCase)
        || name.Contains("ConcurrencyStamp", StringComparison.OrdinalIgnoreCase)
        || name.Contains("TokenHash", StringComparison.OrdinalIgnoreCase);

    private static bool IsDatabasesOwn(IProperty property) =>
        (property.IsConcurrencyToken && property.ValueGenerated == ValueGenerated.OnAddOrUpdate)
        || property.GetComputedColumnSql() is not null;
}
