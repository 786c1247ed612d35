using DiploPortal.Core.Audit;
using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Common;

/// <summary>A stored record a person edits: its id, and its row version (xmin) to detect a stale edit.</summary>
public interface IVersionedRecord
{
    int Id { get; }

    uint Version { get; set; }
}

/// <summary>A record as a person edits it, with the row version it was read at (0 for a new record).</summary>
public interface IRecordForm
{
    uint Version { get; set; }
}

/// <summary>What checking a form found: the errors by field, or how to apply the form to its record.</summary>
public sealed class FormCheck<TEntity>
{
    internal FormCheck(IReadOnlyDictionary<string, string[]>? errors, Action<TEntity>? apply)
    {
        Errors = errors;
        Apply = apply;
    }

    /// <summary>Messages by field; null when every rule holds.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; }

    /// <summary>Copies the checked form onto the record (with the ids the check looked up); null when invalid.</summary>
    public Action<TEntity>? Apply { get; }
}

/// <summary>Makes <see cref="FormCheck{TEntity}"/> values.</summary>
public static class FormCheck
{
    /// <summary>Invalid when <paramref name="errors"/> has any, else valid with <paramref name="apply"/>.</summary>
    public static FormCheck<TEntity> Of<TEntity>(FieldErrors errors, Action<TEntity> apply)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Any ? new(errors.ToDictionary(), null) : new(null, apply);
    }

    /// <summary>Invalid with the messages of both (an earlier check's, and more found after it).</summary>
    public static FormCheck<TEntity> Invalid<TEntity>(IReadOnlyDictionary<string, string[]>? first, FieldErrors more)
    {
        ArgumentNullException.ThrowIfNull(more);
        return new(Merged(first, more.ToDictionary()), null);
    }

    /// <summary>The messages of both, by field.</summary>
    internal static Dictionary<string, string[]> Merged(IReadOnlyDictionary<string, string[]>? first, IReadOnlyDictionary<string, string[]>? second) =>
        (first ?? new Dictionary<string, string[]>()).Concat(second ?? new Dictionary<string, string[]>())
            .GroupBy(e => e.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray(), StringComparer.Ordinal);
}

/// <summary>
/// Creates, changes and deletes one kind of record for the user of the scope: every rule checked on the
/// server with a message per field, nothing above the user's clearance (the context refuses it too), and
/// a stale edit reported as a conflict with the current version instead of overwriting it. The context's
/// audit interceptor records every save.
/// </summary>
public abstract class RecordEditor<TEntity, TForm>(IDbContextFactory<PortalDbContext> dbFactory)
    where TEntity : class, IVersionedRecord
    where TForm : class, IRecordForm
{
    /// <summary>The record as an editable form, or null when it does not exist or the user may not see it.</summary>
    public async Task<TForm?> ReadAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ReadFormAsync(db, id, cancellationToken);
    }

    public async Task<SaveOutcome<TForm>> CreateAsync(TForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var check = await CheckAsync(db, null, form, cancellationToken);
        if (check.Apply is not { } apply)
        {
            return SaveOutcome.Invalid<TForm>(check.Errors!);
        }

        var record = NewRecord();
        apply(record);
        db.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return SaveOutcome.Saved<TForm>(record.Id);
    }

    public async Task<SaveOutcome<TForm>> UpdateAsync(int id, TForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await ForUpdate(db).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (record is null)
        {
            return SaveOutcome.NotFound<TForm>();
        }

        var check = await CheckAsync(db, id, form, cancellationToken);
        var downgrade = Downgrade(record, form);
        if (check.Apply is not { } apply || downgrade is { Errors: not null })
        {
            return SaveOutcome.Invalid<TForm>(FormCheck.Merged(check.Errors, downgrade?.Errors));
        }

        if (record.Version != form.Version)
        {
            return SaveOutcome.Conflict(await ReadFormAsync(db, id, cancellationToken));
        }

        // The version the person read is the one the database must still hold when the update lands.
        db.Entry(record).Property(r => r.Version).OriginalValue = form.Version;
        apply(record);
        return await SaveOrConflictAsync(db, id, downgrade?.Change is { } change ? (change, form) : null, cancellationToken);
    }

    /// <summary>
    /// For a classified record: the change of marking when the form downgrades it, with the message beside the
    /// marking fields when the reason is missing or too long (<see cref="MarkingRules.CheckDowngrade"/>).
    /// </summary>
    private static (MarkingChange Change, IReadOnlyDictionary<string, string[]>? Errors)? Downgrade(TEntity record, TForm form)
    {
        if (record is not ClassifiedRecord stored || form is not IMarkedForm marked)
        {
            return null;
        }

        var change = new MarkingChange(RecordMarking.Of(stored), RecordMarking.Of(marked));
        if (!change.IsDowngrade)
        {
            return null;
        }

        var errors = new FieldErrors();
        MarkingRules.CheckDowngrade(errors, change, marked.DowngradeReason);
        return (change, errors.Any ? errors.ToDictionary() : null);
    }

    /// <summary>Deletes the record if it is still at <paramref name="version"/>; a conflict otherwise.</summary>
    public async Task<SaveOutcome<TForm>> DeleteAsync(int id, uint version, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.Set<TEntity>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (record is null)
        {
            return SaveOutcome.NotFound<TForm>();
        }

        if (record.Version != version)
        {
            return SaveOutcome.Conflict(await ReadFormAsync(db, id, cancellationToken));
        }

        if (await DeleteRefusalAsync(db, record, cancellationToken) is { } refusal)
        {
            return SaveOutcome.Invalid<TForm>(new Dictionary<string, string[]> { [SaveOutcome.RecordField] = [refusal] });
        }

        db.Entry(record).Property(r => r.Version).OriginalValue = version;
        db.Remove(record);
        try
        {
            return await SaveOrConflictAsync(db, id, downgrade: null, cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.ForeignKeyViolation })
        {
            // Records the user may not see can still name this one; the database's foreign keys refuse the delete.
            var refused = new FieldErrors();
            refused.Add(SaveOutcome.RecordField, "Other records still refer to this one, so it was not deleted.");
            return SaveOutcome.Invalid<TForm>(refused.ToDictionary());
        }
    }

    /// <summary>Runs <paramref name="read"/> on a short-lived context of the scope's user (lookups a form needs).</summary>
    protected async Task<T> ReadWithAsync<T>(Func<PortalDbContext, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await read(db);
    }

    /// <summary>Why the record may not be deleted (records still depend on it), or null when it may.</summary>
    protected virtual Task<string?> DeleteRefusalAsync(PortalDbContext db, TEntity record, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    /// <summary>A new, empty record for <see cref="CreateAsync"/> to fill.</summary>
    protected abstract TEntity NewRecord();

    /// <summary>The records as an update loads them: with the owned lists the form edits (participants...).</summary>
    protected virtual IQueryable<TEntity> ForUpdate(PortalDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<TEntity>();
    }

    /// <summary>The record as a form, read without tracking; null when missing or not visible.</summary>
    protected abstract Task<TForm?> ReadFormAsync(PortalDbContext db, int id, CancellationToken cancellationToken);

    /// <summary>Checks every rule of <paramref name="form"/> (looking up the nations and alliances it names).</summary>
    protected abstract Task<FormCheck<TEntity>> CheckAsync(PortalDbContext db, TForm form, CancellationToken cancellationToken);

    /// <summary>The check of a form for record <paramref name="id"/> (null while new), for rules that compare it with other records.</summary>
    protected virtual Task<FormCheck<TEntity>> CheckAsync(PortalDbContext db, int? id, TForm form, CancellationToken cancellationToken) =>
        CheckAsync(db, form, cancellationToken);

    /// <summary>
    /// Saves; when the row changed between the read and the write (xmin no longer the one read), reports a
    /// conflict with the record as it is now, read through a fresh context (the other holds the stale one).
    /// </summary>
    /// <remarks>
    /// A downgrade also writes its own <c>Downgraded</c> entry (old and new marking, the reason) in the same
    /// transaction as the change and its <c>Updated</c> entry: both commit, or neither.
    /// </remarks>
    private async Task<SaveOutcome<TForm>> SaveOrConflictAsync(
        PortalDbContext db, int id, (MarkingChange Change, TForm Form)? downgrade, CancellationToken cancellationToken)
    {
        try
        {
            if (downgrade is not { } lowered)
            {
                await db.SaveChangesAsync(cancellationToken);
                return SaveOutcome.Saved<TForm>(id);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await AuditTrail.RecordAsync(
                db,
                AuditAction.Downgraded,
                db.Model.FindEntityType(typeof(TEntity))!.ShortName(),
                id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                before: new { lowered.Change.Before.Classification, lowered.Change.Before.ReleasableToNations, lowered.Change.Before.ReleasableToAlliances },
                after: new
                {
                    lowered.Change.After.Classification,
                    lowered.Change.After.ReleasableToNations,
                    lowered.Change.After.ReleasableToAlliances,
                    Reason = ((IMarkedForm)lowered.Form).DowngradeReason!.Trim(),
                },
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return SaveOutcome.Saved<TForm>(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            return SaveOutcome.Conflict(await ReadFormAsync(fresh, id, cancellationToken));
        }
    }
}
