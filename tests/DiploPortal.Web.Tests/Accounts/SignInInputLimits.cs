using System.Net;
using DiploPortal.Web.Accounts;
using DiploPortal.Web.Tests.Hosting;

namespace DiploPortal.Web.Tests.Accounts;

/// <summary>
/// A user name no account can have (100,000 characters, or one with a control character) gets the answer
/// of a wrong password, from the page and the token endpoint, and leaves at most a short, cleaned copy of
/// itself in the append-only trail: it used to be stored twice in full, or to fail with a 500.
/// </summary>
public class SignInInputLimits(AccountsPortal portal) : IClassFixture<AccountsPortal>
{
    [Fact]
    public async Task AnswersAnOverlongUserNameOnThePageLikeAWrongPassword()
    {
        var userName = "probe-page-" + new string('x', 100_000);
        using var client = portal.CreateBrowserClient();

        using var response = await AccountsPortal.PostSignInAsync(client, userName, "whatever-it-is");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The user name or password is not correct.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertTrailKeepsAShortCopyAsync("probe-page-");
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(SignInLimits.MaxUserNameLength + 1)]
    public async Task AnswersAnOverlongUserNameOnTheApiLikeAWrongPassword(int length)
    {
        var userName = ("probe-api-" + Guid.NewGuid().ToString("N") + new string('y', length)).Substring(0, length);
        using var client = portal.CreateClient();
        using var content = BadInput.JsonContent(new { userName, password = "whatever-it-is" });

        using var response = await client.PostAsync(new Uri("/api/auth/token", UriKind.Relative), content);

        var problem = await BadInput.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("The user name or password is not correct.", problem.GetProperty("detail").GetString());
        await AssertTrailKeepsAShortCopyAsync(userName[..20]);
    }

    [Fact]
    public async Task AnswersAnOverlongPasswordLikeAWrongOne()
    {
        using var client = portal.CreateClient();
        using var content = BadInput.JsonContent(new { userName = "analyst", password = new string('p', 100_000) });

        using var response = await client.PostAsync(new Uri("/api/auth/token", UriKind.Relative), content);

        await BadInput.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RefusesANulInTheSignInFormWithABadRequest()
    {
        using var client = portal.CreateBrowserClient();

        using var response = await AccountsPortal.PostSignInAsync(client, "adm\0in", "whatever-it-is");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("NUL character", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE actor LIKE 'adm%in' AND actor <> 'admin'"));
    }

    [Fact]
    public void KeepsAShortCleanedCopyOfARefusedName()
    {
        Assert.Equal("ab", SignInLimits.ForAudit("a\0b"));
        Assert.Equal(new string('z', SignInLimits.AuditedUserNameLength) + "…", SignInLimits.ForAudit(new string('z', 500)));
        Assert.Equal("", SignInLimits.ForAudit(null));
    }

    private async Task AssertTrailKeepsAShortCopyAsync(string prefix)
    {
        var escaped = prefix.Replace("'", "''", StringComparison.Ordinal);
        var entries = await portal.Database.ScalarAsync<long>($"SELECT count(*) FROM audit_entries WHERE actor LIKE '{escaped}%'");
        var longest = await portal.Database.ScalarAsync<int>(
            $"SELECT coalesce(max(greatest(length(actor), length(coalesce(entity_key, '')), length(coalesce(after::text, '')))), 0) FROM audit_entries WHERE actor LIKE '{escaped}%'");
        Assert.Equal(1, entries);
        Assert.InRange(longest, 1, 300);
    }
}
