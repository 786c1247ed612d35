using System.Globalization;
using System.Text;
using DiploPortal.Core.Common;
using DiploPortal.Core.Engagements;

namespace DiploPortal.Core.Exercises.History;

/// <summary>A nation's part in an imported exercise: its Nation.Code and role.</summary>
public sealed record MmeParticipant(string Code, ExerciseRole Role);

/// <summary>One row of the data set as the portal will hold it.</summary>
public sealed record MmeExercise(
    int Row, string SourceKey, string Name, string? SeriesName, string? Location,
    DateOnly StartsOn, DatePrecision StartsOnPrecision, DateOnly EndsOn, DatePrecision EndsOnPrecision,
    ExerciseKind Kind, string HostCode, IReadOnlyList<MmeParticipant> Participants, string? Alliance, string? Objectives, string? Scenario);

/// <summary>
/// The data set read: the exercises, the notes (quirks handled, each with its row: the row was imported as
/// the note says) and the problems (a participant name missing from the mapping file, a mapping to a nation
/// the portal does not have, an unreadable row). With any problem nothing is imported. Rows are numbered as
/// a spreadsheet numbers them (the header is row 1).
/// </summary>
public sealed record MmeReading(int Rows, IReadOnlyList<MmeExercise> Exercises, IReadOnlyList<ImportProblem> Notes, IReadOnlyList<ImportProblem> Problems, int Skipped);

/// <summary>
/// Turns rows of the Multinational Military Exercises data set into exercises, by plain rules (no database):
/// <list type="bullet">
/// <item>Dates: a day written <c>xx</c> is not known: the date has precision Month and is stored as the
/// month's first day (a start) or last day (an end), never shown as a day (ADR 0007). An end before its start
/// is taken as the start's own period, and said.</item>
/// <item>Participants: each name through the reviewed mapping file (<see cref="MmeMapping"/>); former states by
/// the exercise's start (Russia before 26 Dec 1991 is the Soviet Union); an organisation becomes the exercise's
/// lead alliance (never its members); <c>-9</c> (missing) and other unmappable names are noted; a name missing
/// from the mapping file is a problem.</item>
/// <item>Host: the data set has no host column. The host is the nation named by the location ("Izmir, Turkey")
/// with role Host when it also takes part; else, with no such nation, the first participant named (the data set
/// lists them alphabetically, so this is a stand-in the report says, and every nation keeps role Participant);
/// else the location's nation alone. A row that names no nation anywhere cannot be an exercise (the portal
/// requires a host): it is skipped and said.</item>
/// <item>Kind: one primary kind from the 0/1 flags, the most specific first: Humanitarian, Peacekeeping,
/// Amphibious, Cyber, CPX (command post), Sea (naval), Air, Land (field); no flag: Field. All flags are kept
/// in the scenario text.</item>
/// <item>Series: spellings of one series are folded by the reviewed list; a missing name (<c>-9</c>) becomes
/// "Unnamed exercise (MMEID …)".</item>
/// <item>Identifiers used twice: each row is its own exercise; the second gets the source key <c>mme:ID#2</c>.</item>
/// </list>
/// </summary>
public static class MmeReader
{
    /// <summary>The data set's code for a missing value.</summary>
    public const string Missing = "-9";

    private static readonly (string Column, string Words)[] Flags =
    [
        ("CPX", "command post"), ("Air", "air"), ("Land", "land"), ("Sea", "sea"), ("Amphibious", "amphibious"),
        ("Cyber", "cyber"), ("Warfighting", "warfighting"), ("Peacekeeping", "peacekeeping"), ("Humanitarian", "humanitarian"),
    ];

    /// <summary>The primary kind, the most specific flag first.</summary>
    private static readonly (string Column, ExerciseKind Kind)[] KindOrder =
    [
        ("Humanitarian", ExerciseKind.Humanitarian), ("Peacekeeping", ExerciseKind.Peacekeeping), ("Amphibious", ExerciseKind.Amphibious),
        ("Cyber", ExerciseKind.Cyber), ("CPX", ExerciseKind.CommandPost), ("Sea", ExerciseKind.Naval), ("Air", ExerciseKind.Air),
        ("Land", ExerciseKind.Field),
    ];

    private static readonly string[] Required = ["MMEID", "Ex_Name", "Series_Name", "Location", "s.year", "s.month", "s.day", "e.year", "e.month", "e.day", "FocusDescription", "AdditionalParticipantInfo"];

    /// <param name="reader">The CSV file.</param>
    /// <param name="mapping">The reviewed names.</param>
    /// <param name="nationCodes">The codes of the nations the portal has.</param>
    /// <param name="allianceAcronyms">The acronyms of the alliances the portal has.</param>
    /// <param name="nationNames">Lower-case nation names (the portal's common and official names) to their codes, for finding the location's nation.</param>
    public static MmeReading Read(
        TextReader reader, MmeMapping mapping, IReadOnlySet<string> nationCodes, IReadOnlySet<string> allianceAcronyms, IReadOnlyDictionary<string, string> nationNames)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(nationCodes);
        ArgumentNullException.ThrowIfNull(allianceAcronyms);
        ArgumentNullException.ThrowIfNull(nationNames);
        var exercises = new List<MmeExercise>();
        var notes = new List<ImportProblem>();
        var problems = new List<ImportProblem>();
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var skipped = 0;
        string[]? header = null;
        Dictionary<string, int> columns = [];
        string[] stateColumns = [];
        var row = 0;
        foreach (var record in CsvReader.Read(reader))
        {
            row++;
            if (header is null)
            {
                header = [.. record.Select(h => h.Trim().TrimStart('\uFEFF'))];
                columns = header.Select((h, i) => (h, i)).ToDictionary(c => c.h, c => c.i, StringComparer.Ordinal);
                foreach (var missing in Required.Where(c => !columns.ContainsKey(c)))
                {
                    problems.Add(new ImportProblem(row, missing, "This column is required."));
                }

                stateColumns = [.. header.Where(h => h.StartsWith("State", StringComparison.Ordinal))];
                if (problems.Count > 0)
                {
                    break;
                }

                continue;
            }

            if (record.Length != header.Length)
            {
                problems.Add(new ImportProblem(row, "", $"The row has {record.Length} fields; the header has {header.Length}."));
                continue;
            }

            string Cell(string column) => columns.TryGetValue(column, out var i) ? record[i].Trim() : "";
            void Note(string column, string text) => notes.Add(new ImportProblem(row, column, text));

            if (record.Any(f => f.Contains('\0', StringComparison.Ordinal)))
            {
                problems.Add(new ImportProblem(row, "", "The row holds a NUL character."));
                continue;
            }

            var mmeId = Cell("MMEID");
            if (mmeId.Length == 0 || mmeId == Missing)
            {
                problems.Add(new ImportProblem(row, "MMEID", "The row has no identifier."));
                continue;
            }

            var occurrence = occurrences[mmeId] = occurrences.GetValueOrDefault(mmeId) + 1;
            var sourceKey = MmeSource.KeyOf(mmeId, occurrence);
            if (occurrence == 1)
            {
                firstRowOf[mmeId] = row;
            }
            else
            {
                Note("MMEID", $"The identifier {mmeId} is used again (first on row {firstRowOf[mmeId]}) for another exercise: imported as its own exercise with source key {sourceKey}.");
            }

            var dates = ReadDates(Cell, Note, row, problems);
            if (dates is null)
            {
                continue;
            }

            var (startsOn, startPrecision, endsOn, endPrecision) = dates.Value;
            var series = mapping.Series(Cell("Series_Name"));
            if (series is not null && series != Cell("Series_Name"))
            {
                Note("Series_Name", $"Series '{Cell("Series_Name")}' recorded as '{series}' (reviewed spellings, mme-series.tsv).");
            }

            var name = Cell("Ex_Name");
            if (name.Length == 0 || name == Missing)
            {
                name = $"Unnamed exercise (MMEID {mmeId})";
            }

            name = Bounded(name, ExerciseForm.NameMaxLength, "Ex_Name", Note);
            var location = Cell("Location") is { Length: > 0 } l && l != Missing ? l : null;
            var fullLocation = location;
            if (location is { Length: > ExerciseForm.LocationMaxLength })
            {
                location = string.Concat(location.AsSpan(0, ExerciseForm.LocationMaxLength - 1), "…");
                Note("Location", $"The location is longer than {ExerciseForm.LocationMaxLength} characters: shortened; the whole text is kept in the scenario.");
            }
            else
            {
                fullLocation = null;
            }

            // Participants, in the data set's order, mapped by the reviewed file.
            var nations = new List<string>();
            string? alliance = null;
            var missingNames = 0;
            var rowProblems = false;
            foreach (var column in stateColumns)
            {
                var text = Cell(column);
                if (text.Length == 0)
                {
                    continue;
                }

                var mapped = mapping.Find(text);
                if (mapped is null)
                {
                    problems.Add(new ImportProblem(row, column, $"'{text}' is not in the mapping file ({MmeMapping.ParticipantsFile}): add it, mapped to a nation, an alliance or -."));
                    rowProblems = true;
                    continue;
                }

                switch (mapped.Kind)
                {
                    case MmeNameKind.Unmappable when text == Missing:
                        missingNames++;
                        break;
                    case MmeNameKind.Unmappable:
                        Note(column, $"Participant '{text}' cannot be mapped ({mapped.Note}): not recorded.");
                        break;
                    case MmeNameKind.Alliance when !allianceAcronyms.Contains(mapped.Code!):
                        problems.Add(new ImportProblem(row, column, $"'{text}' maps to alliance {mapped.Code}, which the portal does not have."));
                        rowProblems = true;
                        break;
                    case MmeNameKind.Alliance when alliance is null:
                        alliance = mapped.Code;
                        break;
                    case MmeNameKind.Alliance:
                        Note(column, $"A second organisation '{text}': only the first ({alliance}) is recorded as the exercise's alliance.");
                        break;
                    default:
                        var code = mapped.CodeOn(startsOn)!;
                        if (!nationCodes.Contains(code))
                        {
                            problems.Add(new ImportProblem(row, column, $"'{text}' maps to nation {code}, which the portal does not have."));
                            rowProblems = true;
                        }
                        else if (nations.Contains(code, StringComparer.Ordinal))
                        {
                            Note(column, $"Participant '{text}' ({code}) is named twice: recorded once.");
                        }
                        else
                        {
                            if (code != mapped.Code)
                            {
                                Note(column, $"Participant '{text}' recorded as {code} for an exercise before {mapped.EarlierUntil:yyyy-MM-dd} ({mapped.Note}).");
                            }

                            nations.Add(code);
                        }

                        break;
                }
            }

            if (missingNames > 0)
            {
                Note("StateA", missingNames == 1 ? "One participant is missing (-9): not recorded." : $"{missingNames} participants are missing (-9): not recorded.");
            }

            if (rowProblems)
            {
                continue;
            }

            var locationNation = LocationNation(location ?? "", startsOn, mapping, nationCodes, nationNames);
            string host;
            var hostTakesPart = false;
            if (locationNation is not null && nations.Contains(locationNation, StringComparer.Ordinal))
            {
                host = locationNation;
                hostTakesPart = true;
            }
            else if (nations.Count > 0)
            {
                host = nations[0];
                Note("Location", $"No participant is named by the location{(location is null ? "" : $" '{location}'")}: host taken as the first participant ({host}), every nation's role Participant.");
            }
            else if (locationNation is not null)
            {
                host = locationNation;
                Note("Location", $"No participant nation is named: host taken as the location's nation ({host}).");
            }
            else
            {
                skipped++;
                Note("", $"Not imported: the row names no nation (no participant and no country in the location{(location is null ? "" : $" '{location}'")}), and an exercise needs a host nation.");
                continue;
            }

            var participants = nations
                .Select(n => new MmeParticipant(n, hostTakesPart && n == host ? ExerciseRole.Host : ExerciseRole.Participant))
                .ToList();
            var flags = Flags.Where(f => columns.TryGetValue(f.Column, out var i) && record[i].Trim() == "1").ToList();
            var kind = KindOrder.FirstOrDefault(k => flags.Any(f => f.Column == k.Column)) is { Column: not null } primary ? primary.Kind : ExerciseKind.Field;
            var objectives = Cell("FocusDescription") is { Length: > 0 } focus && focus != Missing ? Bounded(focus, ExerciseForm.TextMaxLength, "FocusDescription", Note) : null;
            var scenario = new StringBuilder();
            scenario.Append(flags.Count == 0 ? "No kind of exercise is marked in the data set." : $"Marked in the data set as: {string.Join(", ", flags.Select(f => f.Words))}.");
            if (Cell("AdditionalParticipantInfo") is { Length: > 0 } info && info != Missing)
            {
                scenario.Append(CultureInfo.InvariantCulture, $"\nParticipants, as the data set describes them: {info}");
            }

            if (fullLocation is not null)
            {
                scenario.Append(CultureInfo.InvariantCulture, $"\nLocation, in full: {fullLocation}");
            }

            exercises.Add(new MmeExercise(
                row, sourceKey, name, series, location, startsOn, startPrecision, endsOn, endPrecision, kind, host, participants, alliance, objectives,
                Bounded(scenario.ToString(), ExerciseForm.TextMaxLength, "AdditionalParticipantInfo", Note)));
        }

        if (header is null)
        {
            problems.Add(new ImportProblem(1, "", "The file is empty."));
        }

        return new MmeReading(row <= 1 ? 0 : row - 1, exercises, notes, problems, skipped);
    }

    private static string Bounded(string text, int max, string column, Action<string, string> note)
    {
        if (text.Length <= max)
        {
            return text;
        }

        note(column, $"The text is longer than {max} characters: shortened.");
        return string.Concat(text.AsSpan(0, max - 1), "…");
    }

    /// <summary>The start and end, each with its precision; null (and a problem) when a year or month cannot be read.</summary>
    private static (DateOnly, DatePrecision, DateOnly, DatePrecision)? ReadDates(Func<string, string> cell, Action<string, string> note, int row, List<ImportProblem> problems)
    {
        (int Year, int Month, int Day, DatePrecision Precision)? Part(string prefix, string column)
        {
            if (!int.TryParse(cell(prefix + ".year"), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2100)
            {
                problems.Add(new ImportProblem(row, prefix + ".year", $"'{cell(prefix + ".year")}' is not a year."));
                return null;
            }

            if (!int.TryParse(cell(prefix + ".month"), NumberStyles.None, CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12)
            {
                note(column, $"The month of {cell(column)} is not known: the date is kept to the year.");
                return (year, 1, 1, DatePrecision.Year);
            }

            var dayText = cell(prefix + ".day");
            if (dayText == "xx" || dayText.Length == 0)
            {
                return (year, month, 1, DatePrecision.Month);
            }

            if (!int.TryParse(dayText, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                note(column, $"The day '{dayText}' does not exist in {year}-{month:00}: the date is kept to the month.");
                return (year, month, 1, DatePrecision.Month);
            }

            return (year, month, day, DatePrecision.Day);
        }

        static string Written((int Year, int Month, int Day, DatePrecision Precision) date) => date.Precision switch
        {
            DatePrecision.Day => string.Create(CultureInfo.InvariantCulture, $"{date.Year}-{date.Month:00}-{date.Day:00}"),
            DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{date.Year}-{date.Month:00}-xx"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{date.Year}"),
        };

        var start = Part("s", "StartDate");
        var end = Part("e", "EndDate");
        if (start is not { } s || end is not { } e)
        {
            return null;
        }

        var startsOn = DatePrecisions.StartOf(s.Year, s.Month, s.Day, s.Precision);
        var endsOn = DatePrecisions.EndOf(e.Year, e.Month, e.Day, e.Precision);
        var endPrecision = e.Precision;
        if (endsOn < startsOn)
        {
            note("EndDate", $"The end ({Written(e)}) is before the start ({Written(s)}): the end is taken as the start's own {(s.Precision == DatePrecision.Day ? "day" : "period")}.");
            endsOn = DatePrecisions.EndOf(s.Year, s.Month, s.Day, s.Precision);
            endPrecision = s.Precision;
        }

        return (startsOn, s.Precision, endsOn, endPrecision);
    }

    /// <summary>
    /// The nation a location names: one of its comma- or semicolon-separated parts is a participant name of
    /// the mapping file (mapped by the exercise's start) or a nation's name. Null when none is.
    /// </summary>
    private static string? LocationNation(string location, DateOnly startsOn, MmeMapping mapping, IReadOnlySet<string> nationCodes, IReadOnlyDictionary<string, string> nationNames)
    {
        foreach (var part in location.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var text = part.TrimEnd('.');
            if (mapping.Find(text) is { Kind: MmeNameKind.Nation } named && named.CodeOn(startsOn) is { } code && nationCodes.Contains(code))
            {
                return code;
            }

            if (nationNames.TryGetValue(text.ToLowerInvariant(), out var byName))
            {
                return byName;
            }
        }

        return null;
    }
}
