using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DiploPortal.Core.Audit;
using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using DiploPortal.Core.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DiploPortal.Core.Engagements;

/// <summary>One thing wrong with an import file: the row (as a spreadsheet numbers it), the column and why.</summary>
public sealed record ImportProblem(int Row, string Column, string Reason);

/// <summary>How far an import has come: checking rows, then writing them.</summary>
public sealed record ImportProgress(ImportStage Stage, int Done, int Total);

public enum ImportStage
{
    Checking,
    Writing,
    Done,
}

/// <summary>
/// What an import did: with any problem, nothing was written; the problems are listed up to
/// <see cref="EngagementImport.MaxProblemsListed"/>, <see cref="ProblemCount"/> counts them all.
/// </summary>
public sealed record ImportReport(int Rows, int Imported, IReadOnlyList<ImportProblem> Problems, int ProblemCount, int Skipped = 0, int? ImportId = null, int Updated = 0)
{
    public bool Succeeded => ProblemCount == 0;
}

/// <summary>What an import does with a row that matches an engagement already in the portal (see <see cref="EngagementImport"/>).</summary>
public enum DuplicateRows
{
    /// <summary>Leave the row out; the other rows are imported.</summary>
    Skip,

    /// <summary>Import nothing and list the matching rows as problems.</summary>
    Refuse,

    /// <summary>
    /// Update each engagement whose details differ from its row, as an edit by hand would (the rows were
    /// checked by the editor's rules; a row that would downgrade the marking is refused, since an import
    /// gives no reason); rows holding the same details are left out.
    /// </summary>
    Update,
}

/// <summary>
/// How an import treats rows already in the portal. <see cref="PreviewVersions"/>: each matched engagement's
/// row version as the preview saw it (<see cref="ImportPreview.Versions"/>); an engagement changed since is
/// refused, as a stale edit is.
/// </summary>
public sealed record ImportOptions(DuplicateRows Duplicates, IReadOnlyDictionary<int, uint>? PreviewVersions = null);

/// <summary>One field of a changed row: the engagement's value and the file's, each shortened for display.</summary>
public sealed record FieldChange(string Column, string Before, string After);

/// <summary>How a row of a file stands against the engagements the importer may see.</summary>
public enum RowMatch
{
    New,

    /// <summary>Matches an engagement and holds the same details.</summary>
    Same,

    /// <summary>Matches an engagement whose details differ.</summary>
    Changed,
}

/// <summary>A row of a file that matches an engagement already in the portal (one the importer may see).</summary>
public sealed record MatchedRow(int Row, string Title, DateOnly OccurredOn, RowMatch Match, int ExistingId, IReadOnlyList<FieldChange> Changes);

/// <summary>An earlier import of the same bytes. <see cref="ImportedBy"/> is null when the reader may not see everything it created.</summary>
public sealed record PreviousImport(int Id, DateTime ImportedAt, string? ImportedBy, int Rows);

/// <summary>
/// A file checked but not imported: its problems, or how its rows stand (new, the same as an engagement
/// already in the portal, or changed), and whether the same file was imported before. <see cref="Versions"/>:
/// the row version of every matched engagement, for the import to refuse one changed since (ImportOptions).
/// </summary>
public sealed record ImportPreview(
    int Rows, int New, int Same, int Changed, PreviousImport? AlreadyImported, IReadOnlyList<MatchedRow> Matches, IReadOnlyList<ImportProblem> Problems, int ProblemCount,
    IReadOnlyDictionary<int, uint>? Versions = null)
{
    public bool Readable => ProblemCount == 0;

    public int Duplicates => Same + Changed;
}

/// <summary>
/// Imports engagements from a CSV file in the export's format (<see cref="EngagementCsv"/>). Every row
/// is checked first, against the same rules as the editor; one bad row means nothing is written and
/// the report lists row, column and reason. A good file is written in one transaction by binary COPY,
/// with one audit entry for the whole import. Dates are never guessed: 03/04/2025 is refused.
/// <para>
/// Duplicates: each import that writes is recorded with the SHA-256 of the file's bytes
/// (<see cref="EngagementImportBatch"/>), so a file that comes again is recognised in the preview. A row
/// matches an engagement already in the portal by its id (a row of an export carries one), else by its
/// natural key: the same day, the same title (exactly, after trimming) and the same participating
/// nations. Rows are matched only against engagements the importer may see, in one set-based query; a
/// row like an engagement the importer may not see is a new row, exactly as if that engagement did not
/// exist, so the import reveals nothing (docs/SECURITY.md). Matching rows are skipped or refuse the
/// import, or update the engagements whose details differ (<see cref="DuplicateRows"/>). Updates follow an
/// edit by hand: the editor's rules (checked with every row), the context's clearance check on save, no
/// downgrade without a reason (so such a row is refused), a record changed since the preview refused, an
/// <c>Updated</c> audit entry per engagement naming the import (FromImport); the matched engagements are
/// loaded in one query and saved in the import's transaction, whose <c>Imported</c> entry names the updated ids.
/// </para>
/// </summary>
public sealed class EngagementImport(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxProblemsListed = 500;

    private const int ProgressEvery = 2_000;

    /// <summary>The header of an empty file to fill in: the columns an import reads.</summary>
    public static string Template()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        CsvWriter.WriteRecord(writer, EngagementCsv.Columns.Where(c => c != EngagementCsv.Id));
        CsvWriter.WriteRecord(writer,
        [
            "Maritime staff talks", "StaffTalks", "FaceToFace", "2025-03-04", "FRA", "Brest", "GBR;FRA", "Positive",
            "Agreed a joint search and rescue exercise", "Search and rescue in the Channel", "Restricted", "", "NATO",
        ]);
        return writer.ToString();
    }

    public Task<ImportReport> ImportAsync(Stream csv, string fileName, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ImportAsync(csv, fileName, DuplicateRows.Skip, progress, cancellationToken);

    public Task<ImportReport> ImportAsync(
        Stream csv, string fileName, DuplicateRows duplicates, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ImportAsync(csv, fileName, new ImportOptions(duplicates), progress, cancellationToken);

    public async Task<ImportReport> ImportAsync(
        Stream csv, string fileName, ImportOptions options, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var duplicates = options.Duplicates;
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(fileName);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (checkedFile, sha256, nations) = await ReadAsync(db, csv, progress, cancellationToken);
        if (checkedFile.ProblemCount > 0)
        {
            return new ImportReport(checkedFile.Rows.Count, 0, checkedFile.Problems, checkedFile.ProblemCount);
        }

        var (matches, _) = await MatchAsync(db, checkedFile, cancellationToken);
        var matched = matches.Count(m => m is not null);
        if (matched > 0 && duplicates == DuplicateRows.Refuse)
        {
            var problems = new List<ImportProblem>();
            for (var i = 0; i < matches.Length; i++)
            {
                if (matches[i] is { } match)
                {
                    problems.Add(new ImportProblem(checkedFile.RowNumbers[i], "", match.Match == RowMatch.Same
                        ? $"Already in the portal as engagement {match.ExistingId}. Remove the row, or import again skipping duplicates."
                        : $"Matches engagement {match.ExistingId}, whose details differ. Remove the row, or import again skipping or updating duplicates."));
                }
            }

            return new ImportReport(checkedFile.Rows.Count, 0, [.. problems.Take(MaxProblemsListed)], problems.Count);
        }

        var fresh = checkedFile.Rows.Where((_, i) => matches[i] is null).ToList();
        List<RowUpdate> updates = duplicates != DuplicateRows.Update ? []
            : [.. matches.Select((m, i) => (Match: m, Index: i))
                .Where(m => m.Match is { Match: RowMatch.Changed })
                .Select(m => new RowUpdate(m.Match!.Row, m.Match.ExistingId, checkedFile.Rows[m.Index]))];
        var (importId, refused) = await WriteAsync(db, fresh, updates, options.PreviewVersions, checkedFile.Rows.Count, nations, fileName, sha256, progress, cancellationToken);
        if (refused.Count > 0)
        {
            return new ImportReport(checkedFile.Rows.Count, 0, [.. refused.Take(MaxProblemsListed)], refused.Count);
        }

        progress?.Report(new ImportProgress(ImportStage.Done, fresh.Count, fresh.Count));
        return new ImportReport(checkedFile.Rows.Count, fresh.Count, [], 0, matched - updates.Count, importId, updates.Count);
    }

    /// <summary>A changed row to apply to its engagement.</summary>
    private sealed record RowUpdate(int Row, int Id, EngagementForm Form);

    /// <summary>Checks a file and says how its rows stand, without writing anything.</summary>
    public async Task<ImportPreview> PreviewAsync(Stream csv, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (checkedFile, sha256, _) = await ReadAsync(db, csv, progress, cancellationToken);
        var previous = await PreviousImportAsync(db, sha256, cancellationToken);
        if (checkedFile.ProblemCount > 0)
        {
            return new ImportPreview(checkedFile.Rows.Count, 0, 0, 0, previous, [], checkedFile.Problems, checkedFile.ProblemCount);
        }

        var (matches, versions) = await MatchAsync(db, checkedFile, cancellationToken);
        var same = matches.Count(m => m?.Match == RowMatch.Same);
        var changed = matches.Count(m => m?.Match == RowMatch.Changed);
        return new ImportPreview(
            checkedFile.Rows.Count, checkedFile.Rows.Count - same - changed, same, changed, previous, [.. matches.OfType<MatchedRow>().Take(MaxProblemsListed)], [], 0, versions);
    }

    private async Task<(CheckedFile File, string Sha256, Dictionary<string, int> Nations)> ReadAsync(
        PortalDbContext db, Stream csv, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var nations = await db.Nations.AsNoTracking().ToDictionaryAsync(n => n.Code, n => n.Id, cancellationToken);
        var alliances = (await db.Alliances.AsNoTracking().Select(a => a.Acronym).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        // The file is hashed as it is read, so the audit entry names exactly what was imported.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var checkedFile = Check(new HashingReader(csv, hash), nations, alliances, db, progress);
        return (checkedFile, Convert.ToHexStringLower(hash.GetHashAndReset()), nations);
    }

    /// <summary>The newest earlier import of the same bytes; who made it is named only when the reader may see all that remains of it.</summary>
    private static async Task<PreviousImport?> PreviousImportAsync(PortalDbContext db, string sha256, CancellationToken cancellationToken)
    {
        var previous = await db.EngagementImports.AsNoTracking().Where(i => i.Sha256 == sha256)
            .OrderByDescending(i => i.ImportedAt).FirstOrDefaultAsync(cancellationToken);
        if (previous is null)
        {
            return null;
        }

        var visible = await db.Engagements.CountAsync(e => e.ImportId == previous.Id, cancellationToken);
        var all = await db.Engagements.IgnoreQueryFilters([Visibility.FilterName]).CountAsync(e => e.ImportId == previous.Id, cancellationToken);
        var named = previous.ImportedBy == db.User.Name || visible == all;
        return new PreviousImport(previous.Id, previous.ImportedAt, named ? previous.ImportedBy : null, previous.Rows);
    }

    /// <summary>
    /// For each row, the visible engagement it matches (by id, else by day, title and participants) or null.
    /// One query for the whole file: candidates whose id, or whose day and title, appear in it (and one for
    /// the matched engagements' row versions).
    /// </summary>
    private static async Task<(MatchedRow?[] Matches, Dictionary<int, uint> Versions)> MatchAsync(PortalDbContext db, CheckedFile file, CancellationToken cancellationToken)
    {
        var ids = file.Ids.OfType<int>().Distinct().ToArray();
        var days = file.Rows.Select(f => f.OccurredOn!.Value).Distinct().ToArray();
        var titles = file.Rows.Select(f => f.Title.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        var candidates = await db.Engagements.AsNoTracking()
            .Where(e => ids.Contains(e.Id) || (days.Contains(e.OccurredOn) && titles.Contains(e.Title)))
            .Select(EngagementQueries.RecordShape)
            .ToListAsync(cancellationToken);
        var byId = candidates.ToDictionary(c => c.Id);
        var byKey = new Dictionary<string, EngagementRecord>(StringComparer.Ordinal);
        foreach (var candidate in candidates.OrderBy(c => c.Id))
        {
            byKey.TryAdd(NaturalKey(candidate.OccurredOn, candidate.Title, candidate.Participants), candidate);
        }

        var matches = new MatchedRow?[file.Rows.Count];
        for (var i = 0; i < matches.Length; i++)
        {
            var form = file.Rows[i];
            var participants = Codes(form.Participants);
            var existing = file.Ids[i] is { } id && byId.TryGetValue(id, out var byItsId) ? byItsId
                : byKey.GetValueOrDefault(NaturalKey(form.OccurredOn!.Value, form.Title.Trim(), participants));
            if (existing is not null)
            {
                var changes = Differences(form, existing);
                matches[i] = new MatchedRow(file.RowNumbers[i], form.Title.Trim(), form.OccurredOn!.Value, changes.Count == 0 ? RowMatch.Same : RowMatch.Changed, existing.Id, changes);
            }
        }

        var matchedIds = matches.OfType<MatchedRow>().Select(m => m.ExistingId).Distinct().ToArray();
        var versions = matchedIds.Length == 0 ? []
            : await db.Engagements.AsNoTracking().Where(e => matchedIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Version, cancellationToken);
        return (matches, versions);
    }

    private static string NaturalKey(DateOnly day, string title, IEnumerable<string> participants) =>
        string.Join('\u001f', day.ToString(EngagementCsv.DayFormat, CultureInfo.InvariantCulture), title, string.Join(EngagementCsv.ListSeparator, participants.Order(StringComparer.Ordinal)));

    /// <summary>The longest value a <see cref="FieldChange"/> shows before it is shortened with an ellipsis.</summary>
    public const int ChangeShown = 80;

    /// <summary>The fields in which a row differs from the engagement, compared as the import would write it; empty when it holds the same.</summary>
    private static List<FieldChange> Differences(EngagementForm form, EngagementRecord record)
    {
        var changes = new List<FieldChange>();
        void Compare(string column, string before, string after)
        {
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(column, Shown(before), Shown(after)));
            }
        }

        static string List(IEnumerable<string> codes) => string.Join(EngagementCsv.ListSeparator, codes);
        var participants = form.Participants.Select(RecordCode.Normalise).OfType<string>().Distinct().ToList();
        Compare(EngagementCsv.Title, record.Title, form.Title.Trim());
        Compare(EngagementCsv.Kind, record.Kind.ToString(), form.Kind.ToString());
        Compare(EngagementCsv.Channel, record.Channel.ToString(), form.Channel.ToString());
        Compare(EngagementCsv.OccurredOn, Day(record.OccurredOn), Day(form.OccurredOn!.Value));
        Compare(EngagementCsv.HostNation, record.HostNation ?? "", RecordCode.Normalise(form.HostNation) ?? "");
        Compare(EngagementCsv.Location, Blank(record.Location), Blank(form.Location));

        // The lead (first) nation counts, then the set: the order of the others is not a difference.
        var sameParticipants = (participants.Count > 0 ? participants[0] : null) == (record.Participants.Count > 0 ? record.Participants[0] : null)
            && participants.Order(StringComparer.Ordinal).SequenceEqual(record.Participants.Order(StringComparer.Ordinal));
        if (!sameParticipants)
        {
            Compare(EngagementCsv.Participants, List(record.Participants), List(participants));
        }

        Compare(EngagementCsv.Outcome, record.Outcome.ToString(), form.Outcome.ToString());
        Compare(EngagementCsv.OutcomeNotes, Blank(record.OutcomeNotes), Blank(form.OutcomeNotes));
        Compare(EngagementCsv.Summary, record.Summary, form.Summary.Trim());
        Compare(EngagementCsv.Classification, record.Classification.ToString(), form.Classification.ToString());
        Compare(EngagementCsv.ReleasableToNations, List(record.ReleasableToNations.Order(StringComparer.Ordinal)), List(Codes(form.ReleasableToNations)));
        Compare(EngagementCsv.ReleasableToAlliances, List(record.ReleasableToAlliances.Order(StringComparer.Ordinal)), List(Codes(form.ReleasableToAlliances)));
        return changes;
    }

    private static string Day(DateOnly day) => day.ToString(EngagementCsv.DayFormat, CultureInfo.InvariantCulture);

    private static string Shown(string value) => value.Length <= ChangeShown ? value : string.Concat(value.AsSpan(0, ChangeShown - 1), "…");

    private static string Blank(string? text) => text?.Trim() ?? "";

    /// <summary>The readable rows, with each row's id (from an export) and its row number in the file.</summary>
    private sealed record CheckedFile(List<EngagementForm> Rows, List<int?> Ids, List<int> RowNumbers, List<ImportProblem> Problems, int ProblemCount);

    private CheckedFile Check(TextReader reader, Dictionary<string, int> nations, HashSet<string> alliances, PortalDbContext db, IProgress<ImportProgress>? progress)
    {
        var rows = new List<EngagementForm>();
        var ids = new List<int?>();
        var rowNumbers = new List<int>();
        var problems = new List<ImportProblem>();
        var problemCount = 0;
        void Problem(int row, string column, string reason)
        {
            problemCount++;
            if (problems.Count < MaxProblemsListed)
            {
                problems.Add(new ImportProblem(row, column, reason));
            }
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        string[]? header = null;
        Dictionary<string, int> columns = [];
        var rowNumber = 0;
        foreach (var record in CsvReader.Read(reader))
        {
            rowNumber++;
            if (header is null)
            {
                // An export's preamble ("# Exported by ...") comes before the header.
                if (record.Length >= 1 && record[0].TrimStart('\uFEFF').StartsWith('#'))
                {
                    continue;
                }

                header = [.. record.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant())];
                columns = CheckHeader(header, rowNumber, Problem);
                if (problemCount > 0)
                {
                    return new CheckedFile(rows, ids, rowNumbers, problems, problemCount);
                }

                continue;
            }

            if (record.Length != header.Length)
            {
                Problem(rowNumber, "", $"The row has {record.Length} fields; the header has {header.Length}. A field with a comma or a line break must be in double quotes.");
                continue;
            }

            var form = ReadRow(record, columns, rowNumber, Problem);
            if (form is not null)
            {
                foreach (var (field, messages) in EngagementRules.Check(form, nations.ContainsKey, alliances.Contains, db.User, today).ToDictionary())
                {
                    foreach (var message in messages)
                    {
                        Problem(rowNumber, ColumnOf(field), message);
                    }
                }

                rows.Add(form);
                ids.Add(ReadId(record, columns, rowNumber, Problem));
                rowNumbers.Add(rowNumber);
                if (rows.Count % ProgressEvery == 0)
                {
                    progress?.Report(new ImportProgress(ImportStage.Checking, rows.Count, 0));
                }
            }
        }

        if (header is null)
        {
            Problem(1, "", "The file is empty: it needs a header row (download the template) and at least one engagement.");
        }
        else if (rows.Count == 0 && problemCount == 0)
        {
            Problem(rowNumber + 1, "", "The file has a header but no engagements.");
        }

        return new CheckedFile(rows, ids, rowNumbers, problems, problemCount);
    }

    private static Dictionary<string, int> CheckHeader(string[] header, int row, Action<int, string, string> problem)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            if (!EngagementCsv.Columns.Contains(header[i]))
            {
                problem(row, header[i], $"Unknown column. The columns are: {string.Join(", ", EngagementCsv.Columns)}.");
            }
            else if (!columns.TryAdd(header[i], i))
            {
                problem(row, header[i], "The column appears twice.");
            }
        }

        foreach (var missing in EngagementCsv.RequiredColumns.Where(c => !columns.ContainsKey(c)))
        {
            problem(row, missing, "This column is required.");
        }

        return columns;
    }

    /// <summary>The row's id (an export's rows carry one), or null when the cell is missing or empty.</summary>
    private static int? ReadId(string[] record, Dictionary<string, int> columns, int row, Action<int, string, string> problem)
    {
        if (!columns.TryGetValue(EngagementCsv.Id, out var i) || record[i].Trim() is not { Length: > 0 } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        problem(row, EngagementCsv.Id, $"'{text}' is not an engagement id. Leave it empty for a new engagement.");
        return null;
    }

    /// <summary>The row as a form, or null when a cell could not be read (each such cell is a problem).</summary>
    private static EngagementForm? ReadRow(string[] record, Dictionary<string, int> columns, int row, Action<int, string, string> problem)
    {
        var readable = true;
        string Cell(string column) => columns.TryGetValue(column, out var i) ? ExportFile.Unprotect(record[i].Trim()) : "";
        TEnum Enum<TEnum>(string column)
            where TEnum : struct, Enum
        {
            var text = Cell(column);
            if (System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) && !char.IsAsciiDigit(text.FirstOrDefault()))
            {
                return value;
            }

            readable = false;
            problem(row, column, text.Length == 0
                ? $"Required: one of {string.Join(", ", System.Enum.GetNames<TEnum>())}."
                : $"'{text}' is not one of {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
            return default;
        }

        static List<string> List(string text) =>
            [.. text.Split(EngagementCsv.ListSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

        var form = new EngagementForm
        {
            Title = Cell(EngagementCsv.Title),
            Kind = Enum<EngagementKind>(EngagementCsv.Kind),
            Channel = Enum<CommunicationChannel>(EngagementCsv.Channel),
            HostNation = Cell(EngagementCsv.HostNation) is { Length: > 0 } host ? host : null,
            Location = Cell(EngagementCsv.Location),
            Participants = List(Cell(EngagementCsv.Participants)),
            Outcome = Enum<EngagementOutcome>(EngagementCsv.Outcome),
            OutcomeNotes = Cell(EngagementCsv.OutcomeNotes),
            Summary = Cell(EngagementCsv.Summary),
            Classification = Enum<Classification>(EngagementCsv.Classification),
            ReleasableToNations = List(Cell(EngagementCsv.ReleasableToNations)),
            ReleasableToAlliances = List(Cell(EngagementCsv.ReleasableToAlliances)),
        };
        var day = Cell(EngagementCsv.OccurredOn);
        var reading = DayText.Read(day);
        if (reading.Day is { } occurredOn)
        {
            form.OccurredOn = occurredOn;
        }
        else
        {
            readable = false;
            problem(row, EngagementCsv.OccurredOn, reading.Problem ?? "Required: the day, as yyyy-MM-dd (for example 2025-03-04).");
        }

        return readable ? form : null;
    }

    private static string ColumnOf(string field) => field switch
    {
        nameof(EngagementForm.Title) => EngagementCsv.Title,
        nameof(EngagementForm.Kind) => EngagementCsv.Kind,
        nameof(EngagementForm.Channel) => EngagementCsv.Channel,
        nameof(EngagementForm.OccurredOn) => EngagementCsv.OccurredOn,
        nameof(EngagementForm.HostNation) => EngagementCsv.HostNation,
        nameof(EngagementForm.Location) => EngagementCsv.Location,
        nameof(EngagementForm.Participants) => EngagementCsv.Participants,
        nameof(EngagementForm.Outcome) => EngagementCsv.Outcome,
        nameof(EngagementForm.OutcomeNotes) => EngagementCsv.OutcomeNotes,
        nameof(EngagementForm.Summary) => EngagementCsv.Summary,
        nameof(EngagementForm.Classification) => EngagementCsv.Classification,
        nameof(EngagementForm.ReleasableToNations) => EngagementCsv.ReleasableToNations,
        nameof(EngagementForm.ReleasableToAlliances) => EngagementCsv.ReleasableToAlliances,
        _ => field,
    };

    /// <summary>
    /// All rows in one transaction: the updates of changed engagements (refused rows roll everything back),
    /// the import's own record (its hash, for the next preview), ids reserved from the sequence, two binary
    /// COPYs, one audit entry. Returns the import's id, or the rows refused (and nothing written).
    /// </summary>
    private async Task<(int ImportId, List<ImportProblem> Refused)> WriteAsync(
        PortalDbContext db, List<EngagementForm> rows, List<RowUpdate> updates, IReadOnlyDictionary<int, uint>? previewVersions, int fileRows,
        Dictionary<string, int> nations, string fileName, string sha256, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var now = clock.GetUtcNow().UtcDateTime;
        var importId = await RecordImportAsync(connection, db.User.Name, fileName, sha256, now, fileRows, rows.Count, fileRows - rows.Count - updates.Count, cancellationToken);
        if (updates.Count > 0)
        {
            // Each engagement's Updated entry names the import (AuditedChange.FromImport).
            db.AuditImportId = importId;
            var refused = await UpdateAsync(db, updates, previewVersions, nations, cancellationToken);
            db.AuditImportId = null;
            if (refused.Count > 0)
            {
                return (0, refused);
            }
        }

        var ids = await BinaryCopy.ReserveIdsAsync(connection, "engagements", rows.Count, cancellationToken);
        await using (var importer = await BinaryCopy.BeginAsync(connection, "engagements",
            "id, import_id, title, kind, channel, occurred_on, host_nation_id, location, summary, outcome, outcome_notes, " + BinaryCopy.MarkingColumns, cancellationToken))
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var form = rows[i];
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteIntAsync(ids[i], cancellationToken);
                await importer.WriteIntAsync(importId, cancellationToken);
                await importer.WriteTextAsync(form.Title.Trim(), cancellationToken);
                await importer.WriteEnumAsync(form.Kind, cancellationToken);
                await importer.WriteEnumAsync(form.Channel, cancellationToken);
                await importer.WriteDateAsync(form.OccurredOn!.Value, cancellationToken);
                await importer.WriteIntAsync(RecordCode.Normalise(form.HostNation) is { } host ? nations[host] : null, cancellationToken);
                await importer.WriteTextAsync(string.IsNullOrWhiteSpace(form.Location) ? null : form.Location.Trim(), cancellationToken);
                await importer.WriteTextAsync(form.Summary.Trim(), cancellationToken);
                await importer.WriteEnumAsync(form.Outcome, cancellationToken);
                await importer.WriteTextAsync(string.IsNullOrWhiteSpace(form.OutcomeNotes) ? null : form.OutcomeNotes.Trim(), cancellationToken);
                await importer.WriteMarkingAsync(
                    new Marking(form.Classification, Codes(form.ReleasableToNations), Codes(form.ReleasableToAlliances), now, now), isDemo: false, cancellationToken);
                if (i % ProgressEvery == 0)
                {
                    progress?.Report(new ImportProgress(ImportStage.Writing, i, rows.Count));
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        // The link rows carry their engagement's day for the nation page's index; written here, the
        // database's trigger for inserts that leave it out does not run.
        await using (var importer = await BinaryCopy.BeginAsync(connection, "engagement_participants", "engagement_id, nation_id, is_lead, occurred_on", cancellationToken))
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var lead = true;
                foreach (var code in rows[i].Participants.Select(RecordCode.Normalise).OfType<string>())
                {
                    await importer.StartRowAsync(cancellationToken);
                    await importer.WriteIntAsync(ids[i], cancellationToken);
                    await importer.WriteIntAsync(nations[code], cancellationToken);
                    await importer.WriteBoolAsync(lead, cancellationToken);
                    await importer.WriteDateAsync(rows[i].OccurredOn!.Value, cancellationToken);
                    lead = false;
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        // Rows written by COPY bypass the change tracker: the import records itself, in the same transaction.
        await AuditTrail.RecordAsync(db, AuditAction.Imported, nameof(Engagement), entityKey: null, before: null,
            after: new
            {
                file = fileName,
                sha256,
                import = importId,
                rows = rows.Count,
                updated = updates.Count,
                updatedIds = updates.Count <= MaxProblemsListed ? updates.Select(u => u.Id).Order().ToArray() : null,
                skipped = fileRows - rows.Count - updates.Count,
                firstId = ids.Length == 0 ? (int?)null : ids.Min(),
                lastId = ids.Length == 0 ? (int?)null : ids.Max(),
            },
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (importId, []);
    }

    /// <summary>
    /// Applies changed rows to their engagements as the editor would, in the caller's transaction: the
    /// engagements (only those the importer may see) loaded in one query; a row refused when its engagement
    /// is gone or hidden, was changed since the preview, is named by another row too, or would be downgraded
    /// (an import gives no reason). Saved through the context, so each engagement gets its <c>Updated</c>
    /// audit entry and the clearance check. Returns the refused rows; with any, nothing is saved.
    /// </summary>
    private static async Task<List<ImportProblem>> UpdateAsync(
        PortalDbContext db, List<RowUpdate> updates, IReadOnlyDictionary<int, uint>? previewVersions, Dictionary<string, int> nations, CancellationToken cancellationToken)
    {
        var ids = updates.Select(u => u.Id).Distinct().ToArray();
        var records = await db.Engagements.Include(e => e.Participants).AsSplitQuery()
            .Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        var refused = new List<ImportProblem>();
        var rowOf = new Dictionary<int, int>();
        foreach (var update in updates)
        {
            if (!records.TryGetValue(update.Id, out var record))
            {
                refused.Add(new ImportProblem(update.Row, "", $"Engagement {update.Id} is no longer in the portal. Preview the file again."));
                continue;
            }

            if (!rowOf.TryAdd(update.Id, update.Row))
            {
                refused.Add(new ImportProblem(update.Row, "", $"Row {rowOf[update.Id]} updates engagement {update.Id} too. Keep one of the two rows."));
                continue;
            }

            if (previewVersions is not null && (!previewVersions.TryGetValue(update.Id, out var seen) || seen != record.Version))
            {
                refused.Add(new ImportProblem(update.Row, "", $"Engagement {update.Id} was changed by someone else since the preview. Preview the file again."));
                continue;
            }

            var change = new MarkingChange(RecordMarking.Of(record), RecordMarking.Of(update.Form));
            if (change.IsDowngrade)
            {
                refused.Add(new ImportProblem(update.Row, EngagementCsv.Classification,
                    $"The row {change.Describe()} of engagement {update.Id}, which needs a reason an import cannot give. Change the marking on the engagement's page, or keep the portal's marking in the file."));
                continue;
            }

            // The version read (the preview's, checked above) is the one the database must still hold when the update lands.
            EngagementEditor.Apply(update.Form, record, nations);
        }

        if (refused.Count > 0)
        {
            return refused;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            foreach (var entry in ex.Entries)
            {
                if (entry.Entity is Engagement stale && rowOf.TryGetValue(stale.Id, out var row))
                {
                    refused.Add(new ImportProblem(row, "", $"Engagement {stale.Id} was changed by someone else since the preview. Preview the file again."));
                }
            }

            if (refused.Count == 0)
            {
                refused.Add(new ImportProblem(updates[0].Row, "", "An engagement was changed by someone else during the import. Preview the file again."));
            }
        }

        return refused;
    }

    private static async Task<int> RecordImportAsync(
        NpgsqlConnection connection, string userName, string fileName, string sha256, DateTime now, int fileRows, int created, int skipped, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO engagement_imports (sha256, file_name, imported_by, imported_at, rows, created, skipped) VALUES (@sha256, @file, @by, @at, @rows, @created, @skipped) RETURNING id",
            connection);
        command.Parameters.AddWithValue("sha256", sha256);
        command.Parameters.AddWithValue("file", fileName.Length > EngagementImportBatch.FileNameMaxLength ? fileName[..EngagementImportBatch.FileNameMaxLength] : fileName);
        command.Parameters.AddWithValue("by", userName);
        command.Parameters.AddWithValue("at", now);
        command.Parameters.AddWithValue("rows", fileRows);
        command.Parameters.AddWithValue("created", created);
        command.Parameters.AddWithValue("skipped", skipped);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static string[] Codes(List<string> values) =>
        [.. values.Select(RecordCode.Normalise).OfType<string>().Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Reads text while feeding the bytes to a hash.</summary>
    private sealed class HashingReader(Stream stream, IncrementalHash hash) : StreamReader(new HashingStream(stream, hash), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);

    private sealed class HashingStream(Stream inner, IncrementalHash hash) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            hash.AppendData(buffer, offset, read);
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
