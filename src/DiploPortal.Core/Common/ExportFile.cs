using System.Globalization;

namespace DiploPortal.Core.Common;

/// <summary>
/// What every list export has in common: the lines that open it (what it is, who made it and when,
/// with which filters, and the highest classification it holds), and text cells made safe for CSV.
/// </summary>
public static class ExportFile
{
    public const string DayFormat = "yyyy-MM-dd";

    /// <summary>The lines that open an export of <paramref name="title"/> ("engagements").</summary>
    public static IEnumerable<string> Preamble(string title, string userName, DateTime exportedAt, IReadOnlyList<string> filters, int rows, Classification? highest)
    {
        yield return $"DiploPortal {title} export";
        yield return $"Exported by {userName} at {exportedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC";
        yield return filters.Count == 0 ? "Filters: none" : "Filters: " + string.Join("; ", filters);
        yield return $"Rows: {rows.ToString(CultureInfo.InvariantCulture)}";
        yield return highest is { } level ? $"Highest classification in this file: {level.ToString().ToUpperInvariant()}" : "Highest classification in this file: none (no rows)";
    }

    /// <summary>
    /// A spreadsheet runs a cell that starts with =, +, - or @ as a formula; such text is written with a
    /// leading apostrophe (which spreadsheets hide) and <see cref="Unprotect"/> removes it on import.
    /// </summary>
    public static string Protect(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\'' ? "'" + text : text ?? "";

    public static string Unprotect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' or '\'' ? text[1..] : text;
    }

    /// <summary>The text of a cell: protected in CSV, as it is in a spreadsheet file (whose cells are all plain text).</summary>
    public static Func<string?, string> TextCell(bool forCsv) => forCsv ? Protect : value => value ?? "";

    /// <summary>A day: ISO text in CSV, a date cell in a spreadsheet.</summary>
    public static ExportCell Day(DateOnly day) => new(ExportCellKind.Day, day.ToString(DayFormat, CultureInfo.InvariantCulture), 0, day);

    /// <summary>A day, or an empty cell when there is none.</summary>
    public static ExportCell Day(DateOnly? day) => day is { } d ? Day(d) : ExportCell.Empty;

    /// <summary>A whole number: plain text in CSV, a number cell in a spreadsheet.</summary>
    public static ExportCell Number(int value) => new(ExportCellKind.Number, value.ToString(CultureInfo.InvariantCulture), value, default);

    /// <summary>A quantity with up to two decimals: a number cell in a spreadsheet.</summary>
    public static ExportCell Number(decimal value) => new(ExportCellKind.Number, value.ToString("0.##", CultureInfo.InvariantCulture), value, default);
}

/// <summary>What a cell of an export holds: text, a number or a day.</summary>
public enum ExportCellKind
{
    Text,
    Number,
    Day,
}

/// <summary>
/// One cell of an export, typed so that a spreadsheet gets numbers as numbers and days as dates,
/// while CSV writes <see cref="Text"/> (the same text in every format: ISO days, invariant numbers).
/// Text converts to a text cell, so a record's cells read as a plain list.
/// </summary>
public readonly record struct ExportCell(ExportCellKind Kind, string Text, decimal Number, DateOnly Day)
{
    public static ExportCell Empty { get; } = new(ExportCellKind.Text, "", 0, default);

    public static implicit operator ExportCell(string? text) => FromString(text);

    public static ExportCell FromString(string? text) => new(ExportCellKind.Text, text ?? "", 0, default);

    public override string ToString() => Text;
}

/// <summary>Where an export's rows come from: the list's filter, applied for the user of the scope.</summary>
public interface IExportSource<in TFilter, out TRecord>
{
    /// <summary>How many records the filter selects at each classification, for the export's opening lines.</summary>
    Task<IReadOnlyDictionary<Classification, int>> CountByClassificationAsync(TFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Every record the filter selects, in its order, streamed.</summary>
    IAsyncEnumerable<TRecord> StreamAsync(TFilter filter, CancellationToken cancellationToken = default);
}
