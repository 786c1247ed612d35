using DiploPortal.Core.Common;
using DiploPortal.Core.Exercises;
using DiploPortal.Web.Lists;
using Microsoft.Extensions.Primitives;

namespace DiploPortal.Web.Exercises;

/// <summary>The exercise filter as query-string parameters, shared by the list page and its exports.</summary>
public static class ExerciseQueryString
{
    public const string Nation = "nation";
    public const string Alliance = "alliance";
    public const string Series = "series";
    public const string Kind = "kind";
    public const string Status = "status";
    public const string Classification = "classification";
    public const string From = "from";
    public const string Until = "until";
    public const string Text = "q";
    public const string Sort = "sort";

    public static ListRequest<ExerciseFilter> Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var reader = new ListAddressReader(query);
        var filter = new ExerciseFilter
        {
            Nations = reader.Nations(Nation),
            Alliance = reader.Code(Alliance),
            Series = reader.Text(Series),
            Kind = reader.Enum<ExerciseKind>(Kind),
            Status = reader.Enum<ExerciseStatus>(Status),
            Classification = reader.Enum<Classification>(Classification),
            From = reader.Day(From),
            Until = reader.Day(Until),
            Text = reader.Text(Text),
            Sort = reader.Enum<ExerciseSort>(Sort) ?? ExerciseSort.LatestStart,
        };
        return reader.Request(filter);
    }

    /// <summary>The query string ("?nation=FRA&amp;kind=Naval") of a filter, optionally at a page.</summary>
    public static string Format(ExerciseFilter filter, Cursor? cursor = null, PageDirection direction = PageDirection.After)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new ListAddressWriter()
            .Add(Nation, filter.Nations)
            .Add(Alliance, filter.Alliance)
            .Add(Series, filter.Series)
            .Add(Kind, filter.Kind)
            .Add(Status, filter.Status)
            .Add(Classification, filter.Classification)
            .Add(From, filter.From)
            .Add(Until, filter.Until)
            .Add(Text, filter.Text)
            .Add(Sort, filter.Sort == ExerciseSort.LatestStart ? null : filter.Sort.ToString())
            .Page(cursor, direction)
            .ToString();
    }
}
