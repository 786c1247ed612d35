using DiploPortal.Core.Common;
using DiploPortal.Core.Missions;
using DiploPortal.Web.Lists;
using Microsoft.Extensions.Primitives;

namespace DiploPortal.Web.Missions;

/// <summary>The mission filter as query-string parameters, shared by the list page and its exports.</summary>
public static class MissionQueryString
{
    public const string Nation = "nation";
    public const string Role = "role";
    public const string Kind = "kind";
    public const string Crisis = "crisis";
    public const string State = "state";
    public const string Classification = "classification";
    public const string From = "from";
    public const string Until = "until";
    public const string Text = "q";
    public const string Sort = "sort";

    public static ListRequest<MissionFilter> Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var reader = new ListAddressReader(query);
        var filter = new MissionFilter
        {
            Nations = reader.Nations(Nation),
            Role = reader.Enum<MissionRole>(Role),
            Kind = reader.Enum<MissionKind>(Kind),
            Crisis = reader.Enum<CrisisKind>(Crisis),
            State = reader.Enum<MissionState>(State),
            Classification = reader.Enum<Classification>(Classification),
            From = reader.Day(From),
            Until = reader.Day(Until),
            Text = reader.Text(Text),
            Sort = reader.Enum<MissionSort>(Sort) ?? MissionSort.LatestStart,
        };
        return reader.Request(filter);
    }

    /// <summary>The query string ("?nation=TUR&amp;role=Affected") of a filter, optionally at a page.</summary>
    public static string Format(MissionFilter filter, Cursor? cursor = null, PageDirection direction = PageDirection.After)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new ListAddressWriter()
            .Add(Nation, filter.Nations)
            .Add(Role, filter.Role)
            .Add(Kind, filter.Kind)
            .Add(Crisis, filter.Crisis)
            .Add(State, filter.State)
            .Add(Classification, filter.Classification)
            .Add(From, filter.From)
            .Add(Until, filter.Until)
            .Add(Text, filter.Text)
            .Add(Sort, filter.Sort == MissionSort.LatestStart ? null : filter.Sort.ToString())
            .Page(cursor, direction)
            .ToString();
    }
}
