using DiploPortal.Core.Exercises.Deconfliction;
using static DiploPortal.Core.Tests.Exercises.Deconfliction.DeconflictionRuleCases;

namespace DiploPortal.Core.Tests.Exercises.Deconfliction;

/// <summary>A nation committed beyond its capacity on one day: a warning (<see cref="DeconflictionRules.OverCapacity"/>).</summary>
public class CapacityRule
{
    [Fact]
    public void WarnsWhenTheSumOverExercisesOnTheSameDayExceedsTheCapacity()
    {
        var candidate = Candidate(10, 20, id: 1, forces: [Forces("USA", 6000)]);

        var conflict = Assert.Single(DeconflictionRules.OverCapacity(candidate, [Other(2, "Cobra Gold", 15, 30, null, Forces("USA", 5000))], [Capacity("USA", 10_000)]));

        Assert.Equal(ConflictKind.OverCapacity, conflict.Kind);
        Assert.Equal(ConflictSeverity.Warning, conflict.Severity);
        Assert.Equal(["USA"], conflict.NationCodes);
        Assert.Equal([1, 2], conflict.ExerciseIds);
        Assert.Equal("USA is over its capacity on 2027-03-15 (this exercise with Cobra Gold): 11,000 personnel committed, capacity 10,000.", conflict.Message);
    }

    [Fact]
    public void CountsPerDaySoExercisesThatDoNotMeetEachOtherDoNotAddUp()
    {
        // Both overlap the candidate, but not each other: on no day are all three running.
        var others = new[] { Other(2, "Early", 1, 12, null, Forces("USA", 4000)), Other(3, "Late", 18, 30, null, Forces("USA", 4000)) };

        Assert.Empty(DeconflictionRules.OverCapacity(Candidate(10, 20, forces: [Forces("USA", 5000)]), others, [Capacity("USA", 10_000)]));
    }

    [Fact]
    public void ChecksShipsAndAircraftAndSaysWhenTheCapacityIsAnAssumption()
    {
        var candidate = Candidate(10, 20, forces: [Forces("NOR", 100, ships: 4, aircraft: 30)]);

        var conflict = Assert.Single(DeconflictionRules.OverCapacity(candidate, [Other(2, "Dynamic Mongoose", 10, 12, null, Forces("NOR", 0, ships: 3, aircraft: 30))], [Capacity("NOR", 10_000, ships: 5, aircraft: 50, assumption: true)]));

        Assert.Equal("NOR is over an assumed capacity on 2027-03-10 (this exercise with Dynamic Mongoose): 7 ships committed, capacity 5; 60 aircraft committed, capacity 50.", conflict.Message);
    }

    [Fact]
    public void WarnsWhenOneExerciseAloneExceedsTheCapacityAndIgnoresNationsWithout()
    {
        var candidate = Candidate(10, 20, forces: [Forces("USA", 12_000), Forces("NOR", 99_000)]);

        var conflict = Assert.Single(DeconflictionRules.OverCapacity(candidate, [], [Capacity("USA", 10_000)]));

        Assert.StartsWith("USA is over its capacity on 2027-03-10 (this exercise alone)", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StaysQuietAtExactlyTheCapacity() =>
        Assert.Empty(DeconflictionRules.OverCapacity(Candidate(10, 20, forces: [Forces("USA", 6000)]), [Other(2, "Other", 10, 20, null, Forces("USA", 4000))], [Capacity("USA", 10_000)]));
}
