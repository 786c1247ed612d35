using DiploPortal.Core.Common;
using DiploPortal.Core.Nations;
using DiploPortal.Web.Lists;
using Microsoft.Extensions.Primitives;

namespace DiploPortal.Web.ReferenceData;

/// <summary>The nation list's filter as query-string parameters, shared by the page and its exports.</summary>
public static class NationListAddress
{
    public const string Path = "/nations";
    public const string Text = "q";
    public const string Region = "region";
    public const string Status = "status";
    public const string Alliance = "alliance";
    public const string Sort = "sort";

    public static readonly ListExport<NationListFilter, NationRecord> Export =
        new(Path, "nations", nameof(Nation), Parse, NationDirectory.ExportColumns, NationDirectory.ToCells);

    public static ListRequest<NationListFilter> Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var reader = new ListAddressReader(query);
        return reader.Request(new NationListFilter
        {
            Text = reader.Text(Text),
            Region = reader.Text(Region),
            Status = reader.Enum<NationStatus>(Status) ?? NationStatus.Any,
            Alliance = reader.Code(Alliance),
            Sort = reader.Enum<NationSort>(Sort) ?? NationSort.NameAscending,
        });
    }

    public static string Format(NationListFilter filter, Cursor? cursor = null, PageDirection direction = PageDirection.After)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new ListAddressWriter()
            .Add(Text, filter.Text)
            .Add(Region, filter.Region)
            .Add(Status, filter.Status == NationStatus.Any ? null : filter.Status.ToString())
            .Add(Alliance, filter.Alliance)
            .Add(Sort, filter.Sort == NationSort.NameAscending ? null : filter.Sort.ToString())
            .Page(cursor, direction)
            .ToString();
    }
}
