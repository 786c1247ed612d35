using DiploPortal.Core.Engagements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiploPortal.Core.Data.Configurations;

internal sealed class EngagementConfiguration : IEntityTypeConfiguration<Engagement>
{
    public void Configure(EntityTypeBuilder<Engagement> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint("ck_engagements_title", "btrim(title) <> ''"));
        builder.ConfigureMarking();
        builder.Property(e => e.Title).HasMaxLength(200);
        builder.Property(e => e.Location).HasMaxLength(120);
        builder.Property(e => e.OutcomeNotes).HasMaxLength(2000);
        builder.HasSearchVector(("title", 'A'), ("location", 'B'), ("summary", 'C'), ("outcome_notes", 'C'));

        builder.HasOne(e => e.HostNation).WithMany().HasForeignKey(e => e.HostNationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EngagementImportBatch>().WithMany().HasForeignKey(e => e.ImportId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(e => e.Participants).WithOne(p => p.Engagement).HasForeignKey(p => p.EngagementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Attaches).WithOne(a => a.Engagement).HasForeignKey(a => a.EngagementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.FollowUps).WithOne(f => f.Engagement).HasForeignKey(f => f.EngagementId).OnDelete(DeleteBehavior.Cascade);

        // Lists page newest first with keyset paging on (occurred_on, id).
        builder.HasIndex(e => new { e.OccurredOn, e.Id }).IsDescending(true, true);
        builder.HasIndex(e => new { e.Title, e.Id });
        // A nation page reads the engagements a nation hosted newest first (NationStoryQueries).
        builder.HasIndex(e => new { e.HostNationId, e.OccurredOn, e.Id }).IsDescending(false, true, true);
    }
}

internal sealed class EngagementParticipantConfiguration : IEntityTypeConfiguration<EngagementParticipant>
{
    public void Configure(EntityTypeBuilder<EngagementParticipant> builder)
    {
        builder.HasKey(p => new { p.EngagementId, p.NationId });
        builder.HasOne(p => p.Nation).WithMany().HasForeignKey(p => p.NationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.NationId, p.EngagementId });

        // A nation's engagements newest first, from one index (NationStoryQueries).
        builder.HasDayCopy(EngagementParticipant.OccurredOnProperty, nameof(EngagementParticipant.NationId), nameof(EngagementParticipant.EngagementId));
    }
}

internal sealed class EngagementAttacheConfiguration : IEntityTypeConfiguration<EngagementAttache>
{
    public void Configure(EntityTypeBuilder<EngagementAttache> builder)
    {
        builder.HasKey(a => new { a.EngagementId, a.AttacheId });
        builder.HasOne(a => a.Attache).WithMany().HasForeignKey(a => a.AttacheId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.AttacheId);
    }
}

internal sealed class EngagementFollowUpConfiguration : IEntityTypeConfiguration<EngagementFollowUp>
{
    public void Configure(EntityTypeBuilder<EngagementFollowUp> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint("ck_engagement_follow_ups_action", "btrim(action) <> ''"));
        builder.Property(f => f.Action).HasMaxLength(500);
        builder.Property(f => f.Owner).HasMaxLength(120);
    }
}
