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

    public static ExportedFile FromSpreadsheet(byte[] file)
    {
        using var stream = new MemoryStream(file);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToArray()).ToList();
        var header = rows.FindIndex(r => r[0] == "id");
        return new(rows.Take(header).Select(r => r[0]).ToList(), rows[header], rows.Skip(header + 1).ToList());
    }

    /// <summary>The column of every row named <paramref name="column"/> in the header.</summary>
    public IEnumerable<string> Column(string column)
    {
        var index = Header.ToList().IndexOf(column);
        return Rows.Select(r => r[index]);
    }
}
