using DiploPortal.Core.Exercises.Deconfliction;
using static DiploPortal.Core.Tests.Exercises.Deconfliction.DeconflictionRuleCases;

namespace DiploPortal.Core.Tests.Exercises.Deconfliction;

/// <summary>A nation's exercise overlapping a humanitarian mission it contributes to: a warning (<see cref="DeconflictionRules.OverlappingMissions"/>).</summary>
public class MissionOverlapRule
{
    [Fact]
    public void WarnsForAMissionOnTheSameDaysThatAParticipantContributesTo()
    {
        var mission = new ScheduledMission(9, "Türkiye earthquake relief", March(1), March(12), ["USA", "DEU"]);

        var conflict = Assert.Single(DeconflictionRules.OverlappingMissions(Candidate(10, 20), [mission]));

        Assert.Equal(ConflictSeverity.Warning, conflict.Severity);
        Assert.Equal(ConflictKind.OverlapsHumanitarianMission, conflict.Kind);
        Assert.Equal(["USA"], conflict.NationCodes);
        Assert.Equal([9], conflict.MissionIds);
        Assert.Equal("USA also contributes to the humanitarian mission Türkiye earthquake relief (2027-03-01 to 2027-03-12).", conflict.Message);
    }

    [Fact]
    public void CountsAnActiveMissionWithoutAnEndAsOngoing()
    {
        var conflict = Assert.Single(DeconflictionRules.OverlappingMissions(Candidate(10, 20), [new ScheduledMission(9, "Flood relief", new DateOnly(2026, 1, 1), null, ["NOR", "USA"])]));

        Assert.Equal("NOR, USA also contribute to the humanitarian mission Flood relief (2026-01-01 to ongoing).", conflict.Message);
    }

    [Fact]
    public void IgnoresMissionsOnOtherDaysOrOfOtherNations()
    {
        var missions = new[]
        {
            new ScheduledMission(1, "Ended before", March(1), March(9), ["USA"]),
            new ScheduledMission(2, "Starts after", March(21), null, ["USA"]),
            new ScheduledMission(3, "Other nations", March(10), March(20), ["FRA"]),
        };

        Assert.Empty(DeconflictionRules.OverlappingMissions(Candidate(10, 20), missions));
    }
}
