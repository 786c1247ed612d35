using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Exercises;

public sealed record ExerciseListItem(
    int Id,
    string Name,
    string? SeriesName,
    ExerciseKind Kind,
    ExerciseStatus Status,
    string HostNationCode,
    string HostNation,
    DateOnly StartsOn,
    DateOnly EndsOn,
    int ParticipantCount,
    Classification Classification)
{
    public bool TakesPlaceOn(DateOnly day) => StartsOn <= day && day <= EndsOn;
}

public sealed record ExerciseNation(string Code, string Name, ExerciseRole Role, int Personnel, int Units, int Ships, int Aircraft);

public sealed record ExerciseMilestoneItem(MilestoneKind Kind, DateOnly PlannedOn, DateOnly? CompletedOn, string? Notes);

public sealed record ExerciseObservationItem(DateOnly RecordedOn, string Observation, string? Lesson);

public sealed record ExerciseLiaisonItem(int Id, string Rank, string FullName, string SendingNation);

/// <summary>An exercise with its participants, milestones, observations and the liaison attachés the user may see.</summary>
public sealed record ExerciseDetails(
    ExerciseListItem Exercise,
    string? Location,
    string? LeadNationCode,
    string? LeadNation,
    string? LeadAlliance,
    string? Objectives,
    string? Scenario,
    IReadOnlyList<ExerciseNation> Participants,
    IReadOnlyList<ExerciseMilestoneItem> Milestones,
    IReadOnlyList<ExerciseObservationItem> Observations,
    IReadOnlyList<ExerciseLiaisonItem> Liaisons);

/// <summary>Read side of joint exercises: the list and the planners' calendar.</summary>
public sealed class ExerciseQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>One exercise and its linked records; null when missing or not visible to the user.</summary>
    public async Task<ExerciseDetails?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Exercises.AsNoTracking()
            .Where(e => e.Id == id)
            .Select(e => new ExerciseDetails(
                new ExerciseListItem(e.Id, e.Name, e.SeriesName, e.Kind, e.Status, e.HostNation!.Code, e.HostNation.Name, e.StartsOn, e.EndsOn, e.Participants.Count, e.Classification),
                e.Location,
                e.LeadNation!.Code,
                e.LeadNation.Name,
                e.LeadAlliance!.Acronym,
                e.Objectives,
                e.Scenario,
                e.Participants.OrderBy(p => p.Role).ThenBy(p => p.Nation!.Name)
                    .Select(p => new ExerciseNation(p.Nation!.Code, p.Nation.Name, p.Role, p.Personnel, p.Units, p.Ships, p.Aircraft)).ToList(),
                e.Milestones.OrderBy(m => m.PlannedOn).Select(m => new ExerciseMilestoneItem(m.Kind, m.PlannedOn, m.CompletedOn, m.Notes)).ToList(),
                e.Observations.OrderBy(o => o.RecordedOn).Select(o => new ExerciseObservationItem(o.RecordedOn, o.Observation, o.Lesson)).ToList(),
                // The attaché's own visibility filter applies through the join: hidden ones are left out.
                e.Liaisons.Select(l => l.Attache!).OrderBy(a => a.FullName)
                    .Select(a => new ExerciseLiaisonItem(a.Id, a.Rank, a.FullName, a.SendingNation!.Name)).ToList()))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The <paramref name="take"/> exercises with the latest start dates.</summary>
    public async Task<IReadOnlyList<ExerciseListItem>> ListRecentAsync(int take, string? nation = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var exercises = db.Exercises.AsNoTracking();
        if (RecordCode.Normalise(nation) is { } code)
        {
            exercises = exercises.Where(e => e.HostNation!.Code == code || e.LeadNation!.Code == code || e.Participants.Any(p => p.Nation!.Code == code));
        }

        return await Project(exercises
                .OrderByDescending(e => e.StartsOn).ThenByDescending(e => e.Id)
                .Take(take))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every exercise whose dates overlap the month of <paramref name="year"/>/<paramref name="month"/>, in start order.</summary>
    public async Task<IReadOnlyList<ExerciseListItem>> InMonthAsync(int year, int month, CancellationToken cancellationToken = default)
    {
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Project(db.Exercises.AsNoTracking()
                .Where(e => e.StartsOn <= last && e.EndsOn >= first)
                .OrderBy(e => e.StartsOn).ThenBy(e => e.Name))
            .ToListAsync(cancellationToken);
    }

    private static IQueryable<ExerciseListItem> Project(IQueryable<JointExercise> exercises) =>
        exercises.Select(e => new ExerciseListItem(
            e.Id,
            e.Name,
            e.SeriesName,
            e.Kind,
            e.Status,
            e.HostNation!.Code,
            e.HostNation.Name,
            e.StartsOn,
            e.EndsOn,
            e.Participants.Count,
            e.Classification));
}
