using System.Net;
using DiploPortal.Core.Common;
using DiploPortal.Core.Engagements;
using DiploPortal.Core.Security;
using DiploPortal.Web.Tests.Accounts;

namespace DiploPortal.Web.Tests.Pages;

/// <summary>The administrators' list of downgrades applies the visibility rule: values only for records the reader may see.</summary>
public class DowngradeListRendering(AccountsPortal portal) : IClassFixture<AccountsPortal>, IAsyncLifetime
{
    private static readonly CurrentUser AmericanStaff = new("us-staff", Classification.Secret, "USA", ["NATO", "FVEY"]);

    private int _seen;
    private int _hidden;

    public async Task InitializeAsync()
    {
        _seen = await DowngradeAsync("Channel talks", ["GBR", "USA"], [], "Cleared for the coalition");
        _hidden = await DowngradeAsync("Potomac talks", ["USA"], ["USA"], "Hidden reason words");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ShowsTheMarkingsAndReasonOfARecordTheAdministratorMaySee()
    {
        var html = await AsAsync("admin", "/admin/downgrades");

        Assert.Contains($"href=\"/engagements/{_seen}\"", html, StringComparison.Ordinal);
        Assert.Contains("Secret, releasable to GBR, USA", html, StringComparison.Ordinal);
        Assert.Contains("Restricted, no caveat", html, StringComparison.Ordinal);
        Assert.Contains("Cleared for the coalition", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowsOnlyWhoWhenAndWhichKindForARecordTheAdministratorMayNotSee()
    {
        var html = await AsAsync("admin", "/admin/downgrades");

        Assert.Contains("not visible to you", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/engagements/{_hidden}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden reason words", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Potomac", html, StringComparison.Ordinal);
        Assert.Contains("us-staff", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IsLinkedFromTheAdministrationOverview()
    {
        Assert.Contains("href=\"/admin/downgrades\"", await AsAsync("admin", "/admin"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("staff")]
    [InlineData("analyst")]
    public async Task IsClosedToAnyoneButAdministrators(string userName)
    {
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, userName);

        using var response = await client.GetAsync(new Uri("/admin/downgrades", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("You do not have access to this page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A Secret engagement, releasable to <paramref name="before"/>, lowered to Restricted with <paramref name="after"/>.</summary>
    private async Task<int> DowngradeAsync(string title, List<string> before, List<string> after, string reason)
    {
        var editor = new EngagementEditor(portal.Database.FactoryFor(AmericanStaff), TimeProvider.System);
        var created = await editor.CreateAsync(new EngagementForm
        {
            Title = title,
            Kind = EngagementKind.StaffTalks,
            Channel = CommunicationChannel.FaceToFace,
            OccurredOn = new DateOnly(2025, 3, 4),
            Summary = "Talks.",
            Participants = ["USA"],
            Classification = Classification.Secret,
            ReleasableToNations = before,
        });
        var id = created.Id!.Value;
        var form = (await editor.ReadAsync(id))!;
        form.Classification = Classification.Restricted;
        form.ReleasableToNations = after;
        form.DowngradeReason = reason;
        Assert.Equal(SaveStatus.Saved, (await editor.UpdateAsync(id, form)).Status);
        return id;
    }

    private async Task<string> AsAsync(string userName, string path)
    {
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, userName);
        return await client.GetStringAsync(new Uri(path, UriKind.Relative));
    }
}
