using DiploPortal.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiploPortal.Core.Data.Configurations;

internal static class ClassifiedRecordConfiguration
{
    /// <summary>Columns shared by every classified record: marking, caveats and timestamps.</summary>
    public static void ConfigureMarking<T>(this EntityTypeBuilder<T> builder)
        where T : ClassifiedRecord
    {
        builder.Property(r => r.ReleasableToNations).HasColumnType("text[]").HasDefaultValueSql("'{}'::text[]");
        builder.Property(r => r.ReleasableToAlliances).HasColumnType("text[]").HasDefaultValueSql("'{}'::text[]");
        builder.Property(r => r.CreatedAt).HasDefaultValueSql("now()");
        builder.Property(r => r.UpdatedAt).HasDefaultValueSql("now()");
    }

    /// <summary>
    /// A copy of the parent record's day on a link row (participant, contribution), so that a nation's
    /// records can be read by date from one index on the link table: with the day only on the parent,
    /// the newest 25 of a nation meant joining all of its rows or walking the dates of everyone else's.
    /// The database keeps the copy (triggers in migration NationStoryIndexes fill it on insert and follow
    /// a change of the parent's day), so EF Core never writes it; the demo generator's bulk load writes it.
    /// </summary>
    public static void HasDayCopy<T>(this EntityTypeBuilder<T> builder, string property, string nationId, string parentId)
        where T : class
    {
        var day = builder.Property<DateOnly>(property).ValueGeneratedOnAddOrUpdate();
        day.Metadata.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        day.Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        builder.HasIndex(nationId, property, parentId).IsDescending(false, true, true);
    }

    /// <summary>The text search configuration of every search vector and every query against one.</summary>
    public const string TextSearchConfiguration = "english";

    /// <summary>
    /// A stored search vector computed from weighted columns (A: names and titles, B: places and ranks,
    /// C: running text), with a GIN index. Bulk loads pay for computing it; the demo data figures say how much.
    /// </summary>
    public static void HasSearchVector<T>(this EntityTypeBuilder<T> builder, params (string Column, char Weight)[] columns)
        where T : class, ISearchable
    {
        var parts = columns.Select(c => $"setweight(to_tsvector('{TextSearchConfiguration}'::regconfig, coalesce({c.Column}, '')), '{c.Weight}')");
        builder.Property(r => r.SearchVector).HasComputedColumnSql(string.Join(" || ", parts), stored: true);
        builder.HasIndex(r => r.SearchVector).HasMethod("gin");
    }
}
