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

/// <summary>Read side of joint exercises: the list and the planners' calendar.</summary>
public sealed class ExerciseQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>The <paramref name="take"/> exercises with the latest start dates.</summary>
    public async Task<IReadOnlyList<ExerciseListItem>> ListRecentAsync(int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Project(db.Exercises.AsNoTracking()
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
