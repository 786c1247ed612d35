using DiploPortal.Core.Common;
using DiploPortal.Core.Engagements;
using DiploPortal.Core.Exercises;
using DiploPortal.Core.Missions;

namespace DiploPortal.Core.Assessments;

public enum Indicator
{
    TensionReduction,
    Communication,
    AllianceStrength,
    Interoperability,
    Goodwill,
}

/// <summary>
/// Scored effectiveness indicators for exactly one engagement, exercise or mission,
/// with the evidence and who assessed it when.
/// </summary>
public class Assessment : ClassifiedRecord
{
    public const int MinScore = 1;
    public const int MaxScore = 5;

    public int? EngagementId { get; set; }

    public Engagement? Engagement { get; set; }

    public int? ExerciseId { get; set; }

    public JointExercise? Exercise { get; set; }

    public int? MissionId { get; set; }

    public HumanitarianMission? Mission { get; set; }

    public DateOnly AssessedOn { get; set; }

    public required string AssessedBy { get; set; }

    public string Evidence { get; set; } = "";

    public List<IndicatorScore> Scores { get; set; } = [];
}

/// <summary>One indicator's score, from 1 (no effect) to 5 (strong effect).</summary>
public class IndicatorScore
{
    public int AssessmentId { get; set; }

    public Assessment? Assessment { get; set; }

    public Indicator Indicator { get; set; }

    public int Score { get; set; }
}
