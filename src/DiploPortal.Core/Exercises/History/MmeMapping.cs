using System.Globalization;

namespace DiploPortal.Core.Exercises.History;

public enum MmeNameKind
{
    /// <summary>A nation (<see cref="MmeName.Code"/> is its Nation.Code).</summary>
    Nation,

    /// <summary>An organisation, recorded as the alliance involved and never expanded into its members.</summary>
    Alliance,

    /// <summary>Not mappable: reported on every row that names it.</summary>
    Unmappable,
}

/// <summary>
/// One reviewed line of the mapping file: what a participant name means. A name whose meaning changed
/// (Russia for the Soviet Union before 26 December 1991) names <see cref="EarlierCode"/> before <see cref="EarlierUntil"/>.
/// </summary>
public sealed record MmeName(string Name, MmeNameKind Kind, string? Code, string? EarlierCode, DateOnly? EarlierUntil, string Note)
{
    /// <summary>The nation or alliance the name means for an exercise starting on <paramref name="startsOn"/>.</summary>
    public string? CodeOn(DateOnly startsOn) =>
        EarlierCode is not null && EarlierUntil is { } until && startsOn < until ? EarlierCode : Code;
}

/// <summary>
/// A reviewed mapping of names (mme-participants.tsv: participant names to nations and alliances; mme-series.tsv:
/// spellings of one series to the one the portal keeps). Lines starting with # are comments; the first other
/// line is the header.
/// </summary>
public sealed class MmeMapping
{
    public const string ParticipantsFile = "mme-participants.tsv";

    public const string SeriesFile = "mme-series.tsv";

    private readonly Dictionary<string, MmeName> _names;
    private readonly Dictionary<string, string> _series;

    public MmeMapping(IEnumerable<MmeName> names, IReadOnlyDictionary<string, string> series)
    {
        _names = names.ToDictionary(n => n.Name, StringComparer.Ordinal);
        _series = new Dictionary<string, string>(series, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<MmeName> Names => _names.Values;

    public IReadOnlyDictionary<string, string> SeriesSpellings => _series;

    /// <summary>The mapping files shipped in this assembly.</summary>
    public static MmeMapping Shipped()
    {
        using var participants = new StreamReader(MmeSource.Open(ParticipantsFile));
        using var series = new StreamReader(MmeSource.Open(SeriesFile));
        return new MmeMapping(ReadNames(participants), ReadSeries(series));
    }

    public MmeName? Find(string name) => _names.GetValueOrDefault(name);

    /// <summary>The series as the portal keeps it: the reviewed spelling, else the data set's trimmed; null for none.</summary>
    public string? Series(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed == MmeReader.Missing)
        {
            return null;
        }

        return _series.GetValueOrDefault(trimmed, trimmed);
    }

    public static List<MmeName> ReadNames(TextReader reader)
    {
        var names = new List<MmeName>();
        foreach (var (line, fields) in Lines(reader, 5))
        {
            var (kind, code) = fields[1] switch
            {
                "-" => (MmeNameKind.Unmappable, (string?)null),
                var a when a.StartsWith("alliance:", StringComparison.Ordinal) => (MmeNameKind.Alliance, a["alliance:".Length..]),
                var n when n.Length > 0 => (MmeNameKind.Nation, n),
                _ => throw new FormatException($"{ParticipantsFile}, line {line}: maps_to is empty (use - for a name that cannot be mapped)."),
            };
            var earlierUntil = fields[3].Length == 0 ? (DateOnly?)null
                : DateOnly.ParseExact(fields[3], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if ((fields[2].Length == 0) != (earlierUntil is null))
            {
                throw new FormatException($"{ParticipantsFile}, line {line}: earlier_code and earlier_until go together.");
            }

            names.Add(new MmeName(fields[0], kind, code, fields[2].Length == 0 ? null : fields[2], earlierUntil, fields[4]));
        }

        return names;
    }

    public static Dictionary<string, string> ReadSeries(TextReader reader) =>
        Lines(reader, 2).ToDictionary(l => l.Fields[0], l => l.Fields[1], StringComparer.Ordinal);

    /// <summary>The data lines (after comments and the header), each with its line number and exactly <paramref name="columns"/> fields.</summary>
    private static IEnumerable<(int Line, string[] Fields)> Lines(TextReader reader, int columns)
    {
        var number = 0;
        var header = false;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!header)
            {
                header = true;
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != columns)
            {
                throw new FormatException($"Mapping file line {number}: {fields.Length} fields, expected {columns}.");
            }

            yield return (number, fields);
        }
    }
}
