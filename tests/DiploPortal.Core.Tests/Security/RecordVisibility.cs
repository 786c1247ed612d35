using DiploPortal.Core.Common;
using DiploPortal.Core.Engagements;
using DiploPortal.Core.Security;

namespace DiploPortal.Core.Tests.Security;

/// <summary>The visibility rule in plain C#: clearance first, then releasability caveats.</summary>
public class RecordVisibility
{
    private static readonly CurrentUser RestrictedFrench = new("analyst", Classification.Restricted, "FRA", ["NATO"]);
    private static readonly CurrentUser SecretJapanese = new("planner", Classification.Secret, "JPN", []);

    [Fact]
    public void HidesARecordAboveTheUsersClearance() =>
        Assert.False(RestrictedFrench.CanSee(Record(Classification.Confidential)));

    [Fact]
    public void ShowsARecordAtOrBelowTheUsersClearance()
    {
        Assert.True(RestrictedFrench.CanSee(Record(Classification.Restricted)));
        Assert.True(RestrictedFrench.CanSee(Record(Classification.Unclassified)));
    }

    [Fact]
    public void ShowsACaveatedRecordToANationalOfANamedNation() =>
        Assert.True(SecretJapanese.CanSee(Record(Classification.Secret, nations: ["JPN", "USA"])));

    [Fact]
    public void ShowsACaveatedRecordToANationalOfAMemberOfANamedAlliance() =>
        Assert.True(RestrictedFrench.CanSee(Record(Classification.Restricted, alliances: ["NATO"])));

    [Fact]
    public void HidesACaveatedRecordFromEveryoneElseWhateverTheirClearance() =>
        Assert.False(SecretJapanese.CanSee(Record(Classification.Unclassified, nations: ["USA"], alliances: ["NATO"])));

    [Fact]
    public void LetsTheSystemSeeEverything() =>
        Assert.True(CurrentUser.System.CanSee(Record(Classification.Secret, nations: ["USA"])));

    private static Engagement Record(Classification level, List<string>? nations = null, List<string>? alliances = null) => new()
    {
        Title = "Staff talks",
        Classification = level,
        ReleasableToNations = nations ?? [],
        ReleasableToAlliances = alliances ?? [],
    };
}
