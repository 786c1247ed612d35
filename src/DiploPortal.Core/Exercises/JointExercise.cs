using DiploPortal.Core.Alliances;
using DiploPortal.Core.Attaches;
using DiploPortal.Core.Common;
using DiploPortal.Core.Nations;

namespace DiploPortal.Core.Exercises;

public enum ExerciseKind
{
    LiveFire,
    CommandPost,
    Field,
    Naval,
    Air,
    Amphibious,
    Cyber,
    Humanitarian,
    Peacekeeping,
    SearchAndRescue,
}

public enum ExerciseStatus
{
    Proposed,
    Planning,
    Approved,
    InExecution,
    Completed,
    Cancelled,
}

/// <summary>Two or more nations training together.</summary>
public class JointExercise : ClassifiedRecord, ISearchable
{
    /// <summary>
    /// A shadow property: the exercise's days as a date range the database computes, with a GiST index, read with
    /// <c>EF.Property&lt;NpgsqlRange&lt;DateOnly&gt;&gt;(e, DaysProperty).Overlaps(...)</c> (ExerciseDeconfliction).
    /// </summary>
    public const string DaysProperty = "Days";

    public NpgsqlTypes.NpgsqlTsVector? SearchVector { get; private set; }

    public required string Name { get; set; }

    /// <summary>The recurring series an exercise belongs to (RIMPAC, Cobra Gold...), if any.</summary>
    public string? SeriesName { get; set; }

    public ExerciseKind Kind { get; set; }

    public ExerciseStatus Status { get; set; }

    public int HostNationId { get; set; }

    public Nation? HostNation { get; set; }

    public string? Location { get; set; }

    /// <summary>The training area used, if any (deconfliction: one area, one exercise a day).</summary>
    public int? TrainingAreaId { get; set; }

    public Deconfliction.TrainingArea? TrainingArea { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    /// <summary>The lead nation; at most one of lead nation and lead alliance is set.</summary>
    public int? LeadNationId { get; set; }

    public Nation? LeadNation { get; set; }

    public int? LeadAllianceId { get; set; }

    public Alliance? LeadAlliance { get; set; }

    public string? Objectives { get; set; }

    public string? Scenario { get; set; }

    public List<ExerciseParticipant> Participants { get; set; } = [];

    public List<ExerciseMilestone> Milestones { get; set; } = [];

    public List<ExerciseObservation> Observations { get; set; } = [];

    public List<ExerciseLiaison> Liaisons { get; set; } = [];

    /// <summary>Warnings a planner overrode with a reason when saving (deconfliction).</summary>
    public List<Deconfliction.ExerciseConflictOverride> ConflictOverrides { get; set; } = [];
}

public enum ExerciseRole
{
    Host,
    Participant,
    Observer,
}

/// <summary>A nation's part in an exercise and the forces it commits.</summary>
public class ExerciseParticipant
{
    /// <summary>
    /// A shadow property: the exercise's first day, a copy the database keeps (see ExerciseConfiguration),
    /// read with <c>EF.Property&lt;DateOnly&gt;(p, StartsOnProperty)</c> by queries that want a nation's exercises by date.
    /// </summary>
    public const string StartsOnProperty = "StartsOn";

    public int ExerciseId { get; set; }

    public JointExercise? Exercise { get; set; }

    public int NationId { get; set; }

    public Nation? Nation { get; set; }

    public ExerciseRole Role { get; set; }

    public int Personnel { get; set; }

    public int Units { get; set; }

    public int Ships { get; set; }

    public int Aircraft { get; set; }
}

public enum MilestoneKind
{
    ConceptDevelopment,
    InitialPlanningConference,
    MainPlanningConference,
    FinalPlanningConference,
    Execution,
    AfterActionReview,
}

/// <summary>A step of exercise planning, from concept development to the after-action review.</summary>
public class ExerciseMilestone
{
    public int Id { get; set; }

    public int ExerciseId { get; set; }

    public JointExercise? Exercise { get; set; }

    public MilestoneKind Kind { get; set; }

    public DateOnly PlannedOn { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public string? Notes { get; set; }

    public uint Version { get; set; }
}

/// <summary>An after-action observation and the lesson drawn from it.</summary>
public class ExerciseObservation
{
    public int Id { get; set; }

    public int ExerciseId { get; set; }

    public JointExercise? Exercise { get; set; }

    public required string Observation { get; set; }

    public string? Lesson { get; set; }

    public DateOnly RecordedOn { get; set; }

    public uint Version { get; set; }
}

/// <summary>An attaché acting as liaison for an exercise.</summary>
public class ExerciseLiaison
{
    public int ExerciseId { get; set; }

    public JointExercise? Exercise { get; set; }

    public int AttacheId { get; set; }

    public MilitaryAttache? Attache { get; set; }
}
