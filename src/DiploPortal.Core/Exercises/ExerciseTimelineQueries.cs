using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Exercises;

/// <summary>A planning milestone as a timeline draws it: what and when.</summary>
public sealed record TimelineMilestone(MilestoneKind Kind, DateOnly PlannedOn);

/// <summary>One row of the timeline: only what the row shows, and what it is grouped by.</summary>
public sealed record TimelineRow(
    int Id,
    string Name,
    string? SeriesName,
    string HostNationCode,
    string HostNation,
    string? LeadNation,
    string? LeadAlliance,
    ExerciseStatus Status,
    DateOnly StartsOn,
    DateOnly EndsOn,
    IReadOnlyList<TimelineMilestone> Milestones);

/// <summary>The rows sharing a host, a lead, an alliance or a series, in start order.</summary>
public sealed record TimelineGroup(string Label, IReadOnlyList<TimelineRow> Rows);

/// <summary>
/// The exercises of a period the user may see, grouped; at most a cap of them (<see cref="Shown"/>), the
/// earliest first, with <see cref="Total"/> saying how many the filter selects in all.
/// </summary>
public sealed record ExerciseTimeline(TimelinePeriod Period, IReadOnlyList<TimelineGroup> Groups, int Shown, int Total)
{
    public bool IsCapped => Total > Shown;
}

/// <summary>
/// The timeline's data: the exercises with at least one day in a period, through the list's own filters and
/// the user-bound context (the visibility rule hides what the user may not see), projected to the few columns a
/// row draws. A broad filter is cut at a cap, so a page never renders tens of thousands of rows.
/// </summary>
public sealed class ExerciseTimelineQueries(IDbContextFactory<PortalDbContext> dbFactory, ExerciseQueries exercises)
{
    /// <summary>The most rows one timeline shows; past it the page asks the person to narrow the filters.</summary>
    public const int Cap = 1_000;

    public async Task<ExerciseTimeline> TimelineAsync(
        ExerciseFilter filter, TimelinePeriod period, TimelineGrouping grouping, int cap = Cap, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentOutOfRangeException.ThrowIfLessThan(cap, 1);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await exercises.MatchesAsync(db, filter with { From = period.From, Until = period.Until }, cancellationToken) is not { } matches)
        {
            return new ExerciseTimeline(period, [], 0, 0);
        }

        var rows = await matches.OrderBy(e => e.StartsOn).ThenBy(e => e.Id).Take(cap + 1)
            .Select(e => new TimelineRow(
                e.Id,
                e.Name,
                e.SeriesName,
                e.HostNation!.Code,
                e.HostNation.Name,
                e.LeadNation!.Name,
                e.LeadAlliance!.Acronym,
                e.Status,
                e.StartsOn,
                e.EndsOn,
                e.Milestones.OrderBy(m => m.PlannedOn).Select(m => new TimelineMilestone(m.Kind, m.PlannedOn)).ToList()))
            .ToListAsync(cancellationToken);
        var total = rows.Count > cap ? await matches.CountAsync(cancellationToken) : rows.Count;
        var shown = rows.Take(cap).ToList();
        return new ExerciseTimeline(period, TimelineGroups.Of(shown, grouping), shown.Count, total);
    }
}

/// <summary>How timeline rows fall into groups: plain rules, tested without a database.</summary>
public static class TimelineGroups
{
    /// <summary>
    /// The rows grouped by <paramref name="grouping"/>, groups in alphabetical order with the rows that have no
    /// such value (no lead, no series) last, rows in the order given.
    /// </summary>
    public static IReadOnlyList<TimelineGroup> Of(IEnumerable<TimelineRow> rows, TimelineGrouping grouping)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.GroupBy(r => KeyOf(r, grouping))
            .OrderBy(g => g.Key is null)
            .ThenBy(g => g.Key, StringComparer.CurrentCultureIgnoreCase)
            .Select(g => new TimelineGroup(g.Key ?? NoneLabel(grouping), g.ToList()))
            .ToList();
    }

    public static string? KeyOf(TimelineRow row, TimelineGrouping grouping)
    {
        ArgumentNullException.ThrowIfNull(row);
        return grouping switch
        {
            TimelineGrouping.Lead => row.LeadNation ?? row.LeadAlliance,
            TimelineGrouping.Alliance => row.LeadAlliance,
            TimelineGrouping.Series => row.SeriesName,
            _ => row.HostNation,
        };
    }

    public static string NoneLabel(TimelineGrouping grouping) => grouping switch
    {
        TimelineGrouping.Lead => "No lead named",
        TimelineGrouping.Alliance => "Not led by an alliance",
        TimelineGrouping.Series => "Not part of a series",
        _ => "No host",
    };
}
