using System.Globalization;

namespace DiploPortal.Web.Components.Shared;

/// <summary>One field two versions of a record disagree on, as text to show side by side.</summary>
public sealed record FieldDifference(string Field, string Theirs, string Mine);

/// <summary>Collects the fields two versions of a form disagree on, each shown as words ("—" for nothing).</summary>
public sealed class FieldDifferences
{
    private readonly List<FieldDifference> _differences = [];

    public IReadOnlyList<FieldDifference> List => _differences;

    public FieldDifferences Text(string field, string? theirs, string? mine)
    {
        if (!string.Equals(theirs?.Trim() ?? "", mine?.Trim() ?? "", StringComparison.Ordinal))
        {
            _differences.Add(new FieldDifference(field, Show(theirs), Show(mine)));
        }

        return this;
    }

    public FieldDifferences Day(string field, DateOnly? theirs, DateOnly? mine) => Text(field, DayText(theirs), DayText(mine));

    public FieldDifferences Words(string field, Enum theirs, Enum mine)
    {
        ArgumentNullException.ThrowIfNull(theirs);
        ArgumentNullException.ThrowIfNull(mine);
        return Text(field, theirs.ToWords(), mine.ToWords());
    }

    /// <summary>Codes in the order given ("GBR, FRA": the first may mean something, such as the lead).</summary>
    public FieldDifferences Codes(string field, IEnumerable<string> theirs, IEnumerable<string> mine) =>
        Text(field, string.Join(", ", theirs), string.Join(", ", mine));

    /// <summary>Codes whose order means nothing (releasability).</summary>
    public FieldDifferences CodeSet(string field, IEnumerable<string> theirs, IEnumerable<string> mine) =>
        Codes(field, theirs.Order(StringComparer.Ordinal), mine.Order(StringComparer.Ordinal));

    private static string? DayText(DateOnly? day) => day?.ToString(PortalText.DayFormat, CultureInfo.InvariantCulture);

    private static string Show(string? value) => string.IsNullOrWhiteSpace(value) ? "—" : value.Trim();
}
