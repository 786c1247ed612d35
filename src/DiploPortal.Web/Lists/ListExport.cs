using System.Globalization;
using System.Text;
using DiploPortal.Core.Audit;
using DiploPortal.Core.Common;
using DiploPortal.Core.Security;
using DiploPortal.Web.Accounts;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Primitives;

namespace DiploPortal.Web.Lists;

/// <summary>How a list is exported: where, under which name, how its address is read and how a record becomes cells.</summary>
/// <param name="Path">The list's path ("/engagements"); the exports answer at {Path}/export.csv and {Path}/export.xlsx.</param>
/// <param name="Title">What the file holds, in words ("engagements"): its first line, file name and sheet name.</param>
/// <param name="AuditedAs">The entity name the audit entry names.</param>
/// <param name="Parse">Reads the list's filter from the request's query string, as the list page does.</param>
/// <param name="Columns">The header row.</param>
/// <param name="ToCells">A record's cells, protected for CSV when the flag says so (see <see cref="ExportFile.Protect"/>).</param>
public sealed record ListExport<TFilter, TRecord>(
    string Path,
    string Title,
    string AuditedAs,
    Func<IEnumerable<KeyValuePair<string, StringValues>>, ListRequest<TFilter>> Parse,
    IReadOnlyList<string> Columns,
    Func<TRecord, bool, string[]> ToCells)
    where TFilter : IListFilter;

/// <summary>
/// A list, as filtered on its page, as a CSV or Excel file. The same filters (and the user's clearance,
/// through the query filter) decide the rows; the file opens with who exported it, when, with which
/// filters and the highest classification it holds. Every export is audited.
/// </summary>
public static class ListExports
{
    /// <summary>Excel's sheet holds 1,048,576 rows; the preamble and header take a few.</summary>
    public const int MaxSpreadsheetRows = 1_048_000;

    /// <summary>Maps {Path}/export.csv and {Path}/export.xlsx for anyone who may read records; <typeparamref name="TSource"/> comes from the request's scope.</summary>
    public static IEndpointRouteBuilder MapListExport<TSource, TFilter, TRecord>(this IEndpointRouteBuilder app, ListExport<TFilter, TRecord> export)
        where TSource : IExportSource<TFilter, TRecord>
        where TFilter : IListFilter
    {
        ArgumentNullException.ThrowIfNull(export);
        app.MapGet(export.Path + "/export.csv", (HttpContext context, TSource source, ICurrentUserAccessor user, AuditTrail audit, TimeProvider clock) =>
                ExportCsvAsync(export, context, source, user, audit, clock))
            .RequireAuthorization(PortalPolicies.ReadRecords).ExcludeFromDescription();
        app.MapGet(export.Path + "/export.xlsx", (HttpContext context, TSource source, ICurrentUserAccessor user, AuditTrail audit, TimeProvider clock) =>
                ExportSpreadsheetAsync(export, context, source, user, audit, clock))
            .RequireAuthorization(PortalPolicies.ReadRecords).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ExportCsvAsync<TFilter, TRecord>(
        ListExport<TFilter, TRecord> export, HttpContext context, IExportSource<TFilter, TRecord> source, ICurrentUserAccessor user, AuditTrail audit, TimeProvider clock)
        where TFilter : IListFilter
    {
        var request = export.Parse(context.Request.Query);
        if (Unreadable(request) is { } problem)
        {
            return problem;
        }

        var cancellationToken = context.RequestAborted;
        var (preamble, _) = await PrepareAsync(export, request.Filter, source, user, audit, clock, "csv", cancellationToken);
        return Results.Stream(
            async body =>
            {
                // Rows are written into memory and sent in chunks with asynchronous writes: the response body
                // refuses synchronous ones, and a StreamWriter flushes synchronously whenever its buffer fills
                // (the file used to stop there, at about 64 KB, after a 200).
                await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024);
                using var rows = new StringWriter(CultureInfo.InvariantCulture);
                foreach (var line in preamble)
                {
                    CsvWriter.WriteRecord(rows, ["# " + line]);
                }

                CsvWriter.WriteRecord(rows, export.Columns);
                await foreach (var record in source.StreamAsync(request.Filter, cancellationToken))
                {
                    CsvWriter.WriteRecord(rows, export.ToCells(record, true));
                    if (rows.GetStringBuilder().Length >= CsvChunkSize)
                    {
                        await SendAsync(rows, writer, cancellationToken);
                    }
                }

                await SendAsync(rows, writer, cancellationToken);
                await writer.FlushAsync(cancellationToken);
            },
            "text/csv; charset=utf-8",
            FileName(export, clock, "csv"));
    }

    private static async Task<IResult> ExportSpreadsheetAsync<TFilter, TRecord>(
        ListExport<TFilter, TRecord> export, HttpContext context, IExportSource<TFilter, TRecord> source, ICurrentUserAccessor user, AuditTrail audit, TimeProvider clock)
        where TFilter : IListFilter
    {
        var request = export.Parse(context.Request.Query);
        if (Unreadable(request) is { } problem)
        {
            return problem;
        }

        var cancellationToken = context.RequestAborted;
        var (preamble, rows) = await PrepareAsync(export, request.Filter, source, user, audit, clock, "xlsx", cancellationToken);
        if (rows > MaxSpreadsheetRows)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Too many rows for a spreadsheet",
                detail: $"{rows:N0} {export.Title} match; a spreadsheet holds at most {MaxSpreadsheetRows:N0}. Narrow the filters, or export CSV.");
        }

        // The package is a zip that needs a seekable stream: built in a temporary file, then sent.
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            await WriteSpreadsheetAsync(file, export, preamble, source.StreamAsync(request.Filter, cancellationToken), cancellationToken);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }

        file.Position = 0;
        return TypedResults.File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName(export, clock, "xlsx"));
    }

    /// <summary>How much CSV text collects in memory before it is sent.</summary>
    private const int CsvChunkSize = 16 * 1024;

    private static async Task SendAsync(StringWriter rows, StreamWriter writer, CancellationToken cancellationToken)
    {
        var text = rows.GetStringBuilder();
        await writer.WriteAsync(text, cancellationToken);
        text.Clear();
    }

    /// <summary>A 400 naming each parameter that could not be read: an export is never of a filter other than the one asked for.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem? Unreadable<TFilter>(ListRequest<TFilter> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Problems.Count > 0 ? TypedResults.ValidationProblem(request.Problems, title: "The filters could not be read.") : null;
    }

    /// <summary>Counts what the export will hold, for its preamble, and records the export in the audit trail.</summary>
    private static async Task<(IReadOnlyList<string> Preamble, int Rows)> PrepareAsync<TFilter, TRecord>(
        ListExport<TFilter, TRecord> export,
        TFilter filter,
        IExportSource<TFilter, TRecord> source,
        ICurrentUserAccessor user,
        AuditTrail audit,
        TimeProvider clock,
        string format,
        CancellationToken cancellationToken)
        where TFilter : IListFilter
    {
        var counts = await source.CountByClassificationAsync(filter, cancellationToken);
        var rows = counts.Values.Sum();
        Classification? highest = counts.Count == 0 ? null : counts.Keys.Max();
        var preamble = ExportFile.Preamble(export.Title, user.Current.Name, clock.GetUtcNow().UtcDateTime, filter.Describe(), rows, highest).ToList();
        await audit.RecordAsync(AuditAction.Exported, export.AuditedAs, entityKey: null,
            new { format, rows, filters = filter.Describe(), highest = highest?.ToString() }, cancellationToken);
        return (preamble, rows);
    }

    private static async Task WriteSpreadsheetAsync<TFilter, TRecord>(
        Stream file, ListExport<TFilter, TRecord> export, IReadOnlyList<string> preamble, IAsyncEnumerable<TRecord> records, CancellationToken cancellationToken)
        where TFilter : IListFilter
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

            WriteRow(writer, export.Columns);
            await foreach (var record in records.WithCancellation(cancellationToken))
            {
                WriteRow(writer, export.ToCells(record, false));
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        var sheetName = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(export.Title);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
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

    private static string FileName<TFilter, TRecord>(ListExport<TFilter, TRecord> export, TimeProvider clock, string extension)
        where TFilter : IListFilter =>
        $"{export.Path.Trim('/').Replace('/', '-')}-{clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.{extension}";
}
