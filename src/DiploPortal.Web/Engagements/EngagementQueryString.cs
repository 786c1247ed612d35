using DiploPortal.Core.Common;
using DiploPortal.Core.Engagements;
using DiploPortal.Web.Lists;
using Microsoft.Extensions.Primitives;

namespace DiploPortal.Web.Engagements;

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
    public const string Import = "import";
    public const string After = ListAddressReader.After;
    public const string Before = ListAddressReader.Before;

    public static ListRequest<EngagementFilter> Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var reader = new ListAddressReader(query);
        var filter = new EngagementFilter
        {
            Nations = reader.Nations(Nation),
            Alliance = reader.Code(Alliance),
            Kind = reader.Enum<EngagementKind>(Kind),
            Channel = reader.Enum<CommunicationChannel>(Channel),
            Outcome = reader.Enum<EngagementOutcome>(Outcome),
            Classification = reader.Enum<Classification>(Classification),
            From = reader.Day(From),
            Until = reader.Day(Until),
            Text = reader.Text(Text),
            Sort = reader.Enum<EngagementSort>(Sort) ?? EngagementSort.Newest,
            Import = ImportId(reader),
        };
        return reader.Request(filter);
    }

    /// <summary>The import whose engagements are asked for ("?import=12", the import page's "See the list").</summary>
    private static int? ImportId(ListAddressReader reader)
    {
        if (reader.Text(Import) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        reader.Problem(Import, $"'{text}' is not an import number.");
        return null;
    }

    /// <summary>The query string ("?nation=FRA&amp;kind=PortVisit") of a filter, optionally at a page.</summary>
    public static string Format(EngagementFilter filter, Cursor? cursor = null, PageDirection direction = PageDirection.After)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new ListAddressWriter()
            .Add(Nation, filter.Nations)
            .Add(Alliance, filter.Alliance)
            .Add(Kind, filter.Kind)
            .Add(Channel, filter.Channel)
            .Add(Outcome, filter.Outcome)
            .Add(Classification, filter.Classification)
            .Add(From, filter.From)
            .Add(Until, filter.Until)
            .Add(Text, filter.Text)
            .Add(Sort, filter.Sort == EngagementSort.Newest ? null : filter.Sort.ToString())
            .Add(Import, filter.Import?.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Page(cursor, direction)
            .ToString();
    }
}
