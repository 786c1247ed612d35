using System.Globalization;
using DiploPortal.Web.Tests.Accounts;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DiploPortal.Web.Tests.Lists;

/// <summary>
/// An Excel export is a table a filter or a pivot table works on without clean-up: the header in row 1,
/// frozen and filtered, ids and counts as number cells, days as date cells, and the notes (who, when,
/// filters, marking) on a second sheet. Read with the Open XML SDK, independent of the writer.
/// </summary>
public class SpreadsheetExportLayout(DemoDataPortal portal) : IClassFixture<DemoDataPortal>
{
    [Fact]
    public async Task PutsTheHeaderInRowOneFrozenAndFilteredWithTypedCellsAndTheNotesOnASecondSheet()
    {
        using var client = portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await AccountsPortal.SignInAsync(client, "staff");

        var bytes = await client.GetByteArrayAsync(new Uri("/exercises/export.xlsx?sort=NameAscending", UriKind.Relative));

        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Exercises", "Notes"], sheets);

        var rows = ExportedFile.SheetRows(document, 0);
        var header = rows[0].Select(c => c.InnerText).ToList();
        Assert.Equal("id", header[0]);
        var first = rows[1];
        var id = first[header.IndexOf("id")];
        var startsOn = first[header.IndexOf("starts_on")];
        var personnel = first[header.IndexOf("personnel")];
        var name = first[header.IndexOf("name")];
        Assert.True(id.DataType is null || id.DataType.Value == CellValues.Number, "the id is a number cell");
        Assert.True(int.Parse(id.CellValue!.Text, CultureInfo.InvariantCulture) > 0);
        Assert.True(personnel.DataType is null || personnel.DataType.Value == CellValues.Number, "the personnel count is a number cell");
        Assert.True(ExportedFile.IsDate(document, startsOn), "the start day is a date cell");
        Assert.InRange(DateTime.FromOADate(double.Parse(startsOn.CellValue!.Text, CultureInfo.InvariantCulture)).Year, 1990, 2100);
        Assert.NotNull(name.DataType);
        Assert.NotEqual(CellValues.Number, name.DataType!.Value);

        var worksheet = ((WorksheetPart)document.WorkbookPart.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!.Value!)).Worksheet;
        var pane = worksheet.Descendants<Pane>().Single();
        Assert.Equal(1.0, pane.VerticalSplit!.Value);
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.StartsWith("A1:", worksheet.Descendants<AutoFilter>().Single().Reference!.Value, StringComparison.Ordinal);

        var notes = ExportedFile.SheetRows(document, 1).Select(r => r[0].InnerText).ToList();
        Assert.Contains(notes, n => n.StartsWith("Exported by staff at ", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.StartsWith("Filters: ", StringComparison.Ordinal) && n.Contains("sort", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(notes, n => n.StartsWith("Highest classification in this file: ", StringComparison.Ordinal));
        Assert.DoesNotContain(rows.Skip(1), r => r[0].InnerText.StartsWith('#'));
    }
}
