namespace DiploPortal.Core.Common;

/// <summary>What became of a save a person asked for.</summary>
public enum SaveStatus
{
    Saved,

    /// <summary>The input broke a rule; <see cref="SaveOutcome{TForm}.Errors"/> says which field and why. Nothing was written.</summary>
    Invalid,

    /// <summary>Someone else changed or deleted the record since it was read; nothing was written.</summary>
    Conflict,

    /// <summary>The record does not exist, or the user may not see it (the same answer, so existence does not leak).</summary>
    NotFound,
}

/// <summary>What became of a save, whatever the record's form.</summary>
public interface ISaveOutcome
{
    SaveStatus Status { get; }

    IReadOnlyDictionary<string, string[]> Errors { get; }
}

/// <summary>
/// The result of a create, update or delete: the saved record's id, the errors by field, or on a
/// conflict the record as it is now (<see cref="Current"/>, null when it was deleted), so that the
/// person can compare both versions and choose; nothing is ever silently overwritten.
/// </summary>
public sealed record SaveOutcome<TForm>(SaveStatus Status, int? Id, IReadOnlyDictionary<string, string[]> Errors, TForm? Current) : ISaveOutcome
    where TForm : class;

/// <summary>Makes <see cref="SaveOutcome{TForm}"/> values.</summary>
public static class SaveOutcome
{
    private static readonly Dictionary<string, string[]> NoErrors = [];

    public static SaveOutcome<TForm> Saved<TForm>(int id)
        where TForm : class => new(SaveStatus.Saved, id, NoErrors, null);

    public static SaveOutcome<TForm> Invalid<TForm>(IReadOnlyDictionary<string, string[]> errors)
        where TForm : class => new(SaveStatus.Invalid, null, errors, null);

    public static SaveOutcome<TForm> Conflict<TForm>(TForm? current)
        where TForm : class => new(SaveStatus.Conflict, null, NoErrors, current);

    public static SaveOutcome<TForm> NotFound<TForm>()
        where TForm : class => new(SaveStatus.NotFound, null, NoErrors, null);
}

/// <summary>Collects errors by field name while a form is checked.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
