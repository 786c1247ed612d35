using DiploPortal.Core.Common;
using DiploPortal.Web.Components.Shared;

namespace DiploPortal.Web.Tests.Components;

/// <summary>A date is shown only as far as it is known: never an invented 1st (ADR 0007).</summary>
public class DatesShownAsFarAsKnown
{
    [Theory]
    [InlineData(DatePrecision.Day, "16 May 1980")]
    [InlineData(DatePrecision.Month, "May 1980")]
    [InlineData(DatePrecision.Year, "1980")]
    public void ADateShowsItsPrecision(DatePrecision precision, string shown) =>
        Assert.Equal(shown, PortalText.Date(new DateOnly(1980, 5, 16), precision));

    [Fact]
    public void AMonthPeriodIsShownOnceAndAMixedPeriodWithBothEnds()
    {
        Assert.Equal("May 1980", PortalText.Period(new DateOnly(1980, 5, 1), DatePrecision.Month, new DateOnly(1980, 5, 31), DatePrecision.Month));
        Assert.Equal("14 May 1980 – May 1980", PortalText.Period(new DateOnly(1980, 5, 14), DatePrecision.Day, new DateOnly(1980, 5, 31), DatePrecision.Month));
        Assert.Equal("May 1980 – Jun 1980", PortalText.Period(new DateOnly(1980, 5, 1), DatePrecision.Month, new DateOnly(1980, 6, 30), DatePrecision.Month));
        Assert.Equal("14 May 1980 – 21 May 1980", PortalText.Period(new DateOnly(1980, 5, 14), DatePrecision.Day, new DateOnly(1980, 5, 21), DatePrecision.Day));
    }
}
