using DiploPortal.Core.Common;

namespace DiploPortal.Core.Exercises;

/// <summary>
/// A joint exercise as a planner edits it: nations by alpha-3 code, alliances by acronym, and the
/// <see cref="Version"/> it was read at, with its milestones and the liaison attachés by id. Observations are not part of it.
/// </summary>
public sealed class ExerciseForm : IMarkedForm
{
    public const int NameMaxLength = 200;
    public const int SeriesMaxLength = 120;
    public const int LocationMaxLength = 200;
    public const int TextMaxLength = 8000;
    public const int LiaisonsMax = 20;

    public string Name { get; set; } = "";

    public string? SeriesName { get; set; }

    public ExerciseKind Kind { get; set; }

    /// <summary>The status as read: not edited here (a transition changes it, <see cref="ExerciseTransitions"/>); the dates are checked against it.</summary>
    public ExerciseStatus Status { get; set; }

    /// <summary>The day <see cref="Status"/> was set, as read.</summary>
    public DateOnly StatusSetOn { get; set; }

    public string? HostNation { get; set; }

    public string? Location { get; set; }

    /// <summary>The training area used (any nation's), if any.</summary>
    public int? TrainingAreaId { get; set; }

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    /// <summary>At most one of <see cref="LeadNation"/> and <see cref="LeadAlliance"/>.</summary>
    public string? LeadNation { get; set; }

    public string? LeadAlliance { get; set; }

    public string? Objectives { get; set; }

    public string? Scenario { get; set; }

    /// <summary>The nations taking part; the host is one of them, with the role Host.</summary>
    public List<ExerciseParticipantForm> Participants { get; set; } = [];

    /// <summary>The planning milestones, at most one of each kind.</summary>
    public List<ExerciseMilestoneForm> Milestones { get; set; } = [];
    /// <summary>The liaison attachés by id: each one the planner may see, no repeats, at most <see cref="LiaisonsMax"/>.</summary>
    public List<int> LiaisonAttacheIds { get; set; } = [];

    public Classification Classification { get; set; }

    public List<string> ReleasableToNations { get; set; } = [];

    public List<string> ReleasableToAlliances { get; set; } = [];

    /// <summary>Why a save lowers the marking or widens releasability (MarkingRules.CheckDowngrade).</summary>
    public string? DowngradeReason { get; set; }

    /// <summary>Why the exercise is saved despite the deconfliction warnings (hard conflicts cannot be overridden); audited.</summary>
    public string? OverrideReason { get; set; }

    /// <summary>The field under which the deconfliction check reports the conflicts that stop a save.</summary>
    public const string ConflictsField = "Conflicts";

    /// <summary>The row version (xmin) the form was read at; 0 for a new exercise.</summary>
    public uint Version { get; set; }
}

/// <summary>One nation's part in an exercise and the forces it commits.</summary>
public sealed record ExerciseParticipantForm
{
    public string Nation { get; set; } = "";

    public ExerciseRole Role { get; set; } = ExerciseRole.Participant;

    public int Personnel { get; set; }

    public int Units { get; set; }

    public int Ships { get; set; }

    public int Aircraft { get; set; }
}

/// <summary>One planning milestone of an exercise as a planner edits it.</summary>
public sealed record ExerciseMilestoneForm
{
    public const int NotesMaxLength = 2000;

    public MilestoneKind Kind { get; set; }

    public DateOnly? PlannedOn { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public string? Notes { get; set; }
}
