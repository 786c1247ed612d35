using DiploPortal.Core.Exercises.Deconfliction;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiploPortal.Core.Data.Configurations;

internal sealed class TrainingAreaConfiguration : IEntityTypeConfiguration<TrainingArea>
{
    public void Configure(EntityTypeBuilder<TrainingArea> builder)
    {
        builder.ToTable("training_areas", t => t.HasCheckConstraint("ck_training_areas_name", "btrim(name) <> ''"));
        builder.Property(a => a.Name).HasMaxLength(TrainingArea.NameMaxLength);
        builder.Property(a => a.Description).HasMaxLength(TrainingArea.DescriptionMaxLength);
        builder.Property(a => a.Source).HasMaxLength(TrainingArea.SourceMaxLength);
        builder.HasOne(a => a.Nation).WithMany().HasForeignKey(a => a.NationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.NationId, a.Name }).IsUnique().HasDatabaseName("ux_training_areas_nation_name");
    }
}

internal sealed class NationCapacityConfiguration : IEntityTypeConfiguration<NationCapacity>
{
    public void Configure(EntityTypeBuilder<NationCapacity> builder)
    {
        builder.ToTable("nation_capacities", t =>
        {
            t.HasCheckConstraint("ck_nation_capacities_amounts", "personnel >= 0 AND ships >= 0 AND aircraft >= 0");
            // Every figure says where it comes from: a cited source, or an assumption with the note saying how it was derived.
            t.HasCheckConstraint(
                "ck_nation_capacities_basis",
                "(is_assumption AND btrim(coalesce(note, '')) <> '') OR (NOT is_assumption AND btrim(coalesce(source, '')) <> '')");
        });
        builder.Property(c => c.Source).HasMaxLength(NationCapacity.SourceMaxLength);
        builder.Property(c => c.Note).HasMaxLength(NationCapacity.NoteMaxLength);
        builder.HasOne(c => c.Nation).WithMany().HasForeignKey(c => c.NationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.NationId).IsUnique().HasDatabaseName("ux_nation_capacities_nation");
    }
}

internal sealed class ExerciseConflictOverrideConfiguration : IEntityTypeConfiguration<ExerciseConflictOverride>
{
    public void Configure(EntityTypeBuilder<ExerciseConflictOverride> builder)
    {
        builder.ToTable("exercise_conflict_overrides", t => t.HasCheckConstraint("ck_exercise_conflict_overrides_reason", "btrim(reason) <> ''"));
        builder.Property(o => o.Reason).HasMaxLength(ExerciseConflictOverride.ReasonMaxLength);
        builder.HasOne(o => o.Exercise).WithMany(e => e.ConflictOverrides).HasForeignKey(o => o.ExerciseId).OnDelete(DeleteBehavior.Cascade);
        // The other record may be deleted later; the override (and its audit entry) stays.
        builder.HasOne(o => o.RelatedExercise).WithMany().HasForeignKey(o => o.RelatedExerciseId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(o => o.RelatedMission).WithMany().HasForeignKey(o => o.RelatedMissionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(o => o.ExerciseId);
        builder.HasIndex(o => o.RelatedExerciseId);
        builder.HasIndex(o => o.RelatedMissionId);
    }
}
