using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DiploPortal.Core.Audit;
using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

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
public sealed record ImportReport(int Rows, int Imported, IReadOnlyList<ImportProblem> Problems, int ProblemCount)
{
    public bool Succeeded => ProblemCount == 0;
}

/// <summary>
/// Imports engagements from a CSV file in the export's format (<see cref="EngagementCsv"/>). Every row
/// is checked first, against the same rules as the editor; one bad row means nothing is written and
/// the report lists row, column and reason. A good file is written in one transaction by binary COPY,
/// with one audit entry for the whole import. Dates are never guessed: 03/04/2025 is refused.
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

    public async Task<ImportReport> ImportAsync(Stream csv, string fileName, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var nations = await db.Nations.AsNoTracking().ToDictionaryAsync(n => n.Code, n => n.Id, cancellationToken);
        var alliances = (await db.Alliances.AsNoTracking().Select(a => a.Acronym).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        // The file is hashed as it is read, so the audit entry names exactly what was imported.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var checkedFile = Check(new HashingReader(csv, hash), nations, alliances, db, progress);
        if (checkedFile.Problems.Count > 0 || checkedFile.ProblemCount > 0)
        {
            return new ImportReport(checkedFile.Rows.Count, 0, checkedFile.Problems, checkedFile.ProblemCount);
        }

        await WriteAsync(db, checkedFile.Rows, nations, fileName, Convert.ToHexStringLower(hash.GetHashAndReset()), progress, cancellationToken);
        progress?.Report(new ImportProgress(ImportStage.Done, checkedFile.Rows.Count, checkedFile.Rows.Count));
        return new ImportReport(checkedFile.Rows.Count, checkedFile.Rows.Count, [], 0);
    }

    private sealed record CheckedFile(List<EngagementForm> Rows, List<ImportProblem> Problems, int ProblemCount);

    private CheckedFile Check(TextReader reader, Dictionary<string, int> nations, HashSet<string> alliances, PortalDbContext db, IProgress<ImportProgress>? progress)
    {
        var rows = new List<EngagementForm>();
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
                    return new CheckedFile(rows, problems, problemCount);
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

        return new CheckedFile(rows, problems, problemCount);
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

    /// <summary>All rows in one transaction: ids reserved from the sequence, two binary COPYs, one audit entry.</summary>
    private async Task WriteAsync(
        PortalDbContext db, List<EngagementForm> rows, Dictionary<string, int> nations, string fileName, string sha256, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var ids = await ReserveIdsAsync(connection, rows.Count, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var importer = await BinaryCopy.BeginAsync(connection, "engagements",
            "id, title, kind, channel, occurred_on, host_nation_id, location, summary, outcome, outcome_notes, " + BinaryCopy.MarkingColumns, cancellationToken))
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var form = rows[i];
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteIntAsync(ids[i], cancellationToken);
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
            after: new { file = fileName, sha256, rows = rows.Count, firstId = ids.Min(), lastId = ids.Max() }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string[] Codes(List<string> values) =>
        [.. values.Select(RecordCode.Normalise).OfType<string>().Distinct().Order(StringComparer.Ordinal)];

    private static async Task<int[]> ReserveIdsAsync(NpgsqlConnection connection, int count, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence('engagements', 'id'))::int FROM generate_series(1, @count)", connection);
        command.Parameters.Add(new NpgsqlParameter<int>("count", NpgsqlDbType.Integer) { TypedValue = count });
        var ids = new int[count];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; await reader.ReadAsync(cancellationToken); i++)
        {
            ids[i] = reader.GetInt32(0);
        }

        return ids;
    }

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
