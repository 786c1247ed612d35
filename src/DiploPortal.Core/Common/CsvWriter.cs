namespace DiploPortal.Core.Common;

/// <summary>Writes RFC 4180 CSV that <see cref="CsvReader"/> reads back field for field.</summary>
public static class CsvWriter
{
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    public static void WriteRecord(TextWriter writer, IEnumerable<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(fields);
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                writer.Write(',');
            }

            first = false;
            var value = field ?? "";
            if (value.AsSpan().IndexOfAny(NeedsQuotes) >= 0 || value.StartsWith(' ') || value.EndsWith(' '))
            {
                writer.Write('"');
                writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else
            {
                writer.Write(value);
            }
        }

        writer.Write("\r\n");
    }
}
