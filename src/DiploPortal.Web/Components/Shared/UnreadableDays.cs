namespace DiploPortal.Web.Components.Shared;

/// <summary>
/// The date fields of one form whose typed text could not be read (<see cref="DayField"/>). The form
/// refuses to save while there are any, so that a day a person typed is never silently dropped or
/// replaced by the last day that was read.
/// </summary>
public sealed class UnreadableDays
{
    private readonly Dictionary<object, string> _labels = [];

    /// <summary>Notes (or, with <paramref name="unreadable"/> false, forgets) that <paramref name="field"/> holds unreadable text.</summary>
    public void Note(object field, string label, bool unreadable)
    {
        if (unreadable)
        {
            _labels[field] = label;
        }
        else
        {
            _labels.Remove(field);
        }
    }

    /// <summary>Why the form cannot be saved yet, or null when every date was read.</summary>
    public string? Problem => _labels.Count == 0
        ? null
        : $"Not saved: {string.Join(", ", _labels.Values.Select(l => $"'{l}'"))} could not be read as a date. Correct or clear it, then save again.";
}
