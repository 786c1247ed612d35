using System.Globalization;
using DiploPortal.Core.Common;
using DiploPortal.Core.ReferenceData;
using DiploPortal.Web.Hosting;
using Microsoft.Extensions.Primitives;

namespace DiploPortal.Web.Lists;

/// <summary>A list request read from an address: the filter, where the page starts, and what could not be read.</summary>
public sealed record ListRequest<TFilter>(TFilter Filter, Cursor? Cursor, PageDirection Direction, IReadOnlyDictionary<string, string[]> Problems);

/// <summary>
/// Reads a list's filter from query-string parameters, noting each value it cannot read (by parameter)
/// instead of guessing. Dates are ISO 8601 (yyyy-MM-dd) only: 03/04/2025 means different days to
/// different readers and is refused.
/// </summary>
public sealed class ListAddressReader
{
    public const string After = "after";
    public const string Before = "before";

    private readonly Dictionary<string, string> _values;
    private readonly Dictionary<string, StringValues> _repeated;
    private readonly Dictionary<string, string[]> _problems = new(StringComparer.Ordinal);

    public ListAddressReader(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        _repeated = query.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        _values = _repeated.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The trimmed value, or null when the parameter is missing or blank. A value holding a NUL or longer
    /// than <see cref="InputGuard.MaxQueryValueLength"/> is a problem, never a filter: requests are refused
    /// at the edge already, but navigations inside a circuit are not requests.
    /// </summary>
    public string? Text(string name)
    {
        if (!_values.TryGetValue(name, out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (InputGuard.Problem(value) is { } problem)
        {
            Problem(name, problem);
            return null;
        }

        return value.Trim();
    }

    /// <summary>A nation code or an alliance acronym, in capitals.</summary>
    public string? Code(string name) => Text(name)?.ToUpperInvariant();

    /// <summary>
    /// A nation's code: its alpha-3 (or a former state's four letters), in capitals; an alpha-2 code is read
    /// as the nation's alpha-3 (FR as FRA). A code no nation has is a problem, not a filter that matches nothing.
    /// </summary>
    public string? Nation(string name)
    {
        if (Code(name) is not { } code)
        {
            return null;
        }

        if (NationCodes.Resolve(code) is { } known)
        {
            return known;
        }

        Problem(name, $"'{code}' is not a nation code. Use the ISO 3166 alpha-3 code (FRA for France), or alpha-2 (FR).");
        return null;
    }

    /// <summary>
    /// Nations that must all have taken part: the parameter repeated (<c>?nation=FRA&amp;nation=DEU</c>, as the
    /// list pages write it), or one value with commas (FRA,DEU); a single code is the old, bookmarked form.
    /// Each is read as <see cref="Nation"/> reads one; an unknown code, or more than <see cref="NationSet.Max"/>,
    /// is a problem and then no nation is filtered (never a part of what was asked).
    /// </summary>
    public NationSet Nations(string name)
    {
        if (!_repeated.TryGetValue(name, out var values))
        {
            return NationSet.None;
        }

        var codes = new List<string>();
        foreach (var value in values)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (InputGuard.Problem(value) is { } problem)
            {
                Problem(name, problem);
                return NationSet.None;
            }

            foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var code = part.ToUpperInvariant();
                if (NationCodes.Resolve(code) is not { } known)
                {
                    Problem(name, $"'{code}' is not a nation code. Use the ISO 3166 alpha-3 code (FRA for France), or alpha-2 (FR).");
                    return NationSet.None;
                }

                codes.Add(known);
            }
        }

        var nations = NationSet.Of(codes);
        if (nations.Count > NationSet.Max)
        {
            Problem(name, $"Choose at most {NationSet.Max} nations; {nations.Count} were asked for.");
            return NationSet.None;
        }

        return nations;
    }

    /// <summary>A value of <typeparamref name="TEnum"/> by name (any case; numbers are refused, they are not words a person reads).</summary>
    public TEnum? Enum<TEnum>(string name)
        where TEnum : struct, Enum
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        if (System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(text, CultureInfo.InvariantCulture, out _))
        {
            return parsed;
        }

        Problem(name, $"'{text}' is not one of: {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
        return null;
    }

    public DateOnly? Day(string name)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        Problem(name, $"'{text}' is not a date in the form yyyy-MM-dd (for example 2025-03-04).");
        return null;
    }

    public void Problem(string name, string message) => _problems[name] = [message];

    /// <summary>The request: the filter read, the page's cursor (before wins over after), and the problems noted.</summary>
    public ListRequest<TFilter> Request<TFilter>(TFilter filter)
    {
        var before = Cursor.Parse(Text(Before));
        return before is { } b
            ? new ListRequest<TFilter>(filter, b, PageDirection.Before, _problems)
            : new ListRequest<TFilter>(filter, Cursor.Parse(Text(After)), PageDirection.After, _problems);
    }
}

/// <summary>Writes a list's filter as a query string ("?nation=FRA&amp;kind=PortVisit"), leaving out what is not set.</summary>
public sealed class ListAddressWriter
{
    private readonly List<KeyValuePair<string, string?>> _parameters = [];

    public ListAddressWriter Add(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _parameters.Add(new(name, value));
        }

        return this;
    }

    /// <summary>The parameter once per value (<c>nation=FRA&amp;nation=DEU</c>).</summary>
    public ListAddressWriter Add(string name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
        {
            Add(name, value);
        }

        return this;
    }

    public ListAddressWriter Add<TEnum>(string name, TEnum? value)
        where TEnum : struct, Enum => Add(name, value?.ToString());

    public ListAddressWriter Add(string name, DateOnly? day) => Add(name, day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>The page's cursor, when there is one.</summary>
    public ListAddressWriter Page(Cursor? cursor, PageDirection direction) =>
        Add(direction == PageDirection.Before ? ListAddressReader.Before : ListAddressReader.After, cursor?.ToString());

    public override string ToString() => QueryString.Create(_parameters).ToString();
}
