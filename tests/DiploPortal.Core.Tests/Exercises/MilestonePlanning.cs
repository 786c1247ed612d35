using DiploPortal.Core.Exercises;

namespace DiploPortal.Core.Tests.Exercises;

/// <summary>Milestones proposed from the dates and lead times, and moved with the exercise, without a database.</summary>
public class MilestonePlanning
{
    private static readonly DateOnly Start = new(2027, 5, 10);
    private static readonly DateOnly End = new(2027, 5, 21);

    [Fact]
    public void ProposesTheSixMilestonesFromTheStandardLeadTimes()
    {
        var proposed = MilestonePlan.Propose(Start, End, MilestoneLeadTime.Defaults);

        Assert.Equal(
            [
                (MilestoneKind.ConceptDevelopment, new DateOnly(2026, 5, 10)),
                (MilestoneKind.InitialPlanningConference, new DateOnly(2026, 8, 13)),
                (MilestoneKind.MainPlanningConference, new DateOnly(2026, 11, 11)),
                (MilestoneKind.FinalPlanningConference, new DateOnly(2027, 3, 11)),
                (MilestoneKind.Execution, Start),
                (MilestoneKind.AfterActionReview, new DateOnly(2027, 6, 20)),
            ],
            proposed.Select(m => (m.Kind, m.PlannedOn!.Value)));
        Assert.All(proposed, m => Assert.Null(m.CompletedOn));
    }

    [Fact]
    public void ProposesFromTheLeadTimesAnAdministratorSet()
    {
        var leadTimes = new[]
        {
            new MilestoneLeadTime { Kind = MilestoneKind.AfterActionReview, CountsFrom = MilestoneAnchor.FirstDay, Days = 7 },
            new MilestoneLeadTime { Kind = MilestoneKind.MainPlanningConference, CountsFrom = MilestoneAnchor.LastDay, Days = -100 },
        };

        var proposed = MilestonePlan.Propose(Start, End, leadTimes);

        Assert.Equal([(MilestoneKind.MainPlanningConference, End.AddDays(-100)), (MilestoneKind.AfterActionReview, Start.AddDays(7))], proposed.Select(m => (m.Kind, m.PlannedOn!.Value)));
    }

    [Fact]
    public void MovesThePlannedDaysAndKeepsWhatHappened()
    {
        var milestones = new[]
        {
            new ExerciseMilestoneForm { Kind = MilestoneKind.ConceptDevelopment, PlannedOn = new DateOnly(2026, 5, 10), CompletedOn = new DateOnly(2026, 5, 11), Notes = "Agreed." },
            new ExerciseMilestoneForm { Kind = MilestoneKind.Execution, PlannedOn = Start },
        };

        var moved = MilestonePlan.Shift(milestones, 14);

        Assert.Equal([new DateOnly(2026, 5, 24), Start.AddDays(14)], moved.Select(m => m.PlannedOn!.Value));
        Assert.Equal(new DateOnly(2026, 5, 11), moved[0].CompletedOn);
        Assert.Equal("Agreed.", moved[0].Notes);
        Assert.Equal(new DateOnly(2026, 5, 10), milestones[0].PlannedOn);
    }

    [Fact]
    public void MovesBackwardsToo() =>
        Assert.Equal([Start.AddDays(-3)], MilestonePlan.Shift([new ExerciseMilestoneForm { Kind = MilestoneKind.Execution, PlannedOn = Start }], -3).Select(m => m.PlannedOn!.Value));
}
