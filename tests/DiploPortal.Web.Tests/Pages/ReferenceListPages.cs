using System.Net;
using DiploPortal.Core.Common;
using DiploPortal.Web.Tests.Accounts;

namespace DiploPortal.Web.Tests.Pages;

/// <summary>The nation and alliance lists: filters read from the address, pages, and their exports.</summary>
public class ReferenceListPages(AccountsPortal portal) : IClassFixture<AccountsPortal>
{
    [Fact]
    public async Task TheNationListTakesItsFiltersFromTheAddressAndPages()
    {
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, "analyst");

        var nato = await client.GetStringAsync(new Uri("/nations?alliance=NATO&sort=CodeAscending", UriKind.Relative));
        Assert.Contains("Finland", nato, StringComparison.Ordinal);
        Assert.DoesNotContain("Austria", nato, StringComparison.Ordinal);
        Assert.Contains("32 nations match", nato, StringComparison.Ordinal);

        // All nations fill several pages: the first links to the next, which carries the filters.
        var first = await client.GetStringAsync(new Uri("/nations?status=Current", UriKind.Relative));
        Assert.Contains("rel=\"next\"", first, StringComparison.Ordinal);
        Assert.Contains("/nations?status=Current&amp;after=", first, StringComparison.Ordinal);

        var unreadable = await client.GetStringAsync(new Uri("/nations?status=Imaginary", UriKind.Relative));
        Assert.Contains("could not be read", unreadable, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAllianceListFiltersByMemberAndExportsWhatItShows()
    {
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, "staff");

        var page = await client.GetStringAsync(new Uri("/alliances?member=FRA", UriKind.Relative));
        Assert.Contains("NATO", page, StringComparison.Ordinal);
        Assert.DoesNotContain("AUKUS", page, StringComparison.Ordinal);

        var csv = CsvReader.Read(new StringReader(await client.GetStringAsync(new Uri("/alliances/export.csv?member=FRA", UriKind.Relative)))).ToList();
        Assert.Equal("# DiploPortal alliances export", csv[0][0]);
        Assert.Contains(csv, line => line[0] == "# Filters: member: FRA; sort: AcronymAscending");
        var header = csv.FindIndex(line => line[0] == "acronym");
        var rows = csv.Skip(header + 1).ToList();
        Assert.Contains(rows, row => row[0] == "NATO" && row[^1].Split(';').Contains("FRA"));
        Assert.DoesNotContain(rows, row => row[0] == "AUKUS");

        using var xlsx = await client.GetAsync(new Uri("/alliances/export.xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var bad = await client.GetAsync(new Uri("/nations/export.csv?status=Imaginary", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True(await portal.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'Exported' AND entity_type = 'Alliance'") >= 2);
    }

    [Fact]
    public async Task AdministratorsEditAlliancesAndOthersSeeNoEditButton()
    {
        using var admin = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(admin, "admin");
        using var staff = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(staff, "staff");

        var editor = await admin.GetStringAsync(new Uri("/alliances/NATO/edit", UriKind.Relative));
        Assert.Contains("Membership periods", editor, StringComparison.Ordinal);
        Assert.Contains("Remove member 1", editor, StringComparison.Ordinal);
        Assert.Contains("/alliances/NATO/edit", await admin.GetStringAsync(new Uri("/alliances/NATO", UriKind.Relative)), StringComparison.Ordinal);

        Assert.DoesNotContain("/alliances/NATO/edit", await staff.GetStringAsync(new Uri("/alliances/NATO", UriKind.Relative)), StringComparison.Ordinal);
        using var refused = await staff.GetAsync(new Uri("/alliances/NATO/edit", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain("Membership periods", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var missing = await admin.GetAsync(new Uri("/alliances/NOPE/edit", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
