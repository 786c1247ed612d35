using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using DiploPortal.Core.Security;
using DiploPortal.Web.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DiploPortal.Web.Tests.Accounts;

/// <summary>
/// A record released to an alliance reaches nationals of its full members on the day, not of observers or
/// partners, and a membership change reaches sessions already open (cookies and circuits) within the refresh
/// interval: a minute in the portal, a second here.
/// </summary>
public sealed class ReleasabilityToAlliances(AccountsPortal portal) : IClassFixture<AccountsPortal>, IAsyncLifetime
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(1);

    private readonly string _title = $"SCO-only consultations {Guid.NewGuid():N}"[..40];

    public async Task InitializeAsync() => await portal.Database.ExecuteAsync($$"""
        INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, releasable_to_nations, releasable_to_alliances, is_demo)
        VALUES ('{{_title}}', 'StaffTalks', 'FaceToFace', CURRENT_DATE, '', 'Pending', 'Restricted', '{}', '{SCO}', false)
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AnObserversNationalDoesNotSeeARecordReleasedOnlyToTheAlliance()
    {
        var mongolian = await portal.CreateAccountAsync(PortalRole.Analyst, Classification.Secret, "MNG");
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, mongolian.UserName!);

        Assert.DoesNotContain(_title, await client.GetStringAsync(new Uri("/engagements", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(_title, await client.GetStringAsync(new Uri("/api/engagements", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFullMembersNationalSeesIt()
    {
        var kazakh = await portal.CreateAccountAsync(PortalRole.Analyst, Classification.Secret, "KAZ");
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, kazakh.UserName!);

        Assert.Contains(_title, await client.GetStringAsync(new Uri("/engagements", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMembershipAddedOrEndedReachesASignedInBrowserWithinTheRefreshInterval()
    {
        await using var portalWithShortRefresh = ShortRefresh();
        var turkmen = await portal.CreateAccountAsync(PortalRole.Analyst, Classification.Secret, "TKM");
        using var client = portalWithShortRefresh.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await AccountsPortal.SignInAsync(client, turkmen.UserName!);
        async Task<bool> SeesItAsync() => (await client.GetStringAsync(new Uri("/api/engagements", UriKind.Relative))).Contains(_title, StringComparison.Ordinal);
        var before = await SeesItAsync();

        // Written as another portal instance would: nothing in this process is told.
        await JoinScoAsync("TKM");
        var afterJoining = await WithinAsync(SeesItAsync, expected: true);
        await LeaveScoAsync("TKM");
        var afterLeaving = await WithinAsync(SeesItAsync, expected: false);

        Assert.False(before);
        Assert.True(afterJoining, "The new member's national did not see the record within the refresh interval.");
        Assert.True(afterLeaving, "The former member's national still saw the record after the refresh interval.");
    }

    [Fact]
    public async Task AMembershipAddedOrEndedReachesAnOpenCircuitWithinTheRefreshInterval()
    {
        await using var portalWithShortRefresh = ShortRefresh();
        var turkmen = await portal.CreateAccountAsync(PortalRole.Analyst, Classification.Secret, "TKM");
        // A circuit keeps one scope and one principal for as long as the tab is open.
        await using var circuit = portalWithShortRefresh.Services.CreateAsyncScope();
        var principal = await circuit.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(turkmen);
        circuit.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { User = principal };
        var contexts = circuit.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        async Task<bool> SeesItAsync()
        {
            await using var db = await contexts.CreateDbContextAsync();
            return await db.Engagements.AnyAsync(e => e.Title == _title);
        }

        var before = await SeesItAsync();
        await JoinScoAsync("TKM");
        var afterJoining = await WithinAsync(SeesItAsync, expected: true);
        await LeaveScoAsync("TKM");
        var afterLeaving = await WithinAsync(SeesItAsync, expected: false);

        Assert.False(before);
        Assert.True(afterJoining, "The open circuit did not see the record within the refresh interval.");
        Assert.True(afterLeaving, "The open circuit still saw the record after the refresh interval.");
    }

    private WebApplicationFactory<Program> ShortRefresh() =>
        portal.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.Configure<ReleasabilityOptions>(options => options.Refresh = Refresh)));

    private Task<int> JoinScoAsync(string nation) => portal.Database.ExecuteAsync($"""
        INSERT INTO alliance_memberships (alliance_id, nation_id, role, joined_on)
        SELECT a.id, n.id, 'Member', CURRENT_DATE - 1 FROM alliances a, nations n WHERE a.acronym = 'SCO' AND n.code = '{nation}'
        """);

    private Task<int> LeaveScoAsync(string nation) => portal.Database.ExecuteAsync($"""
        DELETE FROM alliance_memberships m USING alliances a, nations n
        WHERE m.alliance_id = a.id AND m.nation_id = n.id AND a.acronym = 'SCO' AND n.code = '{nation}'
        """);

    /// <summary>Whether <paramref name="check"/> gives <paramref name="expected"/> within a few refresh intervals.</summary>
    private static async Task<bool> WithinAsync(Func<Task<bool>> check, bool expected)
    {
        var until = DateTime.UtcNow + (5 * Refresh);
        while (true)
        {
            if (await check() == expected)
            {
                return true;
            }

            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(200);
        }
    }
}
