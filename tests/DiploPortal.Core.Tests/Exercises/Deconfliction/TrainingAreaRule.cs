using DiploPortal.Core.Exercises.Deconfliction;
using static DiploPortal.Core.Tests.Exercises.Deconfliction.DeconflictionRuleCases;

namespace DiploPortal.Core.Tests.Exercises.Deconfliction;

/// <summary>The same training area used by overlapping exercises: a hard conflict (<see cref="DeconflictionRules.SameTrainingArea"/>).</summary>
public class TrainingAreaRule
{
    [Fact]
    public void ReportsAnotherExerciseInTheSameAreaOnOverlappingDaysAsHard()
    {
        var conflict = Assert.Single(DeconflictionRules.SameTrainingArea(Candidate(10, 20, area: 7, id: 1), [Other(2, "Cold Response", 20, 25, area: 7)]));

        Assert.Equal(ConflictKind.TrainingAreaDoubleBooked, conflict.Kind);
        Assert.Equal(ConflictSeverity.Hard, conflict.Severity);
        Assert.Equal([1, 2], conflict.ExerciseIds);
        Assert.Equal("The training area is already booked by Cold Response from 2027-03-20 to 2027-03-25, on days of this exercise.", conflict.Message);
    }

    [Fact]
    public void IgnoresTheSameAreaOnOtherDaysAndOtherAreasOnTheSameDays()
    {
        var others = new[] { Other(2, "Before", 1, 9, area: 7), Other(3, "After", 21, 30, area: 7), Other(4, "Elsewhere", 10, 20, area: 8), Other(5, "No area", 10, 20) };

        Assert.Empty(DeconflictionRules.SameTrainingArea(Candidate(10, 20, area: 7), others));
    }

    [Fact]
    public void NeverComparesAnExerciseWithItselfOrChecksWithoutAnArea()
    {
        Assert.Empty(DeconflictionRules.SameTrainingArea(Candidate(10, 20, area: 7, id: 2), [Other(2, "Itself", 10, 20, area: 7)]));
        Assert.Empty(DeconflictionRules.SameTrainingArea(Candidate(10, 20), [Other(2, "Any", 10, 20, area: 7)]));
    }
}
