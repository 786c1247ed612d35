using DiploPortal.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiploPortal.Core.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(e => e.Id).UseIdentityByDefaultColumn();
        builder.Property(e => e.OccurredAt).HasColumnType("timestamptz");
        builder.Property(e => e.Before).HasColumnType("jsonb");
        builder.Property(e => e.After).HasColumnType("jsonb");

        // Two entries naming the same previous hash would fork the chain.
        builder.HasIndex(e => e.PreviousHash).IsUnique();
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => e.Actor);
        builder.HasIndex(e => new { e.EntityType, e.EntityKey });

        builder.ToTable(t => t.HasCheckConstraint("ck_audit_entries_hash", "hash ~ '^[0-9a-f]{64}$' AND previous_hash ~ '^[0-9a-f]{64}$'"));
    }
}
