using System.Globalization;

namespace DiploPortal.Web.Components.Shared;

/// <summary>One field two versions of a record disagree on, as text to show side by side.</summary>
public sealed record FieldDifference(string Field, string Theirs, string Mine)
{
    /// <summary>The fields whose texts differ (ignoring surrounding spaces), in the order given; an empty text shows as "—".</summary>
    public static IReadOnlyList<FieldDifference> Between(params (string Field, string? Theirs, string? Mine)[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return fields
            .Where(f => !string.Equals(f.Theirs?.Trim() ?? "", f.Mine?.Trim() ?? "", StringComparison.Ordinal))
            .Select(f => new FieldDifference(f.Field, Show(f.Theirs), Show(f.Mine)))
            .ToList();
    }

    /// <summary>A day as the conflict panel shows it.</summary>
    public static string? Day(DateOnly? day) => day?.ToString(PortalText.DayFormat, CultureInfo.InvariantCulture);

    /// <summary>A list of codes in a stable order, so that order alone is no difference.</summary>
    public static string Codes(IEnumerable<string> codes) => string.Join(", ", codes.Order(StringComparer.Ordinal));

    private static string Show(string? value) => string.IsNullOrWhiteSpace(value) ? "—" : value.Trim();
}
