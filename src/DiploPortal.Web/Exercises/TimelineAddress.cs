using System.Globalization;
using DiploPortal.Core.Exercises;
using DiploPortal.Web.Lists;
using Microsoft.Extensions.Primitives;

namespace DiploPortal.Web.Exercises;

/// <summary>What a timeline shows, read from its address: the period, the grouping, the list's filters, and what could not be read.</summary>
public sealed record TimelineView(TimelinePeriod Period, TimelineGrouping Grouping, ExerciseFilter Filter, IReadOnlyDictionary<string, string[]> Problems);

/// <summary>
/// The timeline's address: the exercise list's own parameters (<see cref="ExerciseQueryString"/>: nation, alliance,
/// series, kind, status, q), with <c>from</c> as the period's first day, <c>span=quarter|year</c> or <c>years=N</c>,
/// and <c>group=host|lead|alliance|series</c>, so that every view can be linked, bookmarked and subscribed to.
/// </summary>
public static class TimelineAddress
{
    public const string Path = "/exercises/timeline";
    public const string Span = "span";
    public const string Years = "years";
    public const string Group = "group";

    public static TimelineView Parse(IEnumerable<KeyValuePair<string, StringValues>> query, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = query.ToList();
        var list = ExerciseQueryString.Parse(parameters);
        var reader = new ListAddressReader(parameters);
        var span = reader.Enum<TimelineSpan>(Span) ?? TimelineSpan.Year;
        var years = 0;
        if (reader.Text(Years) is { } text)
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= TimelinePeriod.MaxYears)
            {
                years = n;
            }
            else
            {
                reader.Problem(Years, $"'{text}' is not a number of years from 1 to {TimelinePeriod.MaxYears}.");
            }
        }

        var grouping = reader.Enum<TimelineGrouping>(Group) ?? TimelineGrouping.Host;
        var period = years > 0 ? TimelinePeriod.SeveralYears(list.Filter.From ?? new DateOnly(today.Year, 1, 1), years)
            : span switch
            {
                TimelineSpan.Quarter => TimelinePeriod.Quarter(list.Filter.From ?? new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1)),
                TimelineSpan.Years => TimelinePeriod.SeveralYears(list.Filter.From ?? new DateOnly(today.Year, 1, 1), 3),
                _ => TimelinePeriod.Year(list.Filter.From ?? new DateOnly(today.Year, 1, 1)),
            };

        // The period replaces the list's range; a sort means nothing on a timeline (rows run in start order).
        var filter = list.Filter with { From = null, Until = null, Sort = ExerciseSort.LatestStart };
        var problems = list.Problems.Concat(reader.Request(0).Problems).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        return new TimelineView(period, grouping, filter, problems);
    }

    /// <summary>The query string of a view ("?from=2026-01-01&amp;span=year&amp;nation=FRA").</summary>
    public static string Format(TimelinePeriod period, TimelineGrouping grouping, ExerciseFilter filter)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(filter);
        var timeline = new ListAddressWriter()
            .Add(ExerciseQueryString.From, period.From)
            .Add(Span, SpanWord(period.Span))
            .Add(Years, period.Span == TimelineSpan.Years ? period.Years.ToString(CultureInfo.InvariantCulture) : null)
            .Add(Group, grouping == TimelineGrouping.Host ? null : GroupWord(grouping))
            .ToString();
        var rest = ExerciseQueryString.Format(filter with { From = null, Until = null, Sort = ExerciseSort.LatestStart });
        return rest.Length == 0 ? timeline : timeline + "&" + rest[1..];
    }

    public static string Address(TimelinePeriod period, TimelineGrouping grouping, ExerciseFilter filter) => Path + Format(period, grouping, filter);

    private static string SpanWord(TimelineSpan span) => span switch
    {
        TimelineSpan.Quarter => "quarter",
        TimelineSpan.Years => "years",
        _ => "year",
    };

    private static string GroupWord(TimelineGrouping grouping) => grouping switch
    {
        TimelineGrouping.Lead => "lead",
        TimelineGrouping.Alliance => "alliance",
        TimelineGrouping.Series => "series",
        _ => "host",
    };
}
