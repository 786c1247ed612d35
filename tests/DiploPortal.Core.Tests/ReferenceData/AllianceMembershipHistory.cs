using DiploPortal.Core.Alliances;
using DiploPortal.TestSupport;

namespace DiploPortal.Core.Tests.ReferenceData;

/// <summary>Membership on given days matches history, read through the query the portal and the API use.</summary>
public class AllianceMembershipHistory : IAsyncLifetime
{
    private static readonly string[] NatoFounders = ["BEL", "CAN", "DNK", "FRA", "GBR", "ISL", "ITA", "LUX", "NLD", "NOR", "PRT", "USA"];

    private TestDatabase _database = null!;
    private AllianceQueries _alliances = null!;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateWithReferenceDataAsync();
        _alliances = new AllianceQueries(_database.Factory, TimeProvider.System);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task NatoHadItsTwelveFoundersIn1950()
    {
        var members = await MemberCodes("NATO", new DateOnly(1950, 1, 1));

        Assert.Equal(NatoFounders, members);
    }

    [Theory]
    [InlineData("1949-08-23", 0)]
    [InlineData("1952-02-17", 12)]
    [InlineData("1952-02-18", 14)]
    [InlineData("1955-05-06", 15)]
    [InlineData("1982-05-30", 16)]
    [InlineData("1999-03-12", 19)]
    [InlineData("2004-03-29", 26)]
    [InlineData("2009-04-01", 28)]
    [InlineData("2017-06-05", 29)]
    [InlineData("2020-03-27", 30)]
    [InlineData("2023-04-04", 31)]
    [InlineData("2024-03-07", 32)]
    public async Task NatoGrewAsHistoryRecords(string day, int expected)
    {
        var members = await MemberCodes("NATO", DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, members.Count);
    }

    [Fact]
    public async Task FinlandJoinedNatoBeforeSweden()
    {
        var onTheDayBeforeFinland = await MemberCodes("NATO", new DateOnly(2023, 4, 3));
        var in2023 = await MemberCodes("NATO", new DateOnly(2023, 12, 31));

        Assert.DoesNotContain("FIN", onTheDayBeforeFinland);
        Assert.Contains("FIN", in2023);
        Assert.DoesNotContain("SWE", in2023);
    }

    [Fact]
    public async Task FranceStayedInNatoAfterLeavingTheIntegratedCommand()
    {
        Assert.Contains("FRA", await MemberCodes("NATO", new DateOnly(1970, 1, 1)));
    }

    [Fact]
    public async Task UzbekistanLeftTheCstoTwice()
    {
        Assert.Contains("UZB", await MemberCodes("CSTO", new DateOnly(1995, 1, 1)));
        Assert.DoesNotContain("UZB", await MemberCodes("CSTO", new DateOnly(2000, 1, 1)));
        Assert.Contains("UZB", await MemberCodes("CSTO", new DateOnly(2008, 1, 1)));
        Assert.DoesNotContain("UZB", await MemberCodes("CSTO", new DateOnly(2015, 1, 1)));
    }

    [Fact]
    public async Task TheGulfCooperationCouncilHasSixMembers()
    {
        Assert.Equal(["ARE", "BHR", "KWT", "OMN", "QAT", "SAU"], await MemberCodes("GCC", new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public async Task AnswersNullForAnUnknownAlliance()
    {
        Assert.Null(await _alliances.MembersOnAsync("NOPE", new DateOnly(2000, 1, 1)));
    }

    private async Task<List<string>> MemberCodes(string acronym, DateOnly day)
    {
        var members = await _alliances.MembersOnAsync(acronym, day) ?? throw new InvalidOperationException($"No alliance {acronym}");
        return members.Select(m => m.NationCode).Order(StringComparer.Ordinal).ToList();
    }
}
