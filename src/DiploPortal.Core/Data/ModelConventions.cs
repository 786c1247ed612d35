using DiploPortal.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DiploPortal.Core.Data;

/// <summary>Rules applied to every entity type, so that no configuration can forget them.</summary>
internal static class ModelConventions
{
    public static IReadOnlyList<Type> EnumTypes { get; } =
        typeof(PortalDbContext).Assembly.GetTypes()
            .Where(t => t.IsEnum && t.Namespace?.StartsWith("DiploPortal.Core", StringComparison.Ordinal) == true)
            .ToList();

    public static void Apply(ModelBuilder modelBuilder)
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            var table = entityType.GetTableName();
            if (table is null)
            {
                continue;
            }

            foreach (var property in entityType.GetDeclaredProperties())
            {
                var clrType = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                if (clrType.IsEnum)
                {
                    AddEnumCheck(modelBuilder, entityType, table, property, clrType);
                }
            }

            // Optimistic concurrency on everything a person edits: PostgreSQL's xmin changes on every update.
            if (entityType.FindProperty("Version") is { ClrType: var versionType } && versionType == typeof(uint))
            {
                modelBuilder.Entity(entityType.ClrType).Property<uint>("Version").IsRowVersion();
            }

            if (typeof(ClassifiedRecord).IsAssignableFrom(entityType.ClrType))
            {
                modelBuilder.Entity(entityType.ClrType).HasIndex(nameof(ClassifiedRecord.Classification));
            }
        }
    }

    private static void AddEnumCheck(ModelBuilder modelBuilder, IMutableEntityType entityType, string table, IMutableProperty property, Type enumType)
    {
        var column = property.GetColumnName();
        var names = string.Join(", ", Enum.GetNames(enumType).Select(n => $"'{n}'"));
        modelBuilder.Entity(entityType.ClrType).ToTable(t => t.HasCheckConstraint($"ck_{table}_{column}", $"{column} IN ({names})"));
    }
}
