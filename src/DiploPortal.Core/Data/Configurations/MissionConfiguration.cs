using DiploPortal.Core.Missions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiploPortal.Core.Data.Configurations;

internal sealed class MissionConfiguration : IEntityTypeConfiguration<HumanitarianMission>
{
    public void Configure(EntityTypeBuilder<HumanitarianMission> builder)
    {
        builder.ToTable("missions", t =>
        {
            t.HasCheckConstraint("ck_missions_dates", "ends_on IS NULL OR ends_on >= starts_on");
            t.HasCheckConstraint("ck_missions_people_assisted", "people_assisted >= 0");
            t.HasCheckConstraint("ck_missions_name", "btrim(name) <> ''");
        });
        builder.ConfigureMarking();
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.HasSearchVector(("name", 'A'), ("summary", 'C'));

        builder.HasOne(m => m.AffectedNation).WithMany().HasForeignKey(m => m.AffectedNationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Contributions).WithOne(c => c.Mission).HasForeignKey(c => c.MissionId).OnDelete(DeleteBehavior.Cascade);
        // The list pages by keyset on (starts_on, id) and (name, id), either way (MissionQueries).
        builder.HasIndex(m => new { m.StartsOn, m.Id });
        builder.HasIndex(m => new { m.Name, m.Id });
        // A nation page reads the missions for a nation by date (NationStoryQueries).
        builder.HasIndex(m => new { m.AffectedNationId, m.StartsOn, m.Id });
    }
}

internal sealed class MissionContributionConfiguration : IEntityTypeConfiguration<MissionContribution>
{
    public void Configure(EntityTypeBuilder<MissionContribution> builder)
    {
        builder.HasKey(c => new { c.MissionId, c.NationId });
        builder.Property(c => c.SuppliesTonnes).HasPrecision(12, 2);
        builder.HasOne(c => c.Nation).WithMany().HasForeignKey(c => c.NationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.NationId);
        // A nation's contributions by the mission's date, from one index (NationStoryQueries).
        builder.HasDayCopy(MissionContribution.StartsOnProperty, nameof(MissionContribution.NationId), nameof(MissionContribution.MissionId));
        builder.ToTable(t => t.HasCheckConstraint(
            "ck_mission_contributions_amounts",
            "personnel >= 0 AND aircraft >= 0 AND ships >= 0 AND medical_teams >= 0 AND supplies_tonnes >= 0"));
    }
}
