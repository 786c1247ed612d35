namespace DiploPortal.Web.Tests.Accounts;

/// <summary>The signed-in user's clearance and nationality decide what the pages show.</summary>
public class SeeingRecords(AccountsPortal portal) : IClassFixture<AccountsPortal>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.Database.ExecuteAsync("""
        INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, releasable_to_nations, releasable_to_alliances, is_demo) VALUES
          ('Operation Nightjar talks', 'StaffTalks', 'SecureDigitalPlatform', CURRENT_DATE, '', 'Pending', 'Secret', '{}', '{}', false),
          ('Restricted liaison meeting', 'StaffTalks', 'FaceToFace', CURRENT_DATE, '', 'Pending', 'Restricted', '{}', '{}', false),
          ('Five Eyes only briefing', 'StaffTalks', 'FaceToFace', CURRENT_DATE, '', 'Pending', 'Restricted', '{}', '{FVEY}', false)
        ON CONFLICT DO NOTHING
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ASecretClearedAmericanSeesSecretAndFiveEyesRecords()
    {
        var page = await EngagementsAs("analyst");

        Assert.Contains("Operation Nightjar talks", page, StringComparison.Ordinal);
        Assert.Contains("Five Eyes only briefing", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARestrictedFrenchAnalystSeesNeitherSecretNorFiveEyesRecords()
    {
        var page = await EngagementsAs("analyst-restricted");

        Assert.Contains("Restricted liaison meeting", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Operation Nightjar", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Five Eyes only briefing", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnonymousVisitorSeesNoRecordsAndIsSentToSignIn()
    {
        using var client = portal.CreateBrowserClient();

        using var response = await client.GetAsync(new Uri("/engagements", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("Restricted liaison meeting", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<string> EngagementsAs(string userName)
    {
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, userName);
        return await client.GetStringAsync(new Uri("/engagements", UriKind.Relative));
    }
}
