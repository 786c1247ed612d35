using DiploPortal.Core.Alliances;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiploPortal.Core.Data.Configurations;

internal sealed class AllianceConfiguration : IEntityTypeConfiguration<Alliance>
{
    public void Configure(EntityTypeBuilder<Alliance> builder)
    {
        builder.Property(a => a.Acronym).HasMaxLength(20);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.FoundingTreaty).HasMaxLength(200);
        builder.Property(a => a.Headquarters).HasMaxLength(100);
        builder.Property(a => a.Source).HasMaxLength(500);

        builder.HasIndex(a => a.Acronym).IsUnique();

        builder.HasMany(a => a.Memberships).WithOne(m => m.Alliance).HasForeignKey(m => m.AllianceId).OnDelete(DeleteBehavior.Cascade);

        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_alliances_acronym", "btrim(acronym) <> ''");
            t.HasCheckConstraint("ck_alliances_dissolved", "dissolved_on IS NULL OR dissolved_on >= founded_on");
        });
    }
}

internal sealed class AllianceMembershipConfiguration : IEntityTypeConfiguration<AllianceMembership>
{
    public void Configure(EntityTypeBuilder<AllianceMembership> builder)
    {
        builder.Property(m => m.Note).HasMaxLength(1000);
        builder.Property(m => m.Source).HasMaxLength(500);

        builder.HasOne(m => m.Nation).WithMany().HasForeignKey(m => m.NationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.AllianceId, m.NationId, m.JoinedOn }).IsUnique();
        builder.HasIndex(m => m.NationId);

        // Overlapping periods of one nation in one alliance are refused by an exclusion
        // constraint added in the migration (EF Core cannot express it).
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_alliance_memberships_left", "left_on IS NULL OR left_on > joined_on");
            t.HasCheckConstraint("ck_alliance_memberships_suspended_from", "suspended_from IS NULL OR suspended_from >= joined_on");
            t.HasCheckConstraint("ck_alliance_memberships_suspended_until", "suspended_until IS NULL OR (suspended_from IS NOT NULL AND suspended_until > suspended_from)");
        });
    }
}
