using DiploPortal.Core.Common;
using DiploPortal.Core.Exercises;
using DiploPortal.Web.Lists;

namespace DiploPortal.Web.Exercises;

/// <summary>The exercise list's exports: one row per exercise, lists joined by ';', participants as CODE:Role.</summary>
public static class ExerciseExport
{
    public static readonly ListExport<ExerciseFilter, ExerciseRecord> Definition = new(
        "/exercises",
        "exercises",
        nameof(JointExercise),
        ExerciseQueryString.Parse,
        ["id", "name", "series", "kind", "status", "host_nation", "location", "starts_on", "ends_on", "lead_nation", "lead_alliance",
            "participants", "personnel", "objectives", "classification", "releasable_to_nations", "releasable_to_alliances"],
        ToCells);

    public static IEndpointRouteBuilder MapExerciseExports(this IEndpointRouteBuilder app) =>
        app.MapListExport<ExerciseQueries, ExerciseFilter, ExerciseRecord>(Definition);

    private static ExportCell[] ToCells(ExerciseRecord record, bool forCsv)
    {
        var text = ExportFile.TextCell(forCsv);
        return
        [
            ExportFile.Number(record.Id),
            text(record.Name),
            text(record.SeriesName),
            record.Kind.ToString(),
            record.Status.ToString(),
            record.HostNation,
            text(record.Location),
            ExportFile.Day(record.StartsOn),
            ExportFile.Day(record.EndsOn),
            record.LeadNation ?? "",
            record.LeadAlliance ?? "",
            string.Join(';', record.Participants),
            ExportFile.Number(record.Personnel),
            text(record.Objectives),
            record.Classification.ToString(),
            string.Join(';', record.ReleasableToNations),
            string.Join(';', record.ReleasableToAlliances),
        ];
    }
}
