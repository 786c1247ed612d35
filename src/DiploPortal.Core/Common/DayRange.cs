namespace DiploPortal.Core.Common;

/// <summary>
/// A first and a last day of a list filter, either of which may be open. A reversed range (the first day
/// after the last) matches nothing a person could mean, so every list, export and API list ignores it
/// (applies neither end) and says so beside the range, instead of showing an empty list.
/// </summary>
public static class DayRange
{
    public static bool IsReversed(DateOnly? from, DateOnly? until) => from is { } first && until is { } last && first > last;

    /// <summary>The ends a query applies: both as given, or neither when the range is reversed.</summary>
    public static (DateOnly? From, DateOnly? Until) Applied(DateOnly? from, DateOnly? until) =>
        IsReversed(from, until) ? (null, null) : (from, until);
}
