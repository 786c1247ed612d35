using DiploPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Exercises;

/// <summary>An exercise as a calendar shows it: its days, what it is, who takes part, and its planning milestones.</summary>
public sealed record ExerciseCalendarEntry(
    int Id,
    string Name,
    string? SeriesName,
    ExerciseKind Kind,
    ExerciseStatus Status,
    string HostNation,
    string? Location,
    DateOnly StartsOn,
    DateOnly EndsOn,
    string? LeadNation,
    string? LeadAlliance,
    IReadOnlyList<string> Participants,
    IReadOnlyList<ExerciseMilestoneItem> Milestones,
    Classification Classification,
    IReadOnlyList<string> ReleasableToNations,
    IReadOnlyList<string> ReleasableToAlliances,
    DateTime UpdatedAt);

/// <summary>How far a calendar subscription reaches, and how many exercises it holds at most.</summary>
public static class CalendarWindow
{
    /// <summary>A poll answers at most this many exercises (the earliest first); a feed says so when it cuts.</summary>
    public const int MaxExercises = 2000;

    public const int YearsBack = 1;

    public const int YearsAhead = 2;

    /// <summary>From a year before <paramref name="today"/> to two years after it.</summary>
    public static (DateOnly From, DateOnly Until) Around(DateOnly today) => (today.AddYears(-YearsBack), today.AddYears(YearsAhead));
}

/// <summary>The calendar side of the exercise queries: one exercise's entry, and a filter's entries in a window.</summary>
public sealed partial class ExerciseQueries
{
    /// <summary>One exercise as a calendar entry; null when missing or not visible to the user.</summary>
    public async Task<ExerciseCalendarEntry?> CalendarEntryAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await DbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Exercises.AsNoTracking().Where(e => e.Id == id).Select(CalendarEntryOf).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The exercises the filter selects that have a day between <paramref name="from"/> and <paramref name="until"/>
    /// (the filter's own range narrows it further), earliest first, at most <paramref name="max"/>.
    /// </summary>
    public async Task<IReadOnlyList<ExerciseCalendarEntry>> CalendarAsync(ExerciseFilter filter, DateOnly from, DateOnly until, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await DbFactory.CreateDbContextAsync(cancellationToken);
        if (await MatchesAsync(db, filter, cancellationToken) is not { } matches)
        {
            return [];
        }

        return await matches
            .Where(e => e.EndsOn >= from && e.StartsOn <= until)
            .OrderBy(e => e.StartsOn).ThenBy(e => e.Id)
            .Take(max)
            .Select(CalendarEntryOf)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
    }

    private static readonly System.Linq.Expressions.Expression<Func<JointExercise, ExerciseCalendarEntry>> CalendarEntryOf = e => new ExerciseCalendarEntry(
        e.Id,
        e.Name,
        e.SeriesName,
        e.Kind,
        e.Status,
        e.HostNation!.Name,
        e.Location,
        e.StartsOn,
        e.EndsOn,
        e.LeadNation!.Name,
        e.LeadAlliance!.Acronym,
        e.Participants.OrderBy(p => p.Role).ThenBy(p => p.Nation!.Name).Select(p => p.Nation!.Name).ToList(),
        e.Milestones.OrderBy(m => m.PlannedOn).Select(m => new ExerciseMilestoneItem(m.Kind, m.PlannedOn, m.CompletedOn, m.Notes)).ToList(),
        e.Classification,
        e.ReleasableToNations,
        e.ReleasableToAlliances,
        e.UpdatedAt);
}
