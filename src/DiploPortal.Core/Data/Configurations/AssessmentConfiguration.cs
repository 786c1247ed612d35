using DiploPortal.Core.Assessments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiploPortal.Core.Data.Configurations;

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_assessments_subject", "num_nonnulls(engagement_id, exercise_id, mission_id) = 1");
            t.HasCheckConstraint("ck_assessments_assessed_by", "btrim(assessed_by) <> ''");
        });
        builder.ConfigureMarking();
        builder.Property(a => a.AssessedBy).HasMaxLength(120);

        builder.HasOne(a => a.Engagement).WithMany().HasForeignKey(a => a.EngagementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Exercise).WithMany().HasForeignKey(a => a.ExerciseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Mission).WithMany().HasForeignKey(a => a.MissionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Scores).WithOne(s => s.Assessment).HasForeignKey(s => s.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.EngagementId);
        builder.HasIndex(a => a.ExerciseId);
        builder.HasIndex(a => a.MissionId);
    }
}

internal sealed class IndicatorScoreConfiguration : IEntityTypeConfiguration<IndicatorScore>
{
    public void Configure(EntityTypeBuilder<IndicatorScore> builder)
    {
        builder.HasKey(s => new { s.AssessmentId, s.Indicator });
        builder.ToTable(t => t.HasCheckConstraint(
            "ck_indicator_scores_score", $"score BETWEEN {Assessment.MinScore} AND {Assessment.MaxScore}"));
    }
}
