using DiploPortal.Core.Common;
using Microsoft.EntityFrameworkCore;
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
}
