using System.Globalization;
using System.Text;
using DiploPortal.Core.Audit;
using DiploPortal.Core.Common;
using DiploPortal.Core.Security;
using DiploPortal.Web.Accounts;
using Microsoft.Extensions.Primitives;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace DiploPortal.Web.Lists;

/// <summary>How a list is exported: where, under which name, how its address is read and how a record becomes cells.</summary>
/// <param name="Path">The list's path ("/engagements"); the exports answer at {Path}/export.csv and {Path}/export.xlsx.</param>
/// <param name="Title">What the file holds, in words ("engagements"): its first line, file name and sheet name.</param>
/// <param name="AuditedAs">The entity name the audit entry names.</param>
/// <param name="Parse">Reads the list's filter from the request's query string, as the list page does.</param>
/// <param name="Columns">The header row.</param>
/// <param name="ToCells">A record's typed cells, text protected for CSV when the flag says so (see <see cref="ExportFile.Protect"/>).</param>
public sealed record ListExport<TFilter, TRecord>(
    string Path,
    string Title,
    string AuditedAs,
    Func<IEnumerable<KeyValuePair<string, StringValues>>, ListRequest<TFilter>> Parse,
    IReadOnlyList<string> Columns,
    Func<TRecord, bool, ExportCell[]> ToCells)
    where TFilter : IListFilter;

/// <summary>
/// A list, as filtered on its page, as a CSV or Excel file. The same filters (and the user's clearance,
/// through the query filter) decide the rows; the file says who exported it, when, with which filters
/// and the highest classification it holds: CSV in '#' lines above the header (the import skips them),
/// Excel on a second sheet, "Notes", so that the first sheet is a clean table (header in row 1, frozen,
/// with a filter; ids and counts as numbers, days as dates). Every export is audited.
/// </summary>
public static class ListExports
{
    /// <summary>Excel's sheet holds 1,048,576 rows; the header takes one.</summary>
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
                    CsvWriter.WriteRecord(rows, export.ToCells(record, true).Select(c => c.Text));
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

        // Built in a temporary file, then sent: the response body refuses synchronous writes, and the
        // file's length is known before the first byte goes out.
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            await WriteSpreadsheetAsync(file, export, preamble, rows, source.StreamAsync(request.Filter, cancellationToken), cancellationToken);
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
        Stream file, ListExport<TFilter, TRecord> export, IReadOnlyList<string> preamble, int rows, IAsyncEnumerable<TRecord> records, CancellationToken cancellationToken)
        where TFilter : IListFilter
    {
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(
            file, new SpreadCheetahOptions { DefaultDateTimeFormat = NumberFormat.Custom(SpreadsheetDayFormat) }, cancellationToken);
        var lastColumn = SpreadsheetUtility.GetColumnName(export.Columns.Count);
        var table = new WorksheetOptions
        {
            FrozenRows = 1,
            AutoFilter = new AutoFilterOptions(string.Create(CultureInfo.InvariantCulture, $"A1:{lastColumn}{Math.Max(rows, 0) + 1}")),
        };
        await spreadsheet.StartWorksheetAsync(CultureInfo.InvariantCulture.TextInfo.ToTitleCase(export.Title), table, cancellationToken);
        var bold = spreadsheet.AddStyle(new Style { Font = { Bold = true } });
        await spreadsheet.AddHeaderRowAsync([.. export.Columns], bold, cancellationToken);
        var row = new Cell[export.Columns.Count];
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            var cells = export.ToCells(record, false);
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = SpreadsheetCell(cells[i]);
            }

            await spreadsheet.AddRowAsync(row, cancellationToken);
        }

        await spreadsheet.StartWorksheetAsync(NotesSheet, null, cancellationToken);
        foreach (var line in preamble)
        {
            await spreadsheet.AddRowAsync([new Cell(line)], cancellationToken);
        }

        await spreadsheet.FinishAsync(cancellationToken);
    }

    /// <summary>The second sheet of a spreadsheet export: who exported it, when, with which filters, and its marking.</summary>
    public const string NotesSheet = "Notes";

    /// <summary>Days show as ISO dates whatever the reader's locale, like the CSV and the import.</summary>
    private const string SpreadsheetDayFormat = "yyyy-mm-dd";

    // Text stays an inline string cell: nothing in the file is a formula a spreadsheet could run.
    private static Cell SpreadsheetCell(ExportCell cell) => cell.Kind switch
    {
        ExportCellKind.Number => new Cell(cell.Number),
        ExportCellKind.Day => new Cell(cell.Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified)),
        _ => new Cell(cell.Text),
    };

    private static string FileName<TFilter, TRecord>(ListExport<TFilter, TRecord> export, TimeProvider clock, string extension)
        where TFilter : IListFilter =>
        $"{export.Path.Trim('/').Replace('/', '-')}-{clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.{extension}";
}
