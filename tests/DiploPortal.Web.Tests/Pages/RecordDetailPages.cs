using System.Net;
using DiploPortal.Web.Tests.Accounts;

namespace DiploPortal.Web.Tests.Pages;

/// <summary>
/// The attaché, exercise and mission pages: shown to those cleared, 404 like a missing record to the
/// others; and their lists narrowed to one nation, as the nation page links to them.
/// </summary>
public class RecordDetailPages(AccountsPortal portal) : IClassFixture<AccountsPortal>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.Database.ExecuteAsync("""
        INSERT INTO attaches (full_name, rank, service, post, sending_nation_id, host_nation_id, posted_from, classification, is_demo)
        SELECT 'Col. Covert', 'Colonel', 'Army', 'Defence', (SELECT id FROM nations WHERE code = 'USA'), (SELECT id FROM nations WHERE code = 'JPN'), '2024-01-01', 'Secret', false
        WHERE NOT EXISTS (SELECT 1 FROM attaches WHERE full_name = 'Col. Covert');
        INSERT INTO exercises (name, kind, status, host_nation_id, starts_on, ends_on, classification, is_demo)
        SELECT 'Exercise Quiet Harbour', 'LiveFire', 'Planning', (SELECT id FROM nations WHERE code = 'NOR'), '2026-03-01', '2026-03-10', 'Secret', false
        WHERE NOT EXISTS (SELECT 1 FROM exercises WHERE name = 'Exercise Quiet Harbour');
        INSERT INTO missions (name, kind, crisis, affected_nation_id, starts_on, people_assisted, summary, classification, is_demo)
        SELECT 'Operation Still Water', 'DisasterRelief', 'Earthquake', (SELECT id FROM nations WHERE code = 'TUR'), '2023-02-07', 1200, 'Relief after the earthquake', 'Secret', false
        WHERE NOT EXISTS (SELECT 1 FROM missions WHERE name = 'Operation Still Water');
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("attaches", "full_name = 'Col. Covert'", "Col. Covert")]
    [InlineData("exercises", "name = 'Exercise Quiet Harbour'", "Exercise Quiet Harbour")]
    [InlineData("missions", "name = 'Operation Still Water'", "Operation Still Water")]
    public async Task ShowsTheRecordToThoseClearedAndAnswers404ToOthers(string table, string where, string name)
    {
        var id = await portal.Database.ScalarAsync<int>($"SELECT id FROM {table} WHERE {where}");
        using var cleared = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(cleared, "analyst");
        using var restricted = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(restricted, "analyst-restricted");

        var page = await cleared.GetStringAsync(new Uri($"/{table}/{id}", UriKind.Relative));
        using var hidden = await restricted.GetAsync(new Uri($"/{table}/{id}", UriKind.Relative));
        using var missing = await cleared.GetAsync(new Uri($"/{table}/999999", UriKind.Relative));

        Assert.Contains(name, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.DoesNotContain(name, await hidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("attaches", "JPN", "FRA", "Col. Covert")]
    [InlineData("exercises", "NOR", "FRA", "Exercise Quiet Harbour")]
    [InlineData("missions", "tur", "GBR", "Operation Still Water")]
    public async Task NarrowsTheListToOneNation(string list, string involved, string other, string name)
    {
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, "analyst");

        var narrowed = await client.GetStringAsync(new Uri($"/{list}?nation={involved}", UriKind.Relative));
        var elsewhere = await client.GetStringAsync(new Uri($"/{list}?nation={other}", UriKind.Relative));

        Assert.Contains(name, narrowed, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"nation-filter\"", narrowed, StringComparison.Ordinal);
        Assert.DoesNotContain(name, elsewhere, StringComparison.Ordinal);
    }
}
