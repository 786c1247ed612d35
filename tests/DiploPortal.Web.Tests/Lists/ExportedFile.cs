using System.Globalization;
using DiploPortal.Core.Common;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DiploPortal.Web.Tests.Lists;

/// <summary>A list export read back: its opening lines, its header and its rows, from CSV or from a spreadsheet.</summary>
public sealed record ExportedFile(IReadOnlyList<string> Preamble, IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows)
{
    public static ExportedFile FromCsv(string text)
    {
        var records = CsvReader.Read(new StringReader(text)).ToList();
        var preamble = records.TakeWhile(r => r[0].StartsWith('#')).Select(r => r[0][2..]).ToList();
        return new(preamble, records[preamble.Count], records.Skip(preamble.Count + 1).ToList());
    }

    /// <summary>
    /// A spreadsheet read with the Open XML SDK (a reader independent of the writer): the first sheet's
    /// rows as the CSV would write them (numbers in invariant form, date cells as yyyy-MM-dd), the
    /// second sheet's lines as the preamble.
    /// </summary>
    public static ExportedFile FromSpreadsheet(byte[] file)
    {
        using var stream = new MemoryStream(file);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var rows = SheetRows(document, 0).Select(r => r.Select(c => CellText(document, c)).ToArray()).ToList();
        var notes = SheetRows(document, 1).Select(r => r[0].InnerText).ToList();
        return new(notes, rows[0], rows.Skip(1).ToList());
    }

    /// <summary>The cells of each row of the workbook's sheet at <paramref name="index"/> (in the order of the workbook's sheet list).</summary>
    public static List<Cell[]> SheetRows(SpreadsheetDocument document, int index)
    {
        ArgumentNullException.ThrowIfNull(document);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().ElementAt(index);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        return part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToArray()).ToList();
    }

    /// <summary>Whether a cell is a number shown with a date format (how a spreadsheet holds a date).</summary>
    public static bool IsDate(SpreadsheetDocument document, Cell cell)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.DataType is not null || cell.StyleIndex is null)
        {
            return false;
        }

        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex.Value);
        var id = format.NumberFormatId?.Value ?? 0;
        var custom = styles.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(n => n.NumberFormatId?.Value == id)?.FormatCode?.Value;
        return id is >= 14 and <= 17 || (custom is not null && custom.Contains("yy", StringComparison.OrdinalIgnoreCase));
    }

    private static string CellText(SpreadsheetDocument document, Cell cell) =>
        IsDate(document, cell)
            ? DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : cell.InnerText;

    /// <summary>The column of every row named <paramref name="column"/> in the header.</summary>
    public IEnumerable<string> Column(string column)
    {
        var index = Header.ToList().IndexOf(column);
        return Rows.Select(r => r[index]);
    }
}
