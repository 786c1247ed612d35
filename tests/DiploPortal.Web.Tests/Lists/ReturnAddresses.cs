using DiploPortal.Web.Lists;

namespace DiploPortal.Web.Tests.Lists;

/// <summary>
/// The list a record was opened from rides along in the record's address (?back=) and comes back only as an
/// address of that same list on this site: never another site, never another page.
/// </summary>
public class ReturnAddresses
{
    private const string List = "/engagements";

    [Theory]
    [InlineData("/engagements")]
    [InlineData("/engagements?nation=FRA&kind=PortVisit")]
    [InlineData("/engagements?q=%22exact%20phrase%22&after=MjAyNS0wMS0wMQ.5")]
    public void TakesBackAnAddressOfTheSameList(string back) =>
        Assert.Equal(back, ReturnAddress.ListOr(back, List));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("//evil.example")]
    [InlineData("//evil.example/engagements")]
    [InlineData("https://evil.example/engagements?nation=FRA")]
    [InlineData("http://localhost/engagements")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/\\evil.example")]
    [InlineData("/engagements/../admin")]
    [InlineData("/engagements/12")]
    [InlineData("/engagementsX")]
    [InlineData("/Engagements")]
    [InlineData("/exercises?nation=FRA")]
    [InlineData("/admin/accounts")]
    [InlineData("engagements?nation=FRA")]
    [InlineData("/engagements?q=a\\b")]
    [InlineData("/engagements?q=a\0b")]
    [InlineData("/engagements?q=a\nb")]
    [InlineData("/engagements#top")]
    public void RefusesAnythingElseAndReturnsThePlainList(string? back) =>
        Assert.Equal(List, ReturnAddress.ListOr(back, List));

    [Fact]
    public void RefusesAnOverlongAddress() =>
        Assert.Equal(List, ReturnAddress.ListOr(List + "?q=" + new string('a', 2_100), List));

    [Fact]
    public void FallsBackToTheGivenAddressWhenRefused() =>
        Assert.Equal("/attaches/reports?attache=7", ReturnAddress.ListOr("//evil.example", "/attaches/reports", "/attaches/reports?attache=7"));

    [Fact]
    public void CarriesAFilteredListIntoTheRecordsAddressEscaped() =>
        Assert.Equal("/engagements/12?back=%2Fengagements%3Fnation%3DFRA%26kind%3DPortVisit",
            ReturnAddress.Carry("/engagements/12", "/engagements?nation=FRA&kind=PortVisit", List));

    [Theory]
    [InlineData(null)]
    [InlineData("/engagements")]
    [InlineData("//evil.example")]
    [InlineData("/exercises?nation=FRA")]
    public void CarriesNothingForThePlainListOrARefusedOne(string? back) =>
        Assert.Equal("/engagements/12/edit", ReturnAddress.Carry("/engagements/12/edit", back, List));
}
