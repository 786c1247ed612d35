using System.Globalization;
using DiploPortal.Core.Common;

namespace DiploPortal.Core.Exercises;

/// <summary>One step a planner may take from an exercise's status: the action's words, and why it is refused (null when allowed).</summary>
public sealed record LifecycleAction(ExerciseStatus To, string Label, string? Refusal)
{
    public bool IsAllowed => Refusal is null;
}

/// <summary>
/// The life cycle of a joint exercise: Proposed → Planning → Approved → In execution → Completed, and Cancelled from
/// any status before Completed; nothing else. Execution starts no earlier than the first day, and an exercise is
/// completed only once its last day is past. The database keeps the same rules (<see cref="LifecycleSql"/> and the
/// checks on <c>status_set_on</c>); these say them in words.
/// </summary>
public static class ExerciseLifecycle
{
    public const int ReasonMaxLength = 500;

    private static readonly ExerciseStatus[] Steps =
        [ExerciseStatus.Proposed, ExerciseStatus.Planning, ExerciseStatus.Approved, ExerciseStatus.InExecution, ExerciseStatus.Completed];

    /// <summary>Every (from, to) the life cycle allows, in the order a planner meets them; the trigger's list is the same.</summary>
    public static IReadOnlyList<(ExerciseStatus From, ExerciseStatus To)> Allowed { get; } =
        [.. Steps.Zip(Steps.Skip(1)), .. Steps.SkipLast(1).Select(s => (s, ExerciseStatus.Cancelled))];

    /// <summary>Whether the life cycle has the step from <paramref name="from"/> to <paramref name="to"/> (dates aside).</summary>
    public static bool IsStep(ExerciseStatus from, ExerciseStatus to) => Allowed.Contains((from, to));

    /// <summary>The statuses the life cycle leads to from <paramref name="from"/>, dates aside.</summary>
    public static IReadOnlyList<ExerciseStatus> Next(ExerciseStatus from) => [.. Allowed.Where(a => a.From == from).Select(a => a.To)];

    /// <summary>
    /// Why the exercise, at <paramref name="from"/> and running from <paramref name="startsOn"/> to <paramref name="endsOn"/>,
    /// cannot go to <paramref name="to"/> on <paramref name="today"/>; null when it can.
    /// </summary>
    public static string? Refusal(ExerciseStatus from, ExerciseStatus to, DateOnly startsOn, DateOnly endsOn, DateOnly today)
    {
        if (from == to)
        {
            return $"The exercise is already {Words(to)}.";
        }

        if (from is ExerciseStatus.Completed or ExerciseStatus.Cancelled)
        {
            return $"The exercise is {Words(from)}: that is final, its status no longer changes.";
        }

        if (!IsStep(from, to))
        {
            return $"An exercise that is {Words(from)} cannot become {Words(to)}: the next step is {Words(Next(from)[0])} (or it may be cancelled).";
        }

        return to switch
        {
            ExerciseStatus.InExecution when today < startsOn => $"Execution starts on the first day, {Day(startsOn)}, which is not reached yet.",
            ExerciseStatus.Completed when endsOn >= today => $"An exercise is completed once its last day, {Day(endsOn)}, is past.",
            _ => null,
        };
    }

    /// <summary>The actions a planner is offered from <paramref name="from"/>: each step of the life cycle, with why it is refused today.</summary>
    public static IReadOnlyList<LifecycleAction> Actions(ExerciseStatus from, DateOnly startsOn, DateOnly endsOn, DateOnly today) =>
        [.. Next(from).Select(to => new LifecycleAction(to, Label(to), Refusal(from, to, startsOn, endsOn, today)))];

    /// <summary>The words of the button that takes an exercise to <paramref name="to"/>.</summary>
    public static string Label(ExerciseStatus to) => to switch
    {
        ExerciseStatus.Planning => "Start planning",
        ExerciseStatus.Approved => "Approve",
        ExerciseStatus.InExecution => "Start execution",
        ExerciseStatus.Completed => "Complete",
        ExerciseStatus.Cancelled => "Cancel…",
        _ => Words(to),
    };

    /// <summary>The reason for a transition: required to cancel, otherwise optional; bounded, no NUL.</summary>
    public static void CheckReason(FieldErrors errors, ExerciseStatus to, string? reason)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (to == ExerciseStatus.Cancelled)
        {
            FormRules.Required(errors, "Reason", reason, ReasonMaxLength, "Say why the exercise is cancelled.");
        }
        else
        {
            FormRules.Length(errors, "Reason", reason, ReasonMaxLength);
        }
    }

    /// <summary>
    /// Why dates edited on an exercise at <paramref name="status"/> (set on <paramref name="statusSetOn"/>) would break
    /// the status's rule, by field: an exercise in execution started no later than that day, a completed one ended before it.
    /// </summary>
    public static void CheckDates(FieldErrors errors, ExerciseStatus status, DateOnly statusSetOn, DateOnly? startsOn, DateOnly? endsOn)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (status == ExerciseStatus.InExecution && startsOn > statusSetOn)
        {
            errors.Add("StartsOn", $"The exercise has been in execution since {Day(statusSetOn)}: its first day cannot be later.");
        }

        if (status == ExerciseStatus.Completed && endsOn >= statusSetOn)
        {
            errors.Add("EndsOn", $"The exercise was completed on {Day(statusSetOn)}: its last day must come before.");
        }
    }

    private static string Words(ExerciseStatus status) => status switch
    {
        ExerciseStatus.InExecution => "in execution",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
