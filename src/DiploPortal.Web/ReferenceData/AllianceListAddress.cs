using DiploPortal.Core.Alliances;
using DiploPortal.Core.Common;
using DiploPortal.Web.Lists;
using Microsoft.Extensions.Primitives;

namespace DiploPortal.Web.ReferenceData;

/// <summary>The alliance list's filter as query-string parameters, shared by the page and its exports.</summary>
public static class AllianceListAddress
{
    public const string Path = "/alliances";
    public const string Text = "q";
    public const string Kind = "kind";
    public const string Status = "status";
    public const string Member = "member";
    public const string Sort = "sort";

    public static readonly ListExport<AllianceListFilter, AllianceRecord> Export =
        new(Path, "alliances", nameof(Alliance), Parse, AllianceDirectory.ExportColumns, AllianceDirectory.ToCells);

    public static ListRequest<AllianceListFilter> Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var reader = new ListAddressReader(query);
        return reader.Request(new AllianceListFilter
        {
            Text = reader.Text(Text),
            Kind = reader.Enum<AllianceKind>(Kind),
            Status = reader.Enum<AllianceStatus>(Status) ?? AllianceStatus.Any,
            Member = reader.Nation(Member),
            Sort = reader.Enum<AllianceSort>(Sort) ?? AllianceSort.AcronymAscending,
        });
    }

    public static string Format(AllianceListFilter filter, Cursor? cursor = null, PageDirection direction = PageDirection.After)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new ListAddressWriter()
            .Add(Text, filter.Text)
            .Add(Kind, filter.Kind)
            .Add(Status, filter.Status == AllianceStatus.Any ? null : filter.Status.ToString())
            .Add(Member, filter.Member)
            .Add(Sort, filter.Sort == AllianceSort.AcronymAscending ? null : filter.Sort.ToString())
            .Page(cursor, direction)
            .ToString();
    }
}
