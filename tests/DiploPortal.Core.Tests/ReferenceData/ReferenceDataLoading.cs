using DiploPortal.Core.ReferenceData;
using DiploPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiploPortal.Core.Tests.ReferenceData;

public class ReferenceDataLoading
{
    private const string RowVersions = """
        SELECT (SELECT count(*) FROM nations) || ':' || (SELECT count(*) FROM alliances) || ':' || (SELECT count(*) FROM alliance_memberships) || ':' ||
               (SELECT string_agg(xmin::text, ',' ORDER BY id) FROM nations) || ':' ||
               (SELECT string_agg(xmin::text, ',' ORDER BY id) FROM alliances) || ':' ||
               (SELECT string_agg(xmin::text, ',' ORDER BY id) FROM alliance_memberships)
        """;

    [Fact]
    public async Task LoadsEveryIsoCountryAndTheFormerStatesIntoAnEmptyDatabase()
    {
        await using var database = await TestPostgres.CreateEmptyAsync();
        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync();
        }

        var changes = await Loader(database).LoadAsync();

        await using var check = database.CreateContext();
        Assert.Equal(249, await check.Nations.CountAsync(n => n.ExistedUntil == null));
        Assert.True(await check.Nations.CountAsync(n => n.ExistedUntil != null) >= 6);
        Assert.Equal(await check.Nations.CountAsync(), changes.NationsAdded);
        Assert.Equal(await check.AllianceMemberships.CountAsync(), changes.MembershipsAdded);
    }

    [Fact]
    public async Task ChangesNothingWhenRunTwice()
    {
        await using var database = await TestPostgres.CreateWithReferenceDataAsync();
        var before = await database.ScalarAsync<string>(RowVersions);

        var changes = await Loader(database).LoadAsync();

        Assert.True(changes.IsEmpty, $"A second load changed {changes}");
        // xmin changes on every write: equal row versions prove that not one row was rewritten.
        Assert.Equal(before, await database.ScalarAsync<string>(RowVersions));
    }

    [Fact]
    public async Task RestoresAValueSomeoneChangedByHand()
    {
        await using var database = await TestPostgres.CreateWithReferenceDataAsync();
        await database.ExecuteAsync("UPDATE alliance_memberships SET joined_on = '1950-01-01' WHERE nation_id = (SELECT id FROM nations WHERE code = 'SWE')");

        var changes = await Loader(database).LoadAsync();

        Assert.Equal(1, changes.MembershipsAdded);
        Assert.Equal(1, changes.MembershipsRemoved);
        var joined = await database.ScalarAsync<DateOnly>("SELECT joined_on FROM alliance_memberships WHERE nation_id = (SELECT id FROM nations WHERE code = 'SWE')");
        Assert.Equal(new DateOnly(2024, 3, 7), joined);
    }

    [Fact]
    public async Task KeepsFormerStatesWithTheDatesTheyExisted()
    {
        await using var database = await TestPostgres.CreateWithReferenceDataAsync();
        await using var db = database.CreateContext();

        var soviet = await db.Nations.SingleAsync(n => n.Code == "SUHH");
        var eastGermany = await db.Nations.SingleAsync(n => n.Code == "DDDE");

        Assert.Equal(("SU", "SUN"), (soviet.Iso2, soviet.Iso3));
        Assert.Equal(new DateOnly(1991, 12, 26), soviet.ExistedUntil);
        Assert.Contains("RUS", soviet.Successors);
        Assert.Equal(new DateOnly(1990, 10, 3), eastGermany.ExistedUntil);
        Assert.Equal(["DEU"], eastGermany.Successors);
        Assert.True(await db.Nations.AnyAsync(n => n.Code == "YUCS"));
        Assert.True(await db.Nations.AnyAsync(n => n.Code == "CSHH"));
    }

    [Fact]
    public async Task NamesTheSourceOfEveryMembership()
    {
        await using var database = await TestPostgres.CreateWithReferenceDataAsync();
        await using var db = database.CreateContext();

        Assert.False(await db.AllianceMemberships.AnyAsync(m => m.Source == null || m.Source == ""));
        Assert.False(await db.Alliances.AnyAsync(a => a.Source == null || a.Source == ""));
    }

    [Theory]
    [InlineData("NATO")]
    [InlineData("CSTO")]
    [InlineData("SCO")]
    [InlineData("ANZUS")]
    [InlineData("AUKUS")]
    [InlineData("GCC")]
    [InlineData("TIAR")]
    [InlineData("FVEY")]
    public async Task HoldsTheRequiredAlliancesWithTheirMembers(string acronym)
    {
        await using var database = await TestPostgres.CreateWithReferenceDataAsync();
        await using var db = database.CreateContext();

        var members = await db.AllianceMemberships.CountAsync(m => m.Alliance!.Acronym == acronym);

        Assert.True(members >= 3, $"{acronym} has {members} members");
    }

    private static ReferenceDataLoader Loader(TestDatabase database) =>
        new(database.Factory, NullLogger<ReferenceDataLoader>.Instance);
}
