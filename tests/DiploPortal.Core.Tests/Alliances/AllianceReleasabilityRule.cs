using DiploPortal.Core.Alliances;
using DiploPortal.TestSupport;

namespace DiploPortal.Core.Tests.Alliances;

/// <summary>Who receives what is released to an alliance: full members on the day, against the reference data.</summary>
public sealed class AllianceReleasabilityRule : IAsyncLifetime
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestPostgres.CreateWithReferenceDataAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public void GivesAFullMembersNationalsTheAlliance() => Assert.Contains("SCO", AlliancesOf("KAZ", Today));

    [Fact]
    public void GivesAnObserversNationalsNothingOfTheAlliance() => Assert.DoesNotContain("SCO", AlliancesOf("MNG", Today));

    [Fact]
    public async Task GivesAPartnersNationalsNothingOfTheAlliance()
    {
        // The reference data has no partners today: Turkmenistan becomes one of the SCO for this test.
        await _database.ExecuteAsync("""
            INSERT INTO alliance_memberships (alliance_id, nation_id, role, joined_on)
            SELECT a.id, n.id, 'Partner', DATE '2020-01-01' FROM alliances a, nations n WHERE a.acronym = 'SCO' AND n.code = 'TKM'
            """);

        Assert.DoesNotContain("SCO", AlliancesOf("TKM", Today));
    }

    [Fact]
    public void GivesASuspendedMembersNationalsNothingWhileTheSuspensionLasts()
    {
        Assert.DoesNotContain("CSTO", AlliancesOf("ARM", Today));
        Assert.Contains("CSTO", AlliancesOf("ARM", new DateOnly(2023, 1, 1)));
    }

    [Fact]
    public void CountsOnlyTheDaysOfTheMembershipPeriod()
    {
        Assert.Contains("CSTO", AlliancesOf("UZB", new DateOnly(2008, 1, 1)));
        Assert.DoesNotContain("CSTO", AlliancesOf("UZB", new DateOnly(2013, 1, 1)));
    }

    private IReadOnlyList<string> AlliancesOf(string nation, DateOnly day)
    {
        using var db = _database.CreateContext();
        return AllianceReleasability.AlliancesOf(db, nation, day, TimeSpan.Zero);
    }
}
