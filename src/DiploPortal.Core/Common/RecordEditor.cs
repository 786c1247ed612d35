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
        var check = await CheckAsync(db, form, cancellationToken);
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

        var check = await CheckAsync(db, form, cancellationToken);
        if (check.Apply is not { } apply)
        {
            return SaveOutcome.Invalid<TForm>(check.Errors!);
        }

        if (record.Version != form.Version)
        {
            return SaveOutcome.Conflict(await ReadFormAsync(db, id, cancellationToken));
        }

        // The version the person read is the one the database must still hold when the update lands.
        db.Entry(record).Property(r => r.Version).OriginalValue = form.Version;
        apply(record);
        return await SaveOrConflictAsync(db, id, cancellationToken);
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
            return SaveOutcome.Invalid<TForm>(new Dictionary<string, string[]> { [DeleteField] = [refusal] });
        }

        db.Entry(record).Property(r => r.Version).OriginalValue = version;
        db.Remove(record);
        return await SaveOrConflictAsync(db, id, cancellationToken);
    }

    /// <summary>The key of the message that says why a delete was refused (<see cref="DeleteRefusalAsync"/>).</summary>
    public const string DeleteField = "";

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

    /// <summary>
    /// Saves; when the row changed between the read and the write (xmin no longer the one read), reports a
    /// conflict with the record as it is now, read through a fresh context (the other holds the stale one).
    /// </summary>
    private async Task<SaveOutcome<TForm>> SaveOrConflictAsync(PortalDbContext db, int id, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveOutcome.Saved<TForm>(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            return SaveOutcome.Conflict(await ReadFormAsync(fresh, id, cancellationToken));
        }
    }
}
