using System.Globalization;
using DiploPortal.Core.Common;
using DiploPortal.Core.Engagements;
using Microsoft.Extensions.Primitives;

namespace DiploPortal.Web.Engagements;

/// <summary>An engagement list request read from an address: the filter, where the page starts, and what could not be read.</summary>
public sealed record EngagementListRequest(EngagementFilter Filter, Cursor? Cursor, PageDirection Direction, IReadOnlyDictionary<string, string[]> Problems);

/// <summary>
/// The engagement filter as query-string parameters, shared by the list page (so that a view can be
/// bookmarked), its exports and <c>GET /api/engagements</c>. Dates are ISO 8601 (yyyy-MM-dd) only:
/// 03/04/2025 means different days to different readers and is refused, never guessed.
/// </summary>
public static class EngagementQueryString
{
    public const string Nation = "nation";
    public const string Alliance = "alliance";
    public const string Kind = "kind";
    public const string Channel = "channel";
    public const string Outcome = "outcome";
    public const string Classification = "classification";
    public const string From = "from";
    public const string Until = "until";
    public const string Text = "q";
    public const string Sort = "sort";
    public const string After = "after";
    public const string Before = "before";

    public static EngagementListRequest Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var values = query.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? Value(string name) => values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        TEnum? EnumValue<TEnum>(string name)
            where TEnum : struct, Enum
        {
            if (Value(name) is not { } text)
            {
                return null;
            }

            if (Enum.TryParse<TEnum>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text, CultureInfo.InvariantCulture, out _))
            {
                return parsed;
            }

            problems[name] = [$"'{text}' is not one of: {string.Join(", ", Enum.GetNames<TEnum>())}."];
            return null;
        }

        DateOnly? Day(string name)
        {
            if (Value(name) is not { } text)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }

            problems[name] = [$"'{text}' is not a date in the form yyyy-MM-dd (for example 2025-03-04)."];
            return null;
        }

        var filter = new EngagementFilter
        {
            Nation = Value(Nation)?.ToUpperInvariant(),
            Alliance = Value(Alliance)?.ToUpperInvariant(),
            Kind = EnumValue<EngagementKind>(Kind),
            Channel = EnumValue<CommunicationChannel>(Channel),
            Outcome = EnumValue<EngagementOutcome>(Outcome),
            Classification = EnumValue<Classification>(Classification),
            From = Day(From),
            Until = Day(Until),
            Text = Value(Text),
            Sort = EnumValue<EngagementSort>(Sort) ?? EngagementSort.Newest,
        };
        if (filter is { From: { } from, Until: { } until } && until < from)
        {
            problems[Until] = ["The last day comes before the first."];
        }

        var before = Cursor.Parse(Value(Before));
        var after = Cursor.Parse(Value(After));
        return before is { } b
            ? new EngagementListRequest(filter, b, PageDirection.Before, problems)
            : new EngagementListRequest(filter, after, PageDirection.After, problems);
    }

    /// <summary>The query string ("?nation=FRA&amp;kind=PortVisit") of a filter, optionally at a page.</summary>
    public static string Format(EngagementFilter filter, Cursor? cursor = null, PageDirection direction = PageDirection.After)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var parameters = new List<KeyValuePair<string, string?>>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parameters.Add(new(name, value));
            }
        }

        Add(Nation, filter.Nation);
        Add(Alliance, filter.Alliance);
        Add(Kind, filter.Kind?.ToString());
        Add(Channel, filter.Channel?.ToString());
        Add(Outcome, filter.Outcome?.ToString());
        Add(Classification, filter.Classification?.ToString());
        Add(From, filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(Until, filter.Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(Text, filter.Text);
        Add(Sort, filter.Sort == EngagementSort.Newest ? null : filter.Sort.ToString());
        Add(direction == PageDirection.Before ? Before : After, cursor?.ToString());
        return QueryString.Create(parameters).ToString();
    }
}
