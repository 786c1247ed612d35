using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Exercises;

/// <summary>One step of an exercise's status history as a page shows it.</summary>
public sealed record ExerciseStatusStep(ExerciseStatus From, ExerciseStatus To, DateTime ChangedAt, string ChangedBy, string? Reason);

/// <summary>An exercise's status, the day it was set, its history (latest first) and the actions a planner is offered today.</summary>
public sealed record ExerciseLifecycleView(
    int Id,
    ExerciseStatus Status,
    DateOnly StatusSetOn,
    DateOnly StartsOn,
    DateOnly EndsOn,
    IReadOnlyList<ExerciseStatusStep> History,
    IReadOnlyList<LifecycleAction> Actions,
    uint Version);

/// <summary>
/// Moves an exercise through its life cycle (<see cref="ExerciseLifecycle"/>), one explicit action at a time, for the
/// user of the scope: through the user-scoped context (an exercise the user may not see is not found), at the version
/// the person read (a stale one is a conflict), recorded on the exercise's status history and, by the context's audit
/// interceptor, in the audit trail (the exercise's change and the history row, in one transaction).
/// </summary>
public sealed class ExerciseTransitions(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time)
{
    /// <summary>The exercise's life cycle as the user may see it; null when missing or not visible.</summary>
    public async Task<ExerciseLifecycleView?> ReadAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ReadAsync(db, id, cancellationToken);
    }

    /// <summary>
    /// Takes the exercise to <paramref name="to"/> if it is still at <paramref name="version"/> and the life cycle allows
    /// it today; <paramref name="reason"/> is required to cancel. Refusals come back as errors: the field "Reason" for
    /// the reason, <see cref="SaveOutcome.RecordField"/> for the step itself.
    /// </summary>
    public async Task<SaveOutcome<ExerciseLifecycleView>> TransitionAsync(
        int id, ExerciseStatus to, uint version, string? reason = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var exercise = await db.Exercises.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (exercise is null)
        {
            return SaveOutcome.NotFound<ExerciseLifecycleView>();
        }

        if (exercise.Version != version)
        {
            return SaveOutcome.Conflict(await ReadAsync(db, id, cancellationToken));
        }

        var today = Today;
        var errors = new FieldErrors();
        if (ExerciseLifecycle.Refusal(exercise.Status, to, exercise.StartsOn, exercise.EndsOn, today) is { } refusal)
        {
            errors.Add(SaveOutcome.RecordField, refusal);
        }

        ExerciseLifecycle.CheckReason(errors, to, reason);
        if (errors.Any)
        {
            return SaveOutcome.Invalid<ExerciseLifecycleView>(errors.ToDictionary());
        }

        db.Entry(exercise).Property(e => e.Version).OriginalValue = version;
        db.Add(new ExerciseStatusChange
        {
            ExerciseId = id,
            FromStatus = exercise.Status,
            ToStatus = to,
            ChangedAt = time.GetUtcNow().UtcDateTime,
            ChangedBy = db.User.Name,
            Reason = FormRules.OrNull(reason),
        });
        exercise.Status = to;
        exercise.StatusSetOn = today;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveOutcome.Saved<ExerciseLifecycleView>(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            return SaveOutcome.Conflict(await ReadAsync(fresh, id, cancellationToken));
        }
    }

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private async Task<ExerciseLifecycleView?> ReadAsync(PortalDbContext db, int id, CancellationToken cancellationToken)
    {
        var exercise = await db.Exercises.AsNoTracking()
            .Where(e => e.Id == id)
            .Select(e => new
            {
                e.Status,
                e.StatusSetOn,
                e.StartsOn,
                e.EndsOn,
                e.Version,
                History = e.StatusHistory.OrderByDescending(h => h.ChangedAt).ThenByDescending(h => h.Id)
                    .Select(h => new ExerciseStatusStep(h.FromStatus, h.ToStatus, h.ChangedAt, h.ChangedBy, h.Reason)).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return exercise is null ? null : new ExerciseLifecycleView(
            id,
            exercise.Status,
            exercise.StatusSetOn,
            exercise.StartsOn,
            exercise.EndsOn,
            exercise.History,
            ExerciseLifecycle.Actions(exercise.Status, exercise.StartsOn, exercise.EndsOn, Today),
            exercise.Version);
    }
}
