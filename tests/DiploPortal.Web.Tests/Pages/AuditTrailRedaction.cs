using System.Net.Http.Json;
using System.Text.Json;
using DiploPortal.Core.Common;
using DiploPortal.Core.Engagements;
using DiploPortal.Core.Security;
using DiploPortal.Web.Tests.Accounts;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Web.Tests.Pages;

/// <summary>
/// The probe's case: an Administrator cleared Unclassified, of another nationality, reads the audit trail
/// (page and API) while it holds a Secret, GBR-only engagement. They see who, when, what action and which
/// kind of record, never its title, summary, key or other values; the British Secret administrator sees all.
/// </summary>
public class AuditTrailRedaction(AccountsPortal portal) : IClassFixture<AccountsPortal>, IAsyncLifetime
{
    private const string Title = "Operation Nightjar audit probe";
    private const string Summary = "Embarkation plan for the Nightjar convoy";

    private int _id;

    public async Task InitializeAsync()
    {
        await using var db = portal.Database.CreateContext();
        if (await db.Engagements.SingleOrDefaultAsync(e => e.Title == Title) is { } existing)
        {
            _id = existing.Id;
            return;
        }

        var gbr = await db.Nations.SingleAsync(n => n.Code == "GBR");
        var engagement = new Engagement
        {
            Title = Title,
            Summary = Summary,
            OccurredOn = new DateOnly(2025, 6, 1),
            Classification = Classification.Secret,
            ReleasableToNations = ["GBR"],
            Participants = [new EngagementParticipant { NationId = gbr.Id, IsLead = true }],
        };
        db.Engagements.Add(engagement);
        await db.SaveChangesAsync();
        _id = engagement.Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ThePageWithholdsTheRecordsValuesFromAnAdministratorWhoMayNotSeeIt()
    {
        var french = await portal.CreateAccountAsync(PortalRole.Administrator, Classification.Unclassified, "FRA");
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, french.UserName!);

        using var record = await client.GetAsync(new Uri($"/engagements/{_id}", UriKind.Relative));
        var html = await client.GetStringAsync(new Uri("/admin/audit", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, record.StatusCode);
        Assert.DoesNotContain("Nightjar", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Embarkation", html, StringComparison.Ordinal);
        Assert.Contains("Withheld: a record you may not see", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePageShowsTheValuesToAnAdministratorWhoMaySeeTheRecord()
    {
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, "admin");

        var html = await client.GetStringAsync(new Uri("/admin/audit", UriKind.Relative));

        Assert.Contains(Title, html, StringComparison.Ordinal);
        Assert.Contains(Summary, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApiWithholdsTheRecordsValuesFromAnAdministratorWhoMayNotSeeIt()
    {
        var french = await portal.CreateAccountAsync(PortalRole.Administrator, Classification.Unclassified, "FRA");
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await ApiTokens.IssueAsync(client, french.UserName!));

        var json = await client.GetStringAsync(new Uri("/api/admin/audit?entityType=Engagement&pageSize=200", UriKind.Relative));
        var byKey = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/admin/audit?entityType=Engagement&entityId={_id}", UriKind.Relative));

        Assert.DoesNotContain("Nightjar", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Embarkation", json, StringComparison.Ordinal);
        using var page = JsonDocument.Parse(json);
        var redacted = page.RootElement.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("redacted").GetBoolean()).ToList();
        Assert.NotEmpty(redacted);
        Assert.All(redacted, item =>
        {
            Assert.Equal("Engagement", item.GetProperty("entityType").GetString());
            Assert.Equal(JsonValueKind.Null, item.GetProperty("entityKey").ValueKind);
            Assert.Equal(0, item.GetProperty("values").GetArrayLength());
            Assert.Equal("system", item.GetProperty("actor").GetString());
            Assert.Equal("Created", item.GetProperty("action").GetString());
        });
        Assert.Equal(0, byKey.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task TheApiShowsTheValuesToAnAdministratorWhoMaySeeTheRecord()
    {
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await ApiTokens.IssueAsync(client, "admin"));

        var json = await client.GetStringAsync(new Uri($"/api/admin/audit?entityType=Engagement&entityId={_id}", UriKind.Relative));

        Assert.Contains(Title, json, StringComparison.Ordinal);
        Assert.Contains("\"redacted\":false", json, StringComparison.Ordinal);
    }
}
