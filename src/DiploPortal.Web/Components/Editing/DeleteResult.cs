using DiploPortal.Core.Common;

namespace DiploPortal.Web.Components.Editing;

/// <summary>What became of a delete: a <see cref="SaveStatus"/>, and when it was refused (Invalid) the reason in words.</summary>
public readonly record struct DeleteResult(SaveStatus Status, string? Refusal)
{
    public static implicit operator DeleteResult(SaveStatus status) => FromSaveStatus(status);

    public static DeleteResult FromSaveStatus(SaveStatus status) => new(status, null);

    public static DeleteResult Of<TForm>(SaveOutcome<TForm> outcome)
        where TForm : class
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new(outcome.Status, outcome.Errors.TryGetValue(SaveOutcome.RecordField, out var reasons) ? string.Join(" ", reasons) : null);
    }
}
