namespace DiploPortal.Core.Exercises;

/// <summary>Milestones proposed from an exercise's dates and standard lead times, and moved with the exercise.</summary>
public static class MilestonePlan
{
    /// <summary>One milestone per lead time, in the order of the kinds, planned relative to the first or last day.</summary>
    public static IReadOnlyList<ExerciseMilestoneForm> Propose(DateOnly startsOn, DateOnly endsOn, IEnumerable<MilestoneLeadTime> leadTimes)
    {
        ArgumentNullException.ThrowIfNull(leadTimes);
        return [.. leadTimes.OrderBy(l => l.Kind).Select(l => new ExerciseMilestoneForm
        {
            Kind = l.Kind,
            PlannedOn = (l.CountsFrom == MilestoneAnchor.LastDay ? endsOn : startsOn).AddDays(l.Days),
        })];
    }

    /// <summary>
    /// The milestones with their planned days moved by <paramref name="days"/>. A completed day is what happened,
    /// so it stays; notes stay too.
    /// </summary>
    public static IReadOnlyList<ExerciseMilestoneForm> Shift(IEnumerable<ExerciseMilestoneForm> milestones, int days)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        return [.. milestones.Select(m => m with { PlannedOn = m.PlannedOn?.AddDays(days) })];
    }
}
