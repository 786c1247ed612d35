using DiploPortal.Core.Missions;

namespace DiploPortal.Core.Exercises.Deconfliction;

/// <summary>
/// A planner saved an exercise despite a warning, with a reason: one row per warning and other record involved,
/// written in the save of the exercise, so the audit trail records who, when, which warning and why.
/// </summary>
/// <remarks>
/// The row names the other exercise or mission by foreign key and holds no names or messages: the audit trail
/// shows an entry about a row only to readers who may see every classified record it refers to, so a warning
/// about a Secret exercise never reaches a reader who may see only the exercise that was saved.
/// </remarks>
public class ExerciseConflictOverride
{
    public const int ReasonMaxLength = 1000;

    public long Id { get; set; }

    public int ExerciseId { get; set; }

    public JointExercise? Exercise { get; set; }

    public ConflictKind Kind { get; set; }

    /// <summary>The nations the warning was about (alpha-3 codes).</summary>
    public List<string> NationCodes { get; set; } = [];

    /// <summary>The other exercise the warning involved, if any (a capacity warning with several has a row for each).</summary>
    public int? RelatedExerciseId { get; set; }

    public JointExercise? RelatedExercise { get; set; }

    public int? RelatedMissionId { get; set; }

    public HumanitarianMission? RelatedMission { get; set; }

    public required string Reason { get; set; }

    public DateTime OverriddenAt { get; set; }

    /// <summary>The rows recording that <paramref name="warnings"/> of exercise <paramref name="exerciseId"/> (0 while new) were overridden.</summary>
    public static IEnumerable<ExerciseConflictOverride> For(int? exerciseId, IEnumerable<ExerciseConflict> warnings, string reason, DateTime now) =>
        warnings.SelectMany(w =>
        {
            var others = w.Exercises.Where(e => e.Id != exerciseId).Select(e => (int?)e.Id).ToList();
            var related = others.Count == 0 ? [null] : others;
            var missions = w.MissionIds.Count == 0 ? [null] : w.MissionIds.Select(id => (int?)id).ToList();
            return related.SelectMany(_ => missions, (exercise, mission) => new ExerciseConflictOverride
            {
                Kind = w.Kind,
                NationCodes = [.. w.NationCodes],
                RelatedExerciseId = exercise,
                RelatedMissionId = mission,
                Reason = reason,
                OverriddenAt = now,
            });
        });
}
