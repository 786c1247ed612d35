using System.Globalization;
using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DiploPortal.Core.DemoData;

/// <summary>
/// Fills the database with demo records that look like the real thing (attachés and their reports,
/// joint exercises, humanitarian missions, engagements, assessments) over the real nations and
/// alliances, every record marked <c>is_demo</c>. The same seed, count and anchor give the same
/// records. Everything is bulk-loaded with binary COPY in one transaction, so a failed run leaves
/// nothing behind; a million engagements take minutes and memory stays bounded.
/// </summary>
public sealed partial class DemoDataGenerator(
    IDbContextFactory<PortalDbContext> dbFactory,
    TimeProvider time,
    ILogger<DemoDataGenerator> logger)
{
    private static readonly string[] AllTables =
    [
        .. DemoRun.IdentityTables, "engagement_participants", "engagement_attaches", "exercise_participants", "exercise_liaisons",
        "mission_contributions", "indicator_scores",
    ];

    private static readonly string LockTables =
        $"LOCK TABLE {string.Join(", ", DemoRun.IdentityTables)} IN SHARE ROW EXCLUSIVE MODE";

    // Identity sequences must continue after the ids the generator assigned, or the next insert collides.
    private static readonly string ResetSequences = string.Join(
        ";\n",
        DemoRun.IdentityTables.Select(t => $"SELECT setval(pg_get_serial_sequence('{t}', 'id'), (SELECT max(id) FROM {t}))"));

    private static readonly string Analyze = $"ANALYZE {string.Join(", ", AllTables)}";

    private static readonly string MaxIds =
        "SELECT " + string.Join(", ", DemoRun.IdentityTables.Select(t => $"(SELECT COALESCE(max(id), 0) FROM {t})"));

    public static int AttachesFor(int engagements) => Math.Max(40, engagements / 50);

    public static int ExercisesFor(int engagements) => Math.Max(30, engagements / 40);

    public static int MissionsFor(int engagements) => Math.Max(15, engagements / 150);

    public async Task<DemoDataResult> GenerateAsync(DemoDataOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Engagements);
        var started = time.GetTimestamp();
        var anchor = options.Anchor ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        // Opened here, the connection stays open after the commit for ANALYZE.
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();

        // Ids are handed out after each table's maximum, so nobody else may insert meanwhile; the
        // lock also stops two generators (the portal starting while the tool runs) from both
        // deciding that no demo data exist yet.
        await ExecuteAsync(connection, LockTables, cancellationToken);
        if (options.SkipIfDemoDataExist && await db.Engagements.AnyAsync(e => e.IsDemo, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            LogSkipped(logger);
            return DemoDataResult.None(time.GetElapsedTime(started));
        }

        var world = await DemoWorld.LoadAsync(db, anchor, cancellationToken);
        var run = new DemoRun(world, anchor, options.Seed, await MaxIdsAsync(connection, cancellationToken));
        var total = options.Engagements;

        var roster = DemoAttaches.Generate(run, AttachesFor(total));
        var attaches = await DemoAttaches.WriteAsync(connection, roster, cancellationToken);
        var reports = await DemoAttaches.WriteReportsAsync(connection, run, roster, cancellationToken);

        var (exercises, exerciseAssessments) = await WriteExercisesAsync(connection, run, roster, ExercisesFor(total), cancellationToken);
        var (missions, missionAssessments) = await WriteMissionsAsync(connection, run, MissionsFor(total), cancellationToken);

        var nextReport = total / 10;
        var engagements = await DemoEngagements.WriteAsync(
            connection,
            run,
            roster,
            total,
            written =>
            {
                if (total >= 100_000 && written >= nextReport && written < total)
                {
                    var elapsed = time.GetElapsedTime(started);
                    LogProgress(logger, written, total, elapsed);
                    nextReport += total / 10;
                }
            },
            cancellationToken);

        await ExecuteAsync(connection, ResetSequences, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // Fresh statistics, so the first queries after a bulk load get sensible plans.
        await ExecuteAsync(connection, Analyze, cancellationToken);

        var result = new DemoDataResult(
            Skipped: false,
            Attaches: attaches,
            AttacheReports: reports,
            Exercises: exercises.Exercises,
            ExerciseParticipants: exercises.Participants,
            ExerciseMilestones: exercises.Milestones,
            ExerciseObservations: exercises.Observations,
            ExerciseLiaisons: exercises.Liaisons,
            Missions: missions.Missions,
            MissionContributions: missions.Contributions,
            Engagements: engagements.Engagements,
            EngagementParticipants: engagements.Participants,
            EngagementAttaches: engagements.Attaches,
            EngagementFollowUps: engagements.FollowUps,
            Assessments: exerciseAssessments.Assessments + missionAssessments.Assessments + engagements.Assessments,
            IndicatorScores: exerciseAssessments.Scores + missionAssessments.Scores + engagements.Scores,
            Elapsed: time.GetElapsedTime(started));
        var anchorText = anchor.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        LogGenerated(
            logger, result.Engagements, result.Attaches, result.AttacheReports, result.Exercises, result.Missions, result.Assessments,
            result.TotalRows, result.Elapsed, options.Seed, anchorText);
        return result;
    }

    // Exercises and missions are held in memory only while they are written (in their own method, so
    // the plans can be collected before the engagements stream through).
    private static async Task<(ExerciseCounts Counts, (int Assessments, int Scores) Assessed)> WriteExercisesAsync(
        NpgsqlConnection connection, DemoRun run, AttacheRoster roster, int count, CancellationToken cancellationToken)
    {
        var plans = DemoExercises.Generate(run, roster, count);
        var counts = await DemoExercises.WriteAsync(connection, plans, run, cancellationToken);
        var assessed = await DemoAssessments.WriteAsync(connection, DemoExercises.Assess(run, plans), cancellationToken);
        return (counts, assessed);
    }

    private static async Task<((int Missions, int Contributions) Counts, (int Assessments, int Scores) Assessed)> WriteMissionsAsync(
        NpgsqlConnection connection, DemoRun run, int count, CancellationToken cancellationToken)
    {
        var plans = DemoMissions.Generate(run, count);
        var counts = await DemoMissions.WriteAsync(connection, plans, cancellationToken);
        var assessed = await DemoAssessments.WriteAsync(connection, DemoMissions.Assess(run, plans), cancellationToken);
        return (counts, assessed);
    }

    private static async Task<Dictionary<string, int>> MaxIdsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(MaxIds, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var maxIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < DemoRun.IdentityTables.Count; i++)
        {
            maxIds[DemoRun.IdentityTables[i]] = reader.GetInt32(i);
        }

        return maxIds;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 1800 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: skipped, demo engagements already exist")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: {Written} of {Total} engagements written after {Elapsed}")]
    private static partial void LogProgress(ILogger logger, int written, int total, TimeSpan elapsed);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Demo data: {EngagementCount} engagements, {AttacheCount} attachés with {ReportCount} reports, {ExerciseCount} exercises, "
            + "{MissionCount} missions, {AssessmentCount} assessments ({RowCount} rows) in {Elapsed} (seed {Seed}, anchor {Anchor})")]
    private static partial void LogGenerated(
        ILogger logger, int engagementCount, int attacheCount, int reportCount, int exerciseCount, int missionCount, int assessmentCount,
        long rowCount, TimeSpan elapsed, int seed, string anchor);
}
