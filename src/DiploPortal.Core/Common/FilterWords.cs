using System.Globalization;

namespace DiploPortal.Core.Common;

/// <summary>Builds a filter's <see cref="IListFilter.Describe"/> lines: "name: value" for each value set.</summary>
public sealed class FilterWords
{
    private readonly List<string> _parts = [];

    public FilterWords Add(string name, object? value)
    {
        var text = value switch
        {
            null => null,
            DateOnly day => day.ToString(ExportFile.DayFormat, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        if (text is { Length: > 0 })
        {
            _parts.Add($"{name}: {text}");
        }

        return this;
    }

    public IReadOnlyList<string> ToList() => _parts;
}
