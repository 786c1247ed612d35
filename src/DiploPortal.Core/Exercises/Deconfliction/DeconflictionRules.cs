using System.Globalization;
using DiploPortal.Core.Common;

namespace DiploPortal.Core.Exercises.Deconfliction;

/// <summary>
/// The deconfliction rules, as pure functions of what they compare (no database): each takes the candidate
/// schedule and the other records that may clash with it, already limited to what the planner may see.
/// </summary>
/// <remarks>
/// Severities: a training area booked twice is a hard conflict (two exercises cannot use one range on a
/// day); milestones out of order are hard (the plan contradicts itself). Exceeding a nation's capacity is a
/// warning: capacities are estimates (many are assumptions) and a nation can decide to stretch; overlapping
/// a humanitarian mission is a warning: the nation may well field both, but planners should know.
/// </remarks>
public static class DeconflictionRules
{
    /// <summary>Every rule, in the order a planner reads them: hard conflicts first.</summary>
    public static IReadOnlyList<ExerciseConflict> Check(
        ExerciseSchedule candidate,
        IReadOnlyList<ScheduledExercise> others,
        IReadOnlyList<ForceCapacity> capacities,
        IReadOnlyList<ScheduledMission> missions) =>
        [
            .. SameTrainingArea(candidate, others),
            .. MilestonesOutOfOrder(candidate),
            .. OverCapacity(candidate, others, capacities),
            .. OverlappingMissions(candidate, missions),
        ];

    /// <summary>A hard conflict per other exercise using the candidate's training area on an overlapping day.</summary>
    public static IReadOnlyList<ExerciseConflict> SameTrainingArea(ExerciseSchedule candidate, IReadOnlyList<ScheduledExercise> others)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(others);
        if (candidate.TrainingAreaId is not { } area)
        {
            return [];
        }

        return others
            .Where(o => o.Id != candidate.ExerciseId && o.TrainingAreaId == area && Overlaps(candidate, o.StartsOn, o.EndsOn))
            .OrderBy(o => o.StartsOn).ThenBy(o => o.Id)
            .Select(o => new ExerciseConflict(
                ConflictKind.TrainingAreaDoubleBooked,
                ConflictSeverity.Hard,
                $"The training area is already booked by {o.Name} from {Day(o.StartsOn)} to {Day(o.EndsOn)}, on days of this exercise.",
                Involved(candidate, [o]),
                [],
                []))
            .ToList();
    }

    /// <summary>
    /// Hard conflicts in the milestones: one planned before a milestone that comes earlier in
    /// <see cref="MilestoneKind"/>'s order, a planning milestone after execution starts, or the after-action
    /// review before the exercise's last day.
    /// </summary>
    public static IReadOnlyList<ExerciseConflict> MilestonesOutOfOrder(ExerciseSchedule candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var conflicts = new List<string>();
        var ordered = candidate.Milestones.OrderBy(m => m.Kind).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var earlier = ordered.Take(i).Where(m => m.Kind < ordered[i].Kind && m.PlannedOn > ordered[i].PlannedOn).OrderByDescending(m => m.Kind).FirstOrDefault();
            if (earlier is not null)
            {
                conflicts.Add($"{Opening(ordered[i].Kind)} ({Day(ordered[i].PlannedOn)}) comes before {Name(earlier.Kind)} ({Day(earlier.PlannedOn)}).");
            }
        }

        foreach (var planning in ordered.Where(m => m.Kind < MilestoneKind.Execution && m.PlannedOn > candidate.StartsOn))
        {
            conflicts.Add($"{Opening(planning.Kind)} ({Day(planning.PlannedOn)}) is after execution starts ({Day(candidate.StartsOn)}).");
        }

        foreach (var review in ordered.Where(m => m.Kind == MilestoneKind.AfterActionReview && m.PlannedOn < candidate.EndsOn))
        {
            conflicts.Add($"{Opening(review.Kind)} ({Day(review.PlannedOn)}) is before the exercise ends ({Day(candidate.EndsOn)}).");
        }

        return conflicts
            .Select(message => new ExerciseConflict(ConflictKind.MilestonesOutOfOrder, ConflictSeverity.Hard, message, Involved(candidate, []), [], []))
            .ToList();
    }

    /// <summary>
    /// A warning per nation whose personnel, ships or aircraft, summed over the exercises taking place on one day
    /// (the candidate and the others overlapping it), exceed its capacity on some day of the candidate. The sums
    /// only change on a day an exercise starts, so those days (within the candidate's) are the ones checked; the
    /// first day over capacity is reported with the exercises of that day.
    /// </summary>
    public static IReadOnlyList<ExerciseConflict> OverCapacity(
        ExerciseSchedule candidate, IReadOnlyList<ScheduledExercise> others, IReadOnlyList<ForceCapacity> capacities)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(others);
        ArgumentNullException.ThrowIfNull(capacities);
        var conflicts = new List<ExerciseConflict>();
        foreach (var own in candidate.Participants.GroupBy(p => p.NationCode, StringComparer.Ordinal).Select(g => g.First()).OrderBy(p => p.NationCode, StringComparer.Ordinal))
        {
            if (capacities.FirstOrDefault(c => c.NationCode == own.NationCode) is not { } capacity)
            {
                continue;
            }

            var theirs = others
                .Where(o => o.Id != candidate.ExerciseId && Overlaps(candidate, o.StartsOn, o.EndsOn))
                .Select(o => (Exercise: o, Forces: o.Participants.FirstOrDefault(p => p.NationCode == own.NationCode)))
                .Where(o => o.Forces is not null)
                .ToList();
            var days = theirs.Select(o => o.Exercise.StartsOn).Where(d => d > candidate.StartsOn).Append(candidate.StartsOn).Distinct().Order();
            foreach (var day in days)
            {
                var onDay = theirs.Where(o => o.Exercise.StartsOn <= day && day <= o.Exercise.EndsOn).ToList();
                var personnel = own.Personnel + onDay.Sum(o => o.Forces!.Personnel);
                var ships = own.Ships + onDay.Sum(o => o.Forces!.Ships);
                var aircraft = own.Aircraft + onDay.Sum(o => o.Forces!.Aircraft);
                var over = new List<string>();
                Exceeds(over, "personnel", personnel, capacity.Personnel);
                Exceeds(over, "ships", ships, capacity.Ships);
                Exceeds(over, "aircraft", aircraft, capacity.Aircraft);
                if (over.Count == 0)
                {
                    continue;
                }

                var with = onDay.Count == 0 ? "this exercise alone" : $"this exercise with {string.Join(", ", onDay.Select(o => o.Exercise.Name))}";
                var basis = capacity.IsAssumption ? "an assumed capacity" : "its capacity";
                conflicts.Add(new ExerciseConflict(
                    ConflictKind.OverCapacity,
                    ConflictSeverity.Warning,
                    $"{own.NationCode} is over {basis} on {Day(day)} ({with}): {string.Join("; ", over)}.",
                    Involved(candidate, onDay.Select(o => o.Exercise)),
                    [own.NationCode],
                    []));
                break;
            }
        }

        return conflicts;
    }

    /// <summary>A warning per visible humanitarian mission on the candidate's days that one of its nations contributes to.</summary>
    public static IReadOnlyList<ExerciseConflict> OverlappingMissions(ExerciseSchedule candidate, IReadOnlyList<ScheduledMission> missions)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(missions);
        var nations = candidate.Participants.Select(p => p.NationCode).ToHashSet(StringComparer.Ordinal);
        return missions
            .Where(m => m.StartsOn <= candidate.EndsOn && (m.EndsOn is not { } end || end >= candidate.StartsOn))
            .Select(m => (Mission: m, Nations: m.NationCodes.Where(nations.Contains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()))
            .Where(m => m.Nations.Count > 0)
            .OrderBy(m => m.Mission.StartsOn).ThenBy(m => m.Mission.Id)
            .Select(m => new ExerciseConflict(
                ConflictKind.OverlapsHumanitarianMission,
                ConflictSeverity.Warning,
                $"{string.Join(", ", m.Nations)} also {(m.Nations.Count == 1 ? "contributes" : "contribute")} to the humanitarian mission {m.Mission.Name} ({Day(m.Mission.StartsOn)} to {(m.Mission.EndsOn is { } end ? Day(end) : "ongoing")}).",
                Involved(candidate, []),
                m.Nations,
                [m.Mission.Id]))
            .ToList();
    }

    /// <summary>
    /// Whether a save may go ahead despite <paramref name="conflicts"/>: every hard conflict is an error under
    /// <paramref name="conflictsField"/>; warnings are too until <paramref name="reason"/> is given (then they are
    /// returned, to be recorded as overridden). The reason's length and NUL are checked by the form's rules.
    /// </summary>
    public static IReadOnlyList<ExerciseConflict> CheckSave(FieldErrors errors, string conflictsField, string reasonField, IReadOnlyList<ExerciseConflict> conflicts, string? reason)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(conflicts);
        foreach (var hard in conflicts.Where(c => c.Severity == ConflictSeverity.Hard))
        {
            errors.Add(conflictsField, $"Hard conflict: {hard.Message}");
        }

        var warnings = conflicts.Where(c => c.Severity == ConflictSeverity.Warning).ToList();
        if (warnings.Count == 0 || FormRules.OrNull(reason) is not null)
        {
            return warnings;
        }

        foreach (var warning in warnings)
        {
            errors.Add(conflictsField, $"Warning: {warning.Message}");
        }

        errors.Add(reasonField, warnings.Count == 1
            ? "Give a reason to save despite the warning; it is recorded in the audit trail."
            : $"Give a reason to save despite the {warnings.Count} warnings; it is recorded in the audit trail.");
        return warnings;
    }

    /// <summary>The milestone kind in words, within a sentence.</summary>
    public static string Name(MilestoneKind kind) => kind switch
    {
        MilestoneKind.ConceptDevelopment => "concept development",
        MilestoneKind.InitialPlanningConference => "the initial planning conference",
        MilestoneKind.MainPlanningConference => "the main planning conference",
        MilestoneKind.FinalPlanningConference => "the final planning conference",
        MilestoneKind.Execution => "execution",
        MilestoneKind.AfterActionReview => "the after-action review",
        _ => kind.ToString(),
    };

    private static string Opening(MilestoneKind kind) => string.Concat(Name(kind)[..1].ToUpperInvariant(), Name(kind)[1..]);

    private static void Exceeds(List<string> over, string what, int committed, int capacity)
    {
        if (committed > capacity)
        {
            over.Add(string.Create(CultureInfo.InvariantCulture, $"{committed:N0} {what} committed, capacity {capacity:N0}"));
        }
    }

    private static bool Overlaps(ExerciseSchedule candidate, DateOnly startsOn, DateOnly endsOn) =>
        startsOn <= candidate.EndsOn && endsOn >= candidate.StartsOn;

    private static List<ConflictingExercise> Involved(ExerciseSchedule candidate, IEnumerable<ScheduledExercise> others) =>
        [
            .. others.Select(o => new ConflictingExercise(o.Id, o.Name))
                .Concat(candidate.ExerciseId is { } id ? [new ConflictingExercise(id, candidate.Name ?? "this exercise")] : [])
                .DistinctBy(e => e.Id)
                .OrderBy(e => e.Id),
        ];

    private static string Day(DateOnly day) => day.ToString(ExportFile.DayFormat, CultureInfo.InvariantCulture);
}
