using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DiploPortal.Core.Audit;
using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using DiploPortal.Core.Engagements;
using DiploPortal.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DiploPortal.Core.Exercises.History;

/// <summary>
/// What an import of the data set did. With any <see cref="Problems"/> nothing was written. <see cref="Notes"/>:
/// each quirk of the data and how it was handled, by row. <see cref="AlreadyPresent"/>: rows whose exercise
/// (by source key) is in the portal already, left as they are; <see cref="Skipped"/>: rows that name no nation.
/// </summary>
public sealed record MmeImportReport(
    int Rows, int Imported, int AlreadyPresent, int Skipped, IReadOnlyList<ImportProblem> Notes, IReadOnlyList<ImportProblem> Problems, string Sha256, TimeSpan Elapsed)
{
    public bool Succeeded => Problems.Count == 0;

    /// <summary>The report as text: the counts, then each problem and note with its row.</summary>
    public string Describe(int maxLines = int.MaxValue)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{MmeSource.Citation}\n");
        text.Append(CultureInfo.InvariantCulture, $"File {MmeSource.FileName} (SHA-256 {Sha256}): {Rows} rows. ");
        text.Append(Succeeded
            ? string.Create(CultureInfo.InvariantCulture, $"Imported {Imported} exercises; {AlreadyPresent} already in the portal; {Skipped} rows not imported (no nation named); {Notes.Count} notes; {Elapsed.TotalSeconds:0.0} s.\n")
            : string.Create(CultureInfo.InvariantCulture, $"Nothing was imported: {Problems.Count} problem(s).\n"));
        var lines = 0;
        foreach (var (label, items) in new[] { ("problem", Problems), ("note", Notes) })
        {
            foreach (var item in items)
            {
                if (lines++ >= maxLines)
                {
                    text.Append(CultureInfo.InvariantCulture, $"... {Problems.Count + Notes.Count - maxLines} more lines.\n");
                    return text.ToString();
                }

                text.Append(CultureInfo.InvariantCulture, $"  {label}, row {item.Row}{(item.Column.Length == 0 ? "" : ", " + item.Column)}: {item.Reason}\n");
            }
        }

        return text.ToString();
    }
}

/// <summary>
/// Imports the Multinational Military Exercises data set (<see cref="MmeSource"/>) as completed, unclassified
/// exercises, by the rules of <see cref="MmeReader"/>. All or nothing: the whole file is read and checked first;
/// with any problem nothing is written. The new rows are written in one transaction by binary COPY (ids from the
/// sequence), with one <c>Imported</c> audit entry naming the file's SHA-256. Each exercise carries its row's
/// source key (unique), so importing again writes nothing and adds no audit entry. An advisory lock keeps two
/// imports (the portal starting while the tool runs) from racing.
/// </summary>
public sealed partial class MmeImport(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, ILogger<MmeImport> logger)
{
    private const long LockKey = 0x4D4D45_1980_2010; // "MME" 1980-2010

    private const string ExerciseColumns =
        "id, name, series_name, kind, status, host_nation_id, location, starts_on, ends_on, starts_on_precision, ends_on_precision, "
        + "lead_alliance_id, objectives, scenario, source_key, " + BinaryCopy.MarkingColumns;

    /// <summary>Imports the file shipped in this assembly.</summary>
    public async Task<MmeImportReport> ImportShippedAsync(CancellationToken cancellationToken = default)
    {
        await using var file = MmeSource.OpenFile();
        return await ImportAsync(file, MmeMapping.Shipped(), cancellationToken);
    }

    public async Task<MmeImportReport> ImportAsync(Stream csv, MmeMapping mapping, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(mapping);
        var started = clock.GetTimestamp();
        using var buffer = new MemoryStream();
        await csv.CopyToAsync(buffer, cancellationToken);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        buffer.Position = 0;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var nations = await db.Nations.AsNoTracking().Select(n => new { n.Id, n.Code, n.Name, n.OfficialName }).ToListAsync(cancellationToken);
        var nationIds = nations.ToDictionary(n => n.Code, n => n.Id, StringComparer.Ordinal);
        var nationNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var nation in nations)
        {
            nationNames.TryAdd(nation.Name.ToLowerInvariant(), nation.Code);
            if (nation.OfficialName is { } official)
            {
                nationNames.TryAdd(official.ToLowerInvariant(), nation.Code);
            }
        }

        var allianceIds = await db.Alliances.AsNoTracking().ToDictionaryAsync(a => a.Acronym, a => a.Id, StringComparer.Ordinal, cancellationToken);
        MmeReading reading;
        using (var reader = new StreamReader(buffer, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true))
        {
            reading = MmeReader.Read(reader, mapping, nationIds.Keys.ToHashSet(StringComparer.Ordinal), allianceIds.Keys.ToHashSet(StringComparer.Ordinal), nationNames);
        }

        if (reading.Problems.Count > 0)
        {
            LogRefused(logger, reading.Problems.Count);
            return new MmeImportReport(reading.Rows, 0, 0, reading.Skipped, reading.Notes, reading.Problems, sha256, clock.GetElapsedTime(started));
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection))
        {
            command.Parameters.AddWithValue("key", LockKey);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        // Every exercise counts, whatever its marking: a key is unique across all of them. Only the number is reported.
        var present = (await db.Exercises.IgnoreQueryFilters([Visibility.FilterName]).AsNoTracking()
            .Where(e => e.SourceKey != null && e.SourceKey.StartsWith(MmeSource.KeyPrefix))
            .Select(e => e.SourceKey!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var fresh = reading.Exercises.Where(e => !present.Contains(e.SourceKey)).ToList();
        var already = reading.Exercises.Count - fresh.Count;
        if (fresh.Count == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            LogNothingNew(logger, already);
            return new MmeImportReport(reading.Rows, 0, already, reading.Skipped, reading.Notes, [], sha256, clock.GetElapsedTime(started));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await BinaryCopy.ReserveIdsAsync(connection, "exercises", fresh.Count, cancellationToken);
        var marking = new Marking(Classification.Unclassified, [], [], now, now);
        await using (var importer = await BinaryCopy.BeginAsync(connection, "exercises", ExerciseColumns, cancellationToken))
        {
            for (var i = 0; i < fresh.Count; i++)
            {
                var e = fresh[i];
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteIntAsync(ids[i], cancellationToken);
                await importer.WriteTextAsync(e.Name, cancellationToken);
                await importer.WriteTextAsync(e.SeriesName, cancellationToken);
                await importer.WriteEnumAsync(e.Kind, cancellationToken);
                await importer.WriteEnumAsync(ExerciseStatus.Completed, cancellationToken);
                await importer.WriteIntAsync(nationIds[e.HostCode], cancellationToken);
                await importer.WriteTextAsync(e.Location, cancellationToken);
                await importer.WriteDateAsync(e.StartsOn, cancellationToken);
                await importer.WriteDateAsync(e.EndsOn, cancellationToken);
                await importer.WriteEnumAsync(e.StartsOnPrecision, cancellationToken);
                await importer.WriteEnumAsync(e.EndsOnPrecision, cancellationToken);
                await importer.WriteIntAsync(e.Alliance is { } a ? allianceIds[a] : null, cancellationToken);
                await importer.WriteTextAsync(e.Objectives, cancellationToken);
                await importer.WriteTextAsync(e.Scenario, cancellationToken);
                await importer.WriteTextAsync(e.SourceKey, cancellationToken);
                await importer.WriteMarkingAsync(marking, isDemo: false, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        // The link rows carry their exercise's first day for the nation page's index (ExerciseParticipant.StartsOnProperty).
        var participants = 0;
        await using (var importer = await BinaryCopy.BeginAsync(connection, "exercise_participants", "exercise_id, nation_id, role, personnel, units, ships, aircraft, starts_on", cancellationToken))
        {
            for (var i = 0; i < fresh.Count; i++)
            {
                foreach (var participant in fresh[i].Participants)
                {
                    await importer.StartRowAsync(cancellationToken);
                    await importer.WriteIntAsync(ids[i], cancellationToken);
                    await importer.WriteIntAsync(nationIds[participant.Code], cancellationToken);
                    await importer.WriteEnumAsync(participant.Role, cancellationToken);
                    for (var forces = 0; forces < 4; forces++)
                    {
                        await importer.WriteIntAsync(0, cancellationToken);
                    }

                    await importer.WriteDateAsync(fresh[i].StartsOn, cancellationToken);
                    participants++;
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        // Rows written by COPY bypass the change tracker: the import records itself, in the same transaction.
        await AuditTrail.RecordAsync(db, AuditAction.Imported, nameof(JointExercise), entityKey: null, before: null,
            after: new
            {
                file = MmeSource.FileName,
                source = MmeSource.Citation,
                sha256,
                rows = reading.Rows,
                created = fresh.Count,
                alreadyPresent = already,
                skipped = reading.Skipped,
                notes = reading.Notes.Count,
                firstId = ids.Min(),
                lastId = ids.Max(),
            },
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var elapsed = clock.GetElapsedTime(started);
        LogImported(logger, fresh.Count, participants, already, reading.Skipped, elapsed.TotalMilliseconds);
        return new MmeImportReport(reading.Rows, fresh.Count, already, reading.Skipped, reading.Notes, [], sha256, elapsed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Multinational Military Exercises imported: {Exercises} exercises, {Participants} participants ({AlreadyPresent} already present, {Skipped} rows naming no nation) in {ElapsedMs:0} ms")]
    private static partial void LogImported(ILogger logger, int exercises, int participants, int alreadyPresent, int skipped, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Multinational Military Exercises: nothing new to import ({AlreadyPresent} rows already present)")]
    private static partial void LogNothingNew(ILogger logger, int alreadyPresent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Multinational Military Exercises not imported: {ProblemCount} problems")]
    private static partial void LogRefused(ILogger logger, int problemCount);
}
