namespace DiploPortal.Core.Exercises;

/// <summary>Which day of the exercise a milestone's lead time counts from.</summary>
public enum MilestoneAnchor
{
    FirstDay,
    LastDay,
}

/// <summary>
/// The standard lead time of one kind of milestone: reference data an administrator changes (audited), from which
/// <see cref="MilestonePlan.Propose"/> proposes an exercise's milestones.
/// </summary>
public class MilestoneLeadTime
{
    public MilestoneKind Kind { get; set; }

    public MilestoneAnchor CountsFrom { get; set; }

    /// <summary>Days after the anchor day; negative for before.</summary>
    public int Days { get; set; }

    public uint Version { get; set; }

    /// <summary>
    /// The portal's defaults. An assumption, not a cited standard: the usual rhythm of a large multinational exercise's
    /// planning (concept a year ahead, initial, main and final planning conferences at about nine, six and two months,
    /// the review a month after the end), the same figures the demo data uses.
    /// </summary>
    public static IReadOnlyList<MilestoneLeadTime> Defaults { get; } =
    [
        new() { Kind = MilestoneKind.ConceptDevelopment, CountsFrom = MilestoneAnchor.FirstDay, Days = -365 },
        new() { Kind = MilestoneKind.InitialPlanningConference, CountsFrom = MilestoneAnchor.FirstDay, Days = -270 },
        new() { Kind = MilestoneKind.MainPlanningConference, CountsFrom = MilestoneAnchor.FirstDay, Days = -180 },
        new() { Kind = MilestoneKind.FinalPlanningConference, CountsFrom = MilestoneAnchor.FirstDay, Days = -60 },
        new() { Kind = MilestoneKind.Execution, CountsFrom = MilestoneAnchor.FirstDay, Days = 0 },
        new() { Kind = MilestoneKind.AfterActionReview, CountsFrom = MilestoneAnchor.LastDay, Days = 30 },
    ];
}
