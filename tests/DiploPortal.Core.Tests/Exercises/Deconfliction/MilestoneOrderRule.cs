using DiploPortal.Core.Exercises;
using DiploPortal.Core.Exercises.Deconfliction;
using static DiploPortal.Core.Tests.Exercises.Deconfliction.DeconflictionRuleCases;

namespace DiploPortal.Core.Tests.Exercises.Deconfliction;

/// <summary>Milestones out of order or after execution starts: hard conflicts (<see cref="DeconflictionRules.MilestonesOutOfOrder"/>).</summary>
public class MilestoneOrderRule
{
    private static ScheduledMilestone Milestone(MilestoneKind kind, DateOnly on) => new(kind, on);

    [Fact]
    public void AcceptsTheSixMilestonesInTheirOrder()
    {
        var milestones = new[]
        {
            Milestone(MilestoneKind.ConceptDevelopment, new DateOnly(2026, 3, 1)),
            Milestone(MilestoneKind.InitialPlanningConference, new DateOnly(2026, 6, 1)),
            Milestone(MilestoneKind.MainPlanningConference, new DateOnly(2026, 10, 1)),
            Milestone(MilestoneKind.FinalPlanningConference, new DateOnly(2027, 1, 15)),
            Milestone(MilestoneKind.Execution, March(10)),
            Milestone(MilestoneKind.AfterActionReview, new DateOnly(2027, 4, 20)),
        };

        Assert.Empty(DeconflictionRules.MilestonesOutOfOrder(Candidate(10, 20, milestones: milestones)));
    }

    [Fact]
    public void ReportsAConferenceBeforeTheOneItFollowsAsHard()
    {
        var milestones = new[]
        {
            Milestone(MilestoneKind.InitialPlanningConference, new DateOnly(2026, 9, 1)),
            Milestone(MilestoneKind.MainPlanningConference, new DateOnly(2026, 6, 1)),
        };

        var conflict = Assert.Single(DeconflictionRules.MilestonesOutOfOrder(Candidate(10, 20, id: 4, milestones: milestones)));

        Assert.Equal(ConflictSeverity.Hard, conflict.Severity);
        Assert.Equal(ConflictKind.MilestonesOutOfOrder, conflict.Kind);
        Assert.Equal([4], conflict.ExerciseIds);
        Assert.Equal("The main planning conference (2026-06-01) comes before the initial planning conference (2026-09-01).", conflict.Message);
    }

    [Fact]
    public void ReportsAPlanningMilestoneAfterExecutionStarts()
    {
        var conflict = Assert.Single(DeconflictionRules.MilestonesOutOfOrder(Candidate(10, 20, milestones: [Milestone(MilestoneKind.FinalPlanningConference, March(12))])));

        Assert.Equal("The final planning conference (2027-03-12) is after execution starts (2027-03-10).", conflict.Message);
    }

    [Fact]
    public void ReportsAnAfterActionReviewBeforeTheExerciseEnds()
    {
        var conflict = Assert.Single(DeconflictionRules.MilestonesOutOfOrder(Candidate(10, 20, milestones: [Milestone(MilestoneKind.AfterActionReview, March(15))])));

        Assert.Equal("The after-action review (2027-03-15) is before the exercise ends (2027-03-20).", conflict.Message);
    }
}
