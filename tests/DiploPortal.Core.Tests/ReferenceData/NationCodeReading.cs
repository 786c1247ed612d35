using DiploPortal.Core.ReferenceData;

namespace DiploPortal.Core.Tests.ReferenceData;

/// <summary>
/// Nation codes in addresses: an alpha-2 code reads as its alpha-3, a former state's four letters stand,
/// and a code no nation has is unknown (nation=ZZZZ used to be an empty list, not an answer).
/// </summary>
public class NationCodeReading
{
    [Theory]
    [InlineData("FRA", "FRA")]
    [InlineData("fr", "FRA")]
    [InlineData(" de ", "DEU")]
    [InlineData("SUHH", "SUHH")]
    public void ReadsAKnownCodeAsThePortalsCode(string given, string expected) => Assert.Equal(expected, NationCodes.Resolve(given));

    [Theory]
    [InlineData("ZZZZ")]
    [InlineData("XX")]
    [InlineData("")]
    public void KnowsNoNationByAnUnknownCode(string given) => Assert.Null(NationCodes.Resolve(given));
}
