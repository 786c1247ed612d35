using System.Globalization;

namespace DiploPortal.Core.Common;

/// <summary>Describes a list filter in words, for the opening lines of an export (<see cref="IListFilter.Describe"/>).</summary>
public static class FilterWords
{
    /// <summary>"name: value" for each filter that is set (days as yyyy-MM-dd), in the order given.</summary>
    public static IReadOnlyList<string> Of(params (string Name, object? Value)[] filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var parts = new List<string>();
        foreach (var (name, value) in filters)
        {
            var text = value switch
            {
                null => null,
                DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
            if (!string.IsNullOrEmpty(text))
            {
                parts.Add($"{name}: {text}");
            }
        }

        return parts;
    }
}
