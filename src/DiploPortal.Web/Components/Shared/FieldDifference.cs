using System.Globalization;

namespace DiploPortal.Web.Components.Shared;

/// <summary>One field two versions of a record disagree on, as text to show side by side.</summary>
public sealed record FieldDifference(string Field, string Theirs, string Mine);

/// <summary>Collects the fields two versions of a form disagree on, each as the text a person reads.</summary>
public sealed class FieldDifferences
{
    private readonly List<FieldDifference> _differences = [];

    public FieldDifferences Compare(string field, string? theirs, string? mine)
    {
        if (!string.Equals(theirs?.Trim() ?? "", mine?.Trim() ?? "", StringComparison.Ordinal))
        {
            _differences.Add(new FieldDifference(field, Show(theirs), Show(mine)));
        }

        return this;
    }

    public FieldDifferences Compare(string field, DateOnly? theirs, DateOnly? mine) => Compare(field, Day(theirs), Day(mine));

    /// <summary>Lists compared as sets (caveats), or in order when the order means something (the lead first).</summary>
    public FieldDifferences Compare(string field, IEnumerable<string> theirs, IEnumerable<string> mine, bool ordered = false) =>
        Compare(field, Join(theirs, ordered), Join(mine, ordered));

    public IReadOnlyList<FieldDifference> ToList() => _differences;

    private static string Join(IEnumerable<string> values, bool ordered) =>
        string.Join(", ", ordered ? values : values.Order(StringComparer.Ordinal));

    private static string? Day(DateOnly? day) => day?.ToString(PortalText.DayFormat, CultureInfo.InvariantCulture);

    private static string Show(string? value) => string.IsNullOrWhiteSpace(value) ? "—" : value.Trim();
}
