using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace DiploPortal.Core.Exercises.Deconfliction;

/// <summary>
/// Checks a schedule against the database with <see cref="DeconflictionRules"/>. Every read goes through the
/// user-scoped context, so only exercises and missions the planner may see are compared, named or counted;
/// a conflict with a hidden record is not reported at all (docs/SECURITY.md says what that costs).
/// </summary>
public sealed class ExerciseDeconfliction(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>The conflicts of <paramref name="candidate"/> with the visible records, hard ones first.</summary>
    public async Task<IReadOnlyList<ExerciseConflict>> CheckAsync(ExerciseSchedule candidate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await CheckAsync(db, candidate, cancellationToken);
    }

    /// <summary>The same check on a context the caller holds (the editor checks in the context it saves with).</summary>
    internal static async Task<IReadOnlyList<ExerciseConflict>> CheckAsync(PortalDbContext db, ExerciseSchedule candidate, CancellationToken cancellationToken)
    {
        if (candidate.EndsOn < candidate.StartsOn)
        {
            return DeconflictionRules.MilestonesOutOfOrder(candidate);
        }

        var codes = candidate.Participants.Select(p => p.NationCode).Distinct(StringComparer.Ordinal).ToList();
        var nationIds = codes.Count == 0 ? [] : await db.Nations.Where(n => codes.Contains(n.Code)).Select(n => n.Id).ToListAsync(cancellationToken);
        var days = new NpgsqlRange<DateOnly>(candidate.StartsOn, true, candidate.EndsOn, true);
        var self = candidate.ExerciseId ?? 0;
        var area = candidate.TrainingAreaId;

        // Only the exercises on the same days that share a nation or the area, and of those only the candidate's nations.
        var others = await db.Exercises.AsNoTracking()
            .Where(e => EF.Property<NpgsqlRange<DateOnly>>(e, JointExercise.DaysProperty).Overlaps(days)
                && e.Id != self
                && e.Status != ExerciseStatus.Cancelled
                && ((area != null && e.TrainingAreaId == area) || e.Participants.Any(p => nationIds.Contains(p.NationId))))
            .Select(e => new ScheduledExercise(
                e.Id,
                e.Name,
                e.StartsOn,
                e.EndsOn,
                e.TrainingAreaId,
                e.Participants.Where(p => nationIds.Contains(p.NationId))
                    .Select(p => new ScheduledForces(p.Nation!.Code, p.Personnel, p.Ships, p.Aircraft)).ToList()))
            .ToListAsync(cancellationToken);

        var capacities = nationIds.Count == 0 ? [] : await db.NationCapacities.AsNoTracking()
            .Where(c => nationIds.Contains(c.NationId))
            .Select(c => new ForceCapacity(c.Nation!.Code, c.Personnel, c.Ships, c.Aircraft, c.IsAssumption))
            .ToListAsync(cancellationToken);

        var missions = nationIds.Count == 0 ? [] : await db.Missions.AsNoTracking()
            .Where(m => m.StartsOn <= candidate.EndsOn && (m.EndsOn == null || m.EndsOn >= candidate.StartsOn)
                && m.Contributions.Any(c => nationIds.Contains(c.NationId)))
            .Select(m => new ScheduledMission(
                m.Id,
                m.Name,
                m.StartsOn,
                m.EndsOn,
                m.Contributions.Where(c => nationIds.Contains(c.NationId)).Select(c => c.Nation!.Code).ToList()))
            .ToListAsync(cancellationToken);

        return DeconflictionRules.Check(candidate, others, capacities, missions);
    }
}
