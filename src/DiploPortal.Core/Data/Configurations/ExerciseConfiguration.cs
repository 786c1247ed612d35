using DiploPortal.Core.Exercises;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiploPortal.Core.Data.Configurations;

internal sealed class ExerciseConfiguration : IEntityTypeConfiguration<JointExercise>
{
    public void Configure(EntityTypeBuilder<JointExercise> builder)
    {
        builder.ToTable("exercises", t =>
        {
            t.HasCheckConstraint("ck_exercises_dates", "ends_on >= starts_on");
            t.HasCheckConstraint("ck_exercises_lead", "num_nonnulls(lead_nation_id, lead_alliance_id) <= 1");
            t.HasCheckConstraint("ck_exercises_name", "btrim(name) <> ''");
        });
        builder.ConfigureMarking();
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.SeriesName).HasMaxLength(120);
        builder.Property(e => e.Location).HasMaxLength(200);
        builder.HasSearchVector(("name", 'A'), ("series_name", 'A'), ("location", 'B'), ("objectives", 'C'), ("scenario", 'C'));

        builder.HasOne(e => e.HostNation).WithMany().HasForeignKey(e => e.HostNationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.LeadNation).WithMany().HasForeignKey(e => e.LeadNationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.LeadAlliance).WithMany().HasForeignKey(e => e.LeadAllianceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.TrainingArea).WithMany().HasForeignKey(e => e.TrainingAreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Participants).WithOne(p => p.Exercise).HasForeignKey(p => p.ExerciseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Milestones).WithOne(m => m.Exercise).HasForeignKey(m => m.ExerciseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Observations).WithOne(o => o.Exercise).HasForeignKey(o => o.ExerciseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Liaisons).WithOne(l => l.Exercise).HasForeignKey(l => l.ExerciseId).OnDelete(DeleteBehavior.Cascade);

        // The list pages by keyset on (starts_on, id) and (name, id), either way (ExerciseQueries).
        builder.HasIndex(e => new { e.StartsOn, e.Id });
        builder.HasIndex(e => new { e.Name, e.Id });
        // A nation page reads the exercises a nation hosted or led by date (NationStoryQueries).
        builder.HasIndex(e => new { e.HostNationId, e.StartsOn, e.Id });
        builder.HasIndex(e => new { e.LeadNationId, e.StartsOn, e.Id });
        // Deconfliction finds the exercises overlapping some days among tens of thousands: a GiST index on the
        // days as a range answers "overlaps" directly (a b-tree on starts_on scans every earlier exercise).
        builder.Property<NpgsqlTypes.NpgsqlRange<DateOnly>>(JointExercise.DaysProperty)
            .HasComputedColumnSql("daterange(starts_on, ends_on, '[]')", stored: true);
        builder.HasIndex(JointExercise.DaysProperty).HasMethod("gist");
        builder.HasIndex(e => new { e.TrainingAreaId, e.StartsOn });
    }
}

internal sealed class ExerciseParticipantConfiguration : IEntityTypeConfiguration<ExerciseParticipant>
{
    public void Configure(EntityTypeBuilder<ExerciseParticipant> builder)
    {
        builder.HasKey(p => new { p.ExerciseId, p.NationId });
        builder.HasOne(p => p.Nation).WithMany().HasForeignKey(p => p.NationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.NationId);
        // A nation's exercises by date, from one index (NationStoryQueries).
        builder.HasDayCopy(ExerciseParticipant.StartsOnProperty, nameof(ExerciseParticipant.NationId), nameof(ExerciseParticipant.ExerciseId));
        builder.ToTable(t => t.HasCheckConstraint(
            "ck_exercise_participants_forces", "personnel >= 0 AND units >= 0 AND ships >= 0 AND aircraft >= 0"));
    }
}

internal sealed class ExerciseMilestoneConfiguration : IEntityTypeConfiguration<ExerciseMilestone>
{
    public void Configure(EntityTypeBuilder<ExerciseMilestone> builder)
    {
        builder.Property(m => m.Notes).HasMaxLength(2000);
        builder.HasIndex(m => new { m.ExerciseId, m.Kind }).IsUnique();
    }
}

internal sealed class ExerciseObservationConfiguration : IEntityTypeConfiguration<ExerciseObservation>
{
    public void Configure(EntityTypeBuilder<ExerciseObservation> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint("ck_exercise_observations_observation", "btrim(observation) <> ''"));
        builder.HasIndex(o => o.ExerciseId);
    }
}

internal sealed class ExerciseLiaisonConfiguration : IEntityTypeConfiguration<ExerciseLiaison>
{
    public void Configure(EntityTypeBuilder<ExerciseLiaison> builder)
    {
        builder.HasKey(l => new { l.ExerciseId, l.AttacheId });
        builder.HasOne(l => l.Attache).WithMany().HasForeignKey(l => l.AttacheId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.AttacheId);
    }
}
