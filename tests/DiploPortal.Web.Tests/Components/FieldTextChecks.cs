using DiploPortal.Core.Common;
using DiploPortal.Core.Nations;
using DiploPortal.Web.Components.Shared;

namespace DiploPortal.Web.Tests.Components;

/// <summary>What a bounded text field and a nation picker say before the save, in plain C#.</summary>
public class FieldTextChecks
{
    private static readonly NationSummary[] Nations =
    [
        new("FRA", "FR", "FRA", "France", "Europe", null, "Paris", null, null),
        new("NOR", "NO", "NOR", "Norway", "Europe", null, "Oslo", null, null),
        new("GNQ", "GQ", "GNQ", "Equatorial Guinea", "Africa", null, "Malabo", null, null),
    ];

    [Fact]
    public void TextWithinTheLimitHasNothingToSay()
    {
        Assert.Null(TextLimit.Problem(null, 200));
        Assert.Null(TextLimit.Problem(new string('a', 200), 200));
        Assert.Null(TextLimit.Problem(new string('a', 200) + "   ", 200));
    }

    [Fact]
    public void OverLongTextIsNamedInTheServersWords()
    {
        Assert.Equal("Keep this to 200 characters; it has 5,000.", TextLimit.Problem(new string('a', 5000), 200));
        Assert.Equal(FormRules.NulMessage, TextLimit.Problem("a\0b", 200));
    }

    [Fact]
    public void TextAtTheBoxBoundSaysThatThePasteWasCut()
    {
        Assert.Equal(20_000, TextLimit.BoxLimit(200));
        Assert.Equal(25_000, TextLimit.BoxLimit(20_000));
        Assert.Equal(
            "Keep this to 200 characters; it has 20,000. The box takes at most 20,000 characters; the rest of what was pasted was left out.",
            TextLimit.Problem(new string('a', 20_000), 200));
    }

    [Fact]
    public void APickerFindsNationsByPartOfTheNameTheCodeOrTheShownText()
    {
        Assert.Equal(["FRA"], NationMatches.Find(Nations, "fran", []).Select(n => n.Code));
        Assert.Equal(["NOR"], NationMatches.Find(Nations, " nor ", []).Select(n => n.Code));
        Assert.Equal(["NOR"], NationMatches.Find(Nations, "Norway (NOR)", []).Select(n => n.Code));
        Assert.Empty(NationMatches.Find(Nations, "Atlantis", []));
        Assert.Equal(["FRA", "GNQ"], NationMatches.Find(Nations, "", ["NOR"]).Select(n => n.Code));
        Assert.Equal("Norway (NOR)", NationMatches.NameOf(Nations, "NOR"));
        Assert.Equal("XYZ", NationMatches.NameOf(Nations, "XYZ"));
    }

    [Fact]
    public void APickerOffersTheLikeliestNationsFirst()
    {
        NationSummary[] nations =
        [
            new("DDR", "DD", "DDR", "East Germany", "Europe", null, "Berlin", null, null),
            new("DEU", "DE", "DEU", "Germany", "Europe", null, "Berlin", null, null),
            new("LBN", "LB", "LBN", "Lebanon", "Asia", null, "Beirut", null, null),
            new("NOR", "NO", "NOR", "Norway", "Europe", null, "Oslo", null, null),
        ];

        Assert.Equal(["DEU", "DDR"], NationMatches.Find(nations, "germany", []).Select(n => n.Code));
        Assert.Equal(["DEU", "DDR"], NationMatches.Find(nations, "Germ", []).Select(n => n.Code));
        Assert.Equal(["NOR", "LBN"], NationMatches.Find(nations, "no", []).Select(n => n.Code));
    }

    [Fact]
    public void APickFromOffersOfAShorterPrefixTakesTheNationTheTypedTextNames()
    {
        NationSummary[] nations =
        [
            new("DDR", "DD", "DDR", "East Germany", "Europe", null, "Berlin", null, null),
            new("SWE", "SE", "SWE", "Sweden", "Europe", null, "Stockholm", null, null),
        ];

        Assert.Equal("SWE", NationMatches.Meant(nations, "Swe", "DDR", []));
        Assert.Equal("DDR", NationMatches.Meant(nations, "east", "DDR", []));
        Assert.Equal("DDR", NationMatches.Meant(nations, "", "DDR", []));
        Assert.Null(NationMatches.Meant(nations, "Atlantis", "DDR", []));
        Assert.True(NationMatches.IsShownName(nations, "Sweden (SWE)"));
        Assert.False(NationMatches.IsShownName(nations, "Swe"));
    }
}
