using DiploPortal.Core.Engagements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiploPortal.Core.Data.Configurations;

internal sealed class EngagementImportBatchConfiguration : IEntityTypeConfiguration<EngagementImportBatch>
{
    public void Configure(EntityTypeBuilder<EngagementImportBatch> builder)
    {
        builder.ToTable("engagement_imports", t =>
        {
            t.HasCheckConstraint("ck_engagement_imports_sha256", "sha256 ~ '^[0-9a-f]{64}$'");
            t.HasCheckConstraint("ck_engagement_imports_counts", "rows >= 0 AND created >= 0 AND skipped >= 0 AND created + skipped <= rows");
        });
        builder.Property(i => i.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(i => i.FileName).HasMaxLength(EngagementImportBatch.FileNameMaxLength);
        builder.Property(i => i.ImportedBy).HasMaxLength(256);
        // The preview looks a file up by its hash, newest import first.
        builder.HasIndex(i => new { i.Sha256, i.ImportedAt });
    }
}
