using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DiploPortal.Core.Audit;
using DiploPortal.Core.Common;
using DiploPortal.Core.Security;
using DiploPortal.Web.Tests.Accounts;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Web.Tests.Api;

/// <summary>
/// The account administration API: administrators only, the same rules and audit as the pages, field names in
/// validation problems, If-Match on changes, and bounded, NUL-free input refused before the database.
/// </summary>
public sealed class AccountAdministrationApiAnswers(AccountsPortal portal) : IClassFixture<AccountsPortal>, IAsyncLifetime
{
    private const string Password = "a long enough api password";

    private readonly HttpClient _admin = portal.CreateClient();

    public async Task InitializeAsync() =>
        _admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiTokens.IssueAsync(_admin, "admin"));

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task CreatesAnAccountAndAnswersWithItsAddressAndETag()
    {
        var userName = Unique("api-new");

        using var created = await _admin.PostAsJsonAsync(new Uri("/api/admin/accounts", UriKind.Relative), new
        {
            userName,
            displayName = "Made by a script",
            password = Password,
            role = "analyst",
            clearance = "Confidential",
            nationality = "gbr",
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/admin/accounts/{userName}", created.Headers.Location?.ToString());
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Analyst", "Confidential", "GBR", false), (body.GetProperty("role").GetString(), body.GetProperty("clearance").GetString(), body.GetProperty("nationality").GetString(), body.GetProperty("locked").GetBoolean()));
        using var read = await _admin.GetAsync(new Uri($"/api/admin/accounts/{userName}", UriKind.Relative));
        Assert.Equal(created.Headers.ETag, read.Headers.ETag);
        Assert.Equal($"\"{body.GetProperty("concurrencyStamp").GetString()}\"", read.Headers.ETag?.Tag);
        var entry = Assert.Single(await PermissionChangesAsync(userName));
        Assert.Equal("admin", entry.Actor);
    }

    [Fact]
    public async Task RefusesAClearanceAboveTheAdministratorsOwnBesideTheClearanceField()
    {
        var restricted = await portal.CreateAccountAsync(PortalRole.Administrator, Classification.Restricted, "GBR");
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiTokens.IssueAsync(client, restricted.UserName!));
        var userName = Unique("api-secret");

        using var response = await client.PostAsJsonAsync(new Uri("/api/admin/accounts", UriKind.Relative), new
        {
            userName,
            displayName = "Too high",
            password = Password,
            role = "Analyst",
            clearance = "Secret",
            nationality = "GBR",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("at most Restricted", errors.GetProperty("clearance")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync(new Uri($"/api/admin/accounts/{userName}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task AnswersUnacceptableFieldsWithTheirNamesAndRefusesNulAndHugeInputBeforeTheDatabase()
    {
        using var badEnums = await _admin.PostAsJsonAsync(new Uri("/api/admin/accounts", UriKind.Relative), new
        {
            userName = Unique("api-bad"),
            displayName = "x",
            password = Password,
            role = "Overlord",
            clearance = "3",
            nationality = "GBR",
        });
        using var nul = await _admin.PostAsJsonAsync(new Uri("/api/admin/accounts", UriKind.Relative), new
        {
            userName = "nul\0name",
            displayName = "Display\0name",
            password = "password\0with a nul",
            nationality = "GB\0",
        });
        using var huge = await _admin.PostAsJsonAsync(new Uri("/api/admin/accounts", UriKind.Relative), new
        {
            userName = new string('u', 100_000),
            displayName = new string('d', 100_000),
            password = new string('p', 100_000),
            nationality = new string('n', 100_000),
        });
        // A NUL in the address is refused by the server before routing; a name no account can have is answered 400.
        using var hugeInAddress = await _admin.GetAsync(new Uri($"/api/admin/accounts/{new string('a', 300)}/tokens", UriKind.Relative));

        Assert.Equal(["clearance", "role"], await ErrorFieldsAsync(badEnums));
        // A NUL or a text longer than any record takes is refused while the body is read, at its first field.
        Assert.Equal(["userName"], await ErrorFieldsAsync(nul));
        Assert.Equal(["userName"], await ErrorFieldsAsync(huge));
        Assert.Equal(["userName"], await ErrorFieldsAsync(hugeInAddress));
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE length(entity_key) > 300"));
    }

    [Fact]
    public async Task ChangesAnAccountOnlyWhenIfMatchCarriesItsCurrentETag()
    {
        var user = await portal.CreateAccountAsync(PortalRole.Staff, Classification.Restricted, "GBR");
        var address = new Uri($"/api/admin/accounts/{user.UserName}", UriKind.Relative);
        var etag = (await _admin.GetAsync(address)).Headers.ETag!.Tag;

        using var withoutIfMatch = await PatchAsync(address, null, new { clearance = "Confidential" });
        using var stale = await PatchAsync(address, "\"not-the-stamp\"", new { clearance = "Confidential" });
        using var changed = await PatchAsync(address, etag, new { clearance = "Confidential", role = "Planner", locked = true });
        using var again = await PatchAsync(address, etag, new { locked = false });

        Assert.Equal(HttpStatusCode.PreconditionRequired, withoutIfMatch.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var body = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Planner", "Confidential", true, true), (body.GetProperty("role").GetString(), body.GetProperty("clearance").GetString(), body.GetProperty("locked").GetBoolean(), body.GetProperty("lockedByAdministrator").GetBoolean()));
        Assert.NotEqual(etag, changed.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, again.StatusCode);
        Assert.Equal(2, (await PermissionChangesAsync(user.UserName!)).Count);
    }

    [Fact]
    public async Task ResetsAPasswordAndRevokesTheAccountsTokens()
    {
        var user = await portal.CreateAccountAsync(PortalRole.Analyst, Classification.Restricted, "GBR");
        using var owner = portal.CreateClient();
        var token = await ApiTokens.IssueAsync(owner, user.UserName!);
        var address = new Uri($"/api/admin/accounts/{user.UserName}/password", UriKind.Relative);

        using var tooShort = await _admin.PostAsJsonAsync(address, new { password = "short" });
        using var reset = await _admin.PostAsJsonAsync(address, new { password = "the new password of a script" });

        Assert.Equal(["password"], await ErrorFieldsAsync(tooShort));
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        owner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await owner.GetAsync(new Uri("/api/nations", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ListsAnAccountsTokensAndRevokesOne()
    {
        var user = await portal.CreateAccountAsync(PortalRole.Analyst, Classification.Restricted, "GBR");
        using var owner = portal.CreateClient();
        var token = await ApiTokens.IssueAsync(owner, user.UserName!);
        var tokens = new Uri($"/api/admin/accounts/{user.UserName}/tokens", UriKind.Relative);

        var listed = (await _admin.GetFromJsonAsync<JsonElement>(tokens)).EnumerateArray().Single();
        var id = listed.GetProperty("id").GetInt64();
        using var revoked = await _admin.DeleteAsync(new Uri($"{tokens}/{id}", UriKind.Relative));
        using var again = await _admin.DeleteAsync(new Uri($"{tokens}/{id}", UriKind.Relative));

        Assert.Equal(("Session", token[..12]), (listed.GetProperty("kind").GetString(), listed.GetProperty("prefix").GetString()));
        Assert.False(listed.TryGetProperty("tokenHash", out _));
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        owner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await owner.GetAsync(new Uri("/api/nations", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task RefusesEveryWriteToAnyoneButAnAdministrator()
    {
        using var staff = portal.CreateClient();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiTokens.IssueAsync(staff, "staff"));

        using var create = await staff.PostAsJsonAsync(new Uri("/api/admin/accounts", UriKind.Relative), new { userName = Unique("by-staff"), displayName = "x", password = Password, nationality = "GBR" });
        using var patch = await PatchAsync(new Uri("/api/admin/accounts/staff", UriKind.Relative), "\"x\"", new { role = "Administrator" }, staff);
        using var password = await staff.PostAsJsonAsync(new Uri("/api/admin/accounts/admin/password", UriKind.Relative), new { password = "taking over the admin account" });
        using var revoke = await staff.DeleteAsync(new Uri("/api/admin/accounts/admin/tokens/1", UriKind.Relative));

        Assert.Equal(
            [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            new[] { create.StatusCode, patch.StatusCode, password.StatusCode, revoke.StatusCode });
    }

    [Fact]
    public async Task DescribesEveryEndpointInTheOpenApiDocument()
    {
        var paths = (await _admin.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        var described = new[]
        {
            ("/api/admin/accounts", "post"),
            ("/api/admin/accounts/{userName}", "get"),
            ("/api/admin/accounts/{userName}", "patch"),
            ("/api/admin/accounts/{userName}/password", "post"),
            ("/api/admin/accounts/{userName}/tokens", "get"),
            ("/api/admin/accounts/{userName}/tokens/{id}", "delete"),
        }.Where(e => paths.TryGetProperty(e.Item1, out var path) && path.TryGetProperty(e.Item2, out _));

        Assert.Equal(6, described.Count());
        Assert.True(paths.GetProperty("/api/admin/accounts/{userName}").GetProperty("patch").GetProperty("responses").TryGetProperty("412", out _));
    }

    private async Task<HttpResponseMessage> PatchAsync(Uri address, string? ifMatch, object body, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, address) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await (client ?? _admin).SendAsync(request);
    }

    private static async Task<string[]> ErrorFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        return [.. errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
    }

    private async Task<List<AuditEntry>> PermissionChangesAsync(string userName)
    {
        await using var db = portal.Database.CreateContext();
        return await db.AuditEntries.Where(e => e.Action == AuditAction.PermissionChanged && e.EntityKey == userName).OrderBy(e => e.Id).ToListAsync();
    }

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
