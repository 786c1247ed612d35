using System.Text;

namespace DiploPortal.Core.Common;

/// <summary>
/// Reads RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks.
/// Small on purpose: reference files and imports need exactly this and nothing more.
/// </summary>
public static class CsvReader
{
    public static IEnumerable<string[]> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var anyInRecord = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"':
                    inQuotes = true;
                    anyInRecord = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    anyInRecord = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (anyInRecord || field.Length > 0)
                    {
                        fields.Add(field.ToString());
                        yield return fields.ToArray();
                    }

                    fields.Clear();
                    field.Clear();
                    anyInRecord = false;
                    break;
                default:
                    field.Append(ch);
                    anyInRecord = true;
                    break;
            }
        }

        if (anyInRecord || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return fields.ToArray();
        }
    }

    /// <summary>Reads a file with a header row into dictionaries keyed by column name.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> ReadWithHeader(TextReader reader)
    {
        string[]? header = null;
        foreach (var record in Read(reader))
        {
            if (header is null)
            {
                header = record.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
                continue;
            }

            var row = new Dictionary<string, string>(header.Length, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = i < record.Length ? record[i] : "";
            }

            yield return row;
        }
    }
}
