using DiploPortal.Core.Common;
using DiploPortal.Core.Missions;
using DiploPortal.Web.Lists;

namespace DiploPortal.Web.Missions;

/// <summary>The mission list's exports: one row per mission, contributors joined by ';' with their totals.</summary>
public static class MissionExport
{
    public static readonly ListExport<MissionFilter, MissionRecord> Definition = new(
        "/missions",
        "missions",
        nameof(HumanitarianMission),
        MissionQueryString.Parse,
        ["id", "name", "kind", "crisis", "affected_nation", "starts_on", "ends_on", "people_assisted", "contributors", "personnel",
            "supplies_tonnes", "summary", "classification", "releasable_to_nations", "releasable_to_alliances"],
        ToCells);

    public static IEndpointRouteBuilder MapMissionExports(this IEndpointRouteBuilder app) =>
        app.MapListExport<MissionQueries, MissionFilter, MissionRecord>(Definition);

    private static ExportCell[] ToCells(MissionRecord record, bool forCsv)
    {
        var text = ExportFile.TextCell(forCsv);
        return
        [
            ExportFile.Number(record.Id),
            text(record.Name),
            record.Kind.ToString(),
            record.Crisis.ToString(),
            record.AffectedNation,
            ExportFile.Day(record.StartsOn),
            ExportFile.Day(record.EndsOn),
            ExportFile.Number(record.PeopleAssisted),
            string.Join(';', record.Contributors),
            ExportFile.Number(record.Personnel),
            ExportFile.Number(record.SuppliesTonnes),
            text(record.Summary),
            record.Classification.ToString(),
            string.Join(';', record.ReleasableToNations),
            string.Join(';', record.ReleasableToAlliances),
        ];
    }
}
