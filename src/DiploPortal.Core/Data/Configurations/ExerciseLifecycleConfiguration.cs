using DiploPortal.Core.Exercises;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiploPortal.Core.Data.Configurations;

internal sealed class ExerciseStatusChangeConfiguration : IEntityTypeConfiguration<ExerciseStatusChange>
{
    public void Configure(EntityTypeBuilder<ExerciseStatusChange> builder)
    {
        builder.ToTable("exercise_status_changes", t =>
        {
            t.HasCheckConstraint("ck_exercise_status_changes_step", "from_status <> to_status");
            t.HasCheckConstraint("ck_exercise_status_changes_changed_by", "btrim(changed_by) <> ''");
        });
        builder.Property(c => c.ChangedBy).HasMaxLength(256);
        builder.Property(c => c.Reason).HasMaxLength(ExerciseLifecycle.ReasonMaxLength);
        builder.HasOne(c => c.Exercise).WithMany(e => e.StatusHistory).HasForeignKey(c => c.ExerciseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.ExerciseId, c.ChangedAt });
    }
}

internal sealed class MilestoneLeadTimeConfiguration : IEntityTypeConfiguration<MilestoneLeadTime>
{
    public void Configure(EntityTypeBuilder<MilestoneLeadTime> builder)
    {
        builder.ToTable("milestone_lead_times", t => t.HasCheckConstraint(
            "ck_milestone_lead_times_days", $"days BETWEEN -{MilestoneLeadTimes.MaxDays} AND {MilestoneLeadTimes.MaxDays}"));
        builder.HasKey(l => l.Kind);
        builder.HasData(MilestoneLeadTime.Defaults.Select(l => new { l.Kind, l.CountsFrom, l.Days }));
    }
}
