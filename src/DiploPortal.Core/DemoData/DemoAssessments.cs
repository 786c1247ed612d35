using DiploPortal.Core.Assessments;
using DiploPortal.Core.Data;
using DiploPortal.Core.Engagements;
using Npgsql;

namespace DiploPortal.Core.DemoData;

/// <summary>An assessment with its five indicator scores, in <see cref="Indicator"/> order.</summary>
internal sealed record AssessmentRow(
    int Id, int? EngagementId, int? ExerciseId, int? MissionId, DateOnly AssessedOn, string AssessedBy, string Evidence, Marking Marking, int[] Scores);

/// <summary>
/// Effectiveness assessments. Scores follow the subject: a positive engagement scores higher than a
/// negative one, exercises score highest on interoperability, missions on goodwill, hotline calls on
/// tension reduction.
/// </summary>
internal static class DemoAssessments
{
    private const string Columns = "id, engagement_id, exercise_id, mission_id, assessed_on, assessed_by, evidence, " + BinaryCopy.MarkingColumns;
    private const string ScoreColumns = "assessment_id, indicator, score";

    private static readonly Indicator[] Indicators = Enum.GetValues<Indicator>();

    // Indicator order: tension reduction, communication, alliance strength, interoperability, goodwill.
    private static readonly double[] ExerciseBias = [-0.6, 0.1, 0.4, 0.7, 0.1];
    private static readonly double[] MissionBias = [0.0, 0.1, -0.2, 0.2, 0.8];
    private static readonly double[] NoBias = [0, 0, 0, 0, 0];

    public static AssessmentRow Engagement(
        DemoRun run, Random rng, int engagementId, EngagementKind kind, EngagementOutcome outcome, DemoNation lead, DemoNation? host,
        DateOnly assessedOn, Marking subject)
    {
        var baseScore = outcome switch
        {
            EngagementOutcome.Positive => 3.9,
            EngagementOutcome.Neutral => 3.0,
            EngagementOutcome.Inconclusive => 2.6,
            _ => 1.9,
        };
        double[] bias = kind switch
        {
            EngagementKind.CrisisHotlineCall => [0.6, 0.3, -0.3, -0.8, -0.2],
            EngagementKind.StaffTalks => [0.0, 0.3, 0.1, 0.4, 0.0],
            EngagementKind.SeniorLeaderVisit => [0.1, 0.1, 0.3, -0.2, 0.5],
            EngagementKind.PortVisit => [-0.3, 0.0, 0.2, 0.1, 0.6],
            EngagementKind.Conference => [0.0, 0.3, 0.1, -0.5, 0.1],
            EngagementKind.MultilateralNegotiation => [0.2, 0.1, 0.3, -0.2, 0.0],
            _ => NoBias,
        };
        var assessedBy = rng.Next(4) switch
        {
            0 => $"{lead.Name} Joint Staff, J5 Strategy",
            1 when host is not null && host != lead => $"Defence Section, {lead.Name} Embassy in {host.CapitalOrName}",
            2 => $"{lead.Name} Defence Intelligence",
            _ => $"{lead.Name} Ministry of Defence, International Policy",
        };
        return Create(run, rng, engagementId, null, null, assessedOn, assessedBy, baseScore, bias, subject);
    }

    public static AssessmentRow Exercise(DemoRun run, Random rng, int exerciseId, DemoNation lead, DemoAlliance? alliance, DateOnly assessedOn, Marking subject)
    {
        var assessedBy = alliance is not null && rng.Chance(0.5)
            ? $"{alliance.Acronym} lessons learned staff"
            : rng.Chance(0.5) ? $"Joint Lessons Learned Centre, {lead.Name}" : $"{lead.Name} exercise directing staff";
        return Create(run, rng, null, exerciseId, null, assessedOn, assessedBy, 3.6, ExerciseBias, subject);
    }

    public static AssessmentRow Mission(DemoRun run, Random rng, int missionId, DemoNation contributor, DateOnly assessedOn, Marking subject)
    {
        var assessedBy = rng.Chance(0.5)
            ? $"{contributor.Name} humanitarian operations cell"
            : $"{contributor.Name} Joint Operations Command, J9 Civil-Military Cooperation";
        return Create(run, rng, null, null, missionId, assessedOn, assessedBy, 3.7, MissionBias, subject);
    }

    public static async Task<(int Assessments, int Scores)> WriteAsync(
        NpgsqlConnection connection, IReadOnlyList<AssessmentRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return (0, 0);
        }

        ulong assessments;
        await using (var importer = await BinaryCopy.BeginAsync(connection, "assessments", Columns, cancellationToken))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteIntAsync(row.Id, cancellationToken);
                await importer.WriteIntAsync(row.EngagementId, cancellationToken);
                await importer.WriteIntAsync(row.ExerciseId, cancellationToken);
                await importer.WriteIntAsync(row.MissionId, cancellationToken);
                await importer.WriteDateAsync(row.AssessedOn, cancellationToken);
                await importer.WriteTextAsync(row.AssessedBy, cancellationToken);
                await importer.WriteTextAsync(row.Evidence, cancellationToken);
                await importer.WriteMarkingAsync(row.Marking, isDemo: true, cancellationToken);
            }

            assessments = await importer.CompleteAsync(cancellationToken);
        }

        await using var scores = await BinaryCopy.BeginAsync(connection, "indicator_scores", ScoreColumns, cancellationToken);
        foreach (var row in rows)
        {
            for (var i = 0; i < Indicators.Length; i++)
            {
                await scores.StartRowAsync(cancellationToken);
                await scores.WriteIntAsync(row.Id, cancellationToken);
                await scores.WriteEnumAsync(Indicators[i], cancellationToken);
                await scores.WriteIntAsync(row.Scores[i], cancellationToken);
            }
        }

        return ((int)assessments, (int)await scores.CompleteAsync(cancellationToken));
    }

    private static AssessmentRow Create(
        DemoRun run, Random rng, int? engagementId, int? exerciseId, int? missionId, DateOnly assessedOn, string assessedBy,
        double baseScore, double[] bias, Marking subject)
    {
        var overall = baseScore + ((rng.NextDouble() - 0.5) * 1.0);
        var scores = new int[Indicators.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            var score = (int)Math.Round(overall + bias[i] + ((rng.NextDouble() - 0.5) * 1.6), MidpointRounding.AwayFromZero);
            scores[i] = Math.Clamp(score, Assessment.MinScore, Assessment.MaxScore);
        }

        var first = rng.Pick(DemoText.AssessmentSources);
        var second = rng.Pick(DemoText.AssessmentSources);
        var evidence = first == second
            ? $"Based on {first}. {rng.Pick(DemoText.AssessmentFindings)}"
            : $"Based on {first} and {second}. {rng.Pick(DemoText.AssessmentFindings)}";

        // An assessment carries its subject's marking and caveats: it reveals as much as the subject does.
        var stamp = run.Stamp(rng, assessedOn);
        var marking = subject with { CreatedAt = stamp, UpdatedAt = stamp };
        return new AssessmentRow(run.Assessments.Next(), engagementId, exerciseId, missionId, assessedOn, assessedBy, evidence, marking, scores);
    }
}
