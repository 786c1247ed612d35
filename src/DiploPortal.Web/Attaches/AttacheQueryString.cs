using System.Globalization;
using DiploPortal.Core.Attaches;
using DiploPortal.Core.Common;
using DiploPortal.Web.Lists;
using Microsoft.Extensions.Primitives;

namespace DiploPortal.Web.Attaches;

/// <summary>
/// The attaché filter as query-string parameters, shared by the list page and its exports. <c>?nation=FRA</c>
/// (the nation page's link) means France sent or hosts the attaché; <c>role=Sending</c> or <c>role=Host</c> narrows it.
/// </summary>
public static class AttacheQueryString
{
    public const string Nation = "nation";
    public const string Role = "role";
    public const string Post = "post";
    public const string Service = "service";
    public const string ServingOn = "serving";
    public const string Status = "status";
    public const string From = "from";
    public const string Until = "until";
    public const string Classification = "classification";
    public const string Text = "q";
    public const string Sort = "sort";

    public static ListRequest<AttacheFilter> Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var reader = new ListAddressReader(query);
        var filter = new AttacheFilter
        {
            Nations = reader.Nations(Nation),
            Role = reader.Enum<AttacheNationRole>(Role),
            Post = reader.Enum<AttachePost>(Post),
            Service = reader.Enum<MilitaryService>(Service),
            ServingOn = reader.Day(ServingOn),
            Status = reader.Enum<PostingStatus>(Status),
            PostedFrom = reader.Day(From),
            PostedUntil = reader.Day(Until),
            Classification = reader.Enum<Classification>(Classification),
            Text = reader.Text(Text),
            Sort = reader.Enum<AttacheSort>(Sort) ?? AttacheSort.Newest,
        };
        return reader.Request(filter);
    }

    public static string Format(AttacheFilter filter, Cursor? cursor = null, PageDirection direction = PageDirection.After)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new ListAddressWriter()
            .Add(Nation, filter.Nations)
            .Add(Role, filter.Role)
            .Add(Post, filter.Post)
            .Add(Service, filter.Service)
            .Add(ServingOn, filter.ServingOn)
            .Add(Status, filter.Status)
            .Add(From, filter.PostedFrom)
            .Add(Until, filter.PostedUntil)
            .Add(Classification, filter.Classification)
            .Add(Text, filter.Text)
            .Add(Sort, filter.Sort == AttacheSort.Newest ? null : filter.Sort.ToString())
            .Page(cursor, direction)
            .ToString();
    }
}

/// <summary>The attaché report filter as query-string parameters (<c>?attache=12</c> is the attaché page's "all reports").</summary>
public static class AttacheReportQueryString
{
    public const string Nation = "nation";
    public const string Attache = "attache";
    public const string Kind = "kind";
    public const string From = "from";
    public const string Until = "until";
    public const string Classification = "classification";
    public const string Text = "q";
    public const string Sort = "sort";

    public static ListRequest<AttacheReportFilter> Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var reader = new ListAddressReader(query);
        int? attache = null;
        if (reader.Text(Attache) is { } text)
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                attache = id;
            }
            else
            {
                reader.Problem(Attache, $"'{text}' is not the number of an attaché.");
            }
        }

        var filter = new AttacheReportFilter
        {
            Nations = reader.Nations(Nation),
            AttacheId = attache,
            Kind = reader.Enum<AttacheReportKind>(Kind),
            From = reader.Day(From),
            Until = reader.Day(Until),
            Classification = reader.Enum<Classification>(Classification),
            Text = reader.Text(Text),
            Sort = reader.Enum<AttacheReportSort>(Sort) ?? AttacheReportSort.Newest,
        };
        return reader.Request(filter);
    }

    public static string Format(AttacheReportFilter filter, Cursor? cursor = null, PageDirection direction = PageDirection.After)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new ListAddressWriter()
            .Add(Nation, filter.Nations)
            .Add(Attache, filter.AttacheId?.ToString(CultureInfo.InvariantCulture))
            .Add(Kind, filter.Kind)
            .Add(From, filter.From)
            .Add(Until, filter.Until)
            .Add(Classification, filter.Classification)
            .Add(Text, filter.Text)
            .Add(Sort, filter.Sort == AttacheReportSort.Newest ? null : filter.Sort.ToString())
            .Page(cursor, direction)
            .ToString();
    }
}
