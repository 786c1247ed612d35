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

    public static string Day(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    public static string Day(DateOnly? day) => day is { } d ? Day(d) : "";

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Where an export's rows come from: the list's filter, applied for the user of the scope.</summary>
public interface IExportSource<in TFilter, out TRecord>
{
    /// <summary>How many records the filter selects at each classification, for the export's opening lines.</summary>
    Task<IReadOnlyDictionary<Classification, int>> CountByClassificationAsync(TFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Every record the filter selects, in its order, streamed.</summary>
    IAsyncEnumerable<TRecord> StreamAsync(TFilter filter, CancellationToken cancellationToken = default);
}
