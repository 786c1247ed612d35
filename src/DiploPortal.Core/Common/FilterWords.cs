using System.Globalization;

namespace DiploPortal.Core.Common;

/// <summary>
/// A filter in words, one "name: value" per filter set (<see cref="IListFilter.Describe"/>), days as yyyy-MM-dd.
/// </summary>
public sealed class FilterWords
{
    private readonly List<string> _parts = [];

    public IReadOnlyList<string> Parts => _parts;

    public FilterWords Add(string name, object? value)
    {
        var text = value switch
        {
            null => null,
            DateOnly day => day.ToString(ExportFile.DayFormat, CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        if (text is { Length: > 0 })
        {
            _parts.Add($"{name}: {text}");
        }

        return this;
    }
}
