using DiploPortal.Core.Alliances;

namespace DiploPortal.Core.Tests.Alliances;

public class MembershipPeriods
{
    private static readonly AllianceMembership Uzbekistan = new()
    {
        JoinedOn = new DateOnly(2006, 8, 16),
        LeftOn = new DateOnly(2012, 12, 19),
        SuspendedFrom = new DateOnly(2012, 6, 28),
    };

    [Fact]
    public void CountsTheDayOfJoiningAsMembership() => Assert.True(Uzbekistan.IsMemberOn(new DateOnly(2006, 8, 16)));

    [Fact]
    public void DoesNotCountTheDayBeforeJoining() => Assert.False(Uzbekistan.IsMemberOn(new DateOnly(2006, 8, 15)));

    [Fact]
    public void TreatsTheLeavingDayAsTheFirstDayOutside() => Assert.False(Uzbekistan.IsMemberOn(new DateOnly(2012, 12, 19)));

    [Fact]
    public void KeepsASuspendedNationAMember()
    {
        var day = new DateOnly(2012, 9, 1);

        Assert.True(Uzbekistan.IsMemberOn(day));
        Assert.True(Uzbekistan.IsSuspendedOn(day));
    }

    [Fact]
    public void TreatsAnOpenPeriodAsCurrent() =>
        Assert.True(new AllianceMembership { JoinedOn = new DateOnly(2024, 3, 7) }.IsMemberOn(new DateOnly(2100, 1, 1)));
}
