using System.Globalization;
using System.Text;
using DiploPortal.Core.Audit;
using DiploPortal.Core.Common;
using DiploPortal.Core.Engagements;
using DiploPortal.Core.Security;
using DiploPortal.Web.Accounts;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DiploPortal.Web.Engagements;

/// <summary>
/// The engagement list, as filtered on the page, as a CSV or Excel file. The same filters (and the
/// user's clearance, through the query filter) decide the rows; the file opens with who exported it,
/// when, with which filters and the highest classification it holds. Every export is audited.
/// </summary>
public static class EngagementExport
{
    /// <summary>Excel's sheet holds 1,048,576 rows; the preamble and header take a few.</summary>
    public const int MaxSpreadsheetRows = 1_048_000;

    public static IEndpointRouteBuilder MapEngagementExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/engagements/export.csv", ExportCsvAsync).RequireAuthorization(PortalPolicies.ReadRecords).ExcludeFromDescription();
        app.MapGet("/engagements/export.xlsx", ExportSpreadsheetAsync).RequireAuthorization(PortalPolicies.ReadRecords).ExcludeFromDescription();
        app.MapGet("/engagements/import/template.csv", () => Results.File(Encoding.UTF8.GetBytes(EngagementImport.Template()), "text/csv", "engagements-import-template.csv"))
            .RequireAuthorization(PortalPolicies.MaintainRecords).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ExportCsvAsync(HttpContext context, EngagementQueries queries, ICurrentUserAccessor user, AuditTrail audit, TimeProvider clock)
    {
        var request = EngagementQueryString.Parse(context.Request.Query);
        if (Unreadable(request) is { } problem)
        {
            return problem;
        }

        var cancellationToken = context.RequestAborted;
        var (preamble, _) = await PrepareAsync(request.Filter, queries, user, audit, clock, "csv", cancellationToken);
        return Results.Stream(
            async body =>
            {
                await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024);
                foreach (var line in preamble)
                {
                    CsvWriter.WriteRecord(writer, ["# " + line]);
                }

                CsvWriter.WriteRecord(writer, EngagementCsv.Columns);
                await foreach (var record in queries.StreamAsync(request.Filter, cancellationToken))
                {
                    CsvWriter.WriteRecord(writer, EngagementCsv.ToCells(record, forCsv: true));
                }
            },
            "text/csv; charset=utf-8",
            FileName(clock, "csv"));
    }

    private static async Task<IResult> ExportSpreadsheetAsync(HttpContext context, EngagementQueries queries, ICurrentUserAccessor user, AuditTrail audit, TimeProvider clock)
    {
        var request = EngagementQueryString.Parse(context.Request.Query);
        if (Unreadable(request) is { } problem)
        {
            return problem;
        }

        var cancellationToken = context.RequestAborted;
        var (preamble, rows) = await PrepareAsync(request.Filter, queries, user, audit, clock, "xlsx", cancellationToken);
        if (rows > MaxSpreadsheetRows)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Too many rows for a spreadsheet",
                detail: $"{rows:N0} engagements match; a spreadsheet holds at most {MaxSpreadsheetRows:N0}. Narrow the filters, or export CSV.");
        }

        // The package is a zip that needs a seekable stream: built in a temporary file, then sent.
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        await WriteSpreadsheetAsync(file, preamble, queries.StreamAsync(request.Filter, cancellationToken), cancellationToken);
        file.Position = 0;
        return TypedResults.File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName(clock, "xlsx"));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem? Unreadable(EngagementListRequest request) =>
        request.Problems.Count > 0 ? TypedResults.ValidationProblem(request.Problems, title: "The filters could not be read.") : null;

    /// <summary>Counts what the export will hold, for its preamble, and records the export in the audit trail.</summary>
    private static async Task<(IReadOnlyList<string> Preamble, int Rows)> PrepareAsync(
        EngagementFilter filter, EngagementQueries queries, ICurrentUserAccessor user, AuditTrail audit, TimeProvider clock, string format, CancellationToken cancellationToken)
    {
        var counts = await queries.CountByClassificationAsync(filter, cancellationToken);
        var rows = counts.Values.Sum();
        Classification? highest = counts.Count == 0 ? null : counts.Keys.Max();
        var preamble = EngagementCsv.Preamble(user.Current.Name, clock.GetUtcNow().UtcDateTime, filter.Describe(), rows, highest).ToList();
        await audit.RecordAsync(AuditAction.Exported, nameof(Engagement), entityKey: null,
            new { format, rows, filters = filter.Describe(), highest = highest?.ToString() }, cancellationToken);
        return (preamble, rows);
    }

    private static async Task WriteSpreadsheetAsync(Stream file, IReadOnlyList<string> preamble, IAsyncEnumerable<EngagementRecord> records, CancellationToken cancellationToken)
    {
        using var document = SpreadsheetDocument.Create(file, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            foreach (var line in preamble)
            {
                WriteRow(writer, [line]);
            }

            WriteRow(writer, EngagementCsv.Columns);
            await foreach (var record in records.WithCancellation(cancellationToken))
            {
                WriteRow(writer, EngagementCsv.ToCells(record, forCsv: false));
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Engagements" }));
        workbook.Workbook.Save();
    }

    // Every cell is an inline string: nothing in the file is a formula, a number or a date a spreadsheet could reinterpret.
    private static void WriteRow(OpenXmlWriter writer, IReadOnlyList<string> cells)
    {
        writer.WriteStartElement(new Row());
        foreach (var text in cells)
        {
            writer.WriteElement(new Cell(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString });
        }

        writer.WriteEndElement();
    }

    private static string FileName(TimeProvider clock, string extension) =>
        $"engagements-{clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.{extension}";
}
