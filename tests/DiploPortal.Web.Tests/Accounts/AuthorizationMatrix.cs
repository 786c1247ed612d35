using System.Net;
using DiploPortal.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace DiploPortal.Web.Tests.Accounts;

/// <summary>
/// Every routable page and endpoint, enumerated from the app itself, declares who may use it, and
/// answers anonymous visitors and each role as declared. A new endpoint without a declared policy fails here.
/// </summary>
public class AuthorizationMatrix(AccountsPortal portal) : IClassFixture<AccountsPortal>
{
    private static readonly string[] Roles = ["staff", "planner", "analyst", "analyst-restricted", "admin"];

    // Who holds each policy: the table in docs/SECURITY.md. A policy missing here fails the test.
    private static readonly Dictionary<string, string[]> Holders = new(StringComparer.Ordinal)
    {
        [PortalPolicies.ReadRecords] = Roles,
        [PortalPolicies.MaintainRecords] = ["staff"],
        [PortalPolicies.PlanExercises] = ["planner"],
        [PortalPolicies.WriteAssessments] = ["analyst", "analyst-restricted"],
        [PortalPolicies.Administer] = ["admin"],
    };

    // The framework's own endpoints (Blazor's circuit hub and redirects, the development static-file
    // fallback) carry no metadata; the fallback policy (sign-in required) covers them.
    private static readonly string[] FrameworkPrefixes = ["_blazor", "_framework/opaque-redirect", "{**path:file}"];

    // Sample values for route parameters, so that every GET endpoint can be called.
    private static readonly Dictionary<string, string> Samples = new(StringComparer.OrdinalIgnoreCase)
    {
        ["code"] = "FRA",
        ["acronym"] = "NATO",
        ["path"] = "no-such-endpoint",
        ["documentName"] = "v1",
        ["id"] = "1",
        ["userName"] = "staff",
    };

    // Every endpoint that changes something (not GET), with the policies it requires: a new one fails until pinned here.
    private static readonly Dictionary<string, string[]> Writes = new(StringComparer.Ordinal)
    {
        ["POST /api/engagements"] = [PortalPolicies.ReadRecords, PortalPolicies.MaintainRecords],
        ["PUT /api/engagements/{id:int}"] = [PortalPolicies.ReadRecords, PortalPolicies.MaintainRecords],
        ["DELETE /api/engagements/{id:int}"] = [PortalPolicies.ReadRecords, PortalPolicies.MaintainRecords],
        ["POST /api/admin/accounts/"] = [PortalPolicies.ReadRecords, PortalPolicies.Administer],
        ["PATCH /api/admin/accounts/{userName}"] = [PortalPolicies.ReadRecords, PortalPolicies.Administer],
        ["POST /api/admin/accounts/{userName}/password"] = [PortalPolicies.ReadRecords, PortalPolicies.Administer],
        ["DELETE /api/admin/accounts/{userName}/tokens/{id:long}"] = [PortalPolicies.ReadRecords, PortalPolicies.Administer],
    };

    [Fact]
    public void EveryApiWriteIsPinnedWithItsPolicies()
    {
        var writes = ApiWrites().ToDictionary(w => w.Key, w => w.Policies.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

        Assert.Equal(Writes.Keys.Order(StringComparer.Ordinal), writes.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, policies) in Writes)
        {
            Assert.Equal(policies.Order(StringComparer.Ordinal), writes[key]);
        }
    }

    [Fact]
    public async Task AnswersApiWritesOnlyForTheHoldersOfTheirPolicies()
    {
        var wrong = new List<string>();
        foreach (var user in Roles.Prepend(null))
        {
            using var client = portal.CreateClient();
            if (user is not null)
            {
                client.DefaultRequestHeaders.Authorization = new("Bearer", await ApiTokens.IssueAsync(client, user));
            }

            foreach (var (key, method, path, policies) in ApiWrites())
            {
                // An empty body and no If-Match: a holder gets past authorization to a 400 or 428, and nothing is written.
                // No record or token has this id, so a holder's DELETE changes nothing either.
                var address = Fill(path)!.Replace("/1", "/2147483000", StringComparison.Ordinal);
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(address, UriKind.Relative)) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
                using var response = await client.SendAsync(request);
                var allowed = user is not null && policies.All(p => Holders[p].Contains(user));
                var wasAllowed = response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
                if (allowed != wasAllowed || (int)response.StatusCode is >= 200 and < 300)
                {
                    wrong.Add($"{user ?? "anonymous"} {key}: {(int)response.StatusCode}, expected {(allowed ? "allowed" : "denied")}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void EveryEndpointDeclaresAPolicyOrThatItIsPublic()
    {
        var undeclared = Endpoints()
            .Where(e => !IsFramework(e) && Access(e) == Declared.Nothing)
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        Assert.True(undeclared.Count == 0, "Endpoints without a declared policy: " + string.Join(", ", undeclared));
    }

    [Fact]
    public void OnlySignInStaticFilesHealthAndTheErrorPageArePublic()
    {
        var publicRoutes = Endpoints()
            .Where(e => Access(e) == Declared.Public && e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .Select(e => e.RoutePattern.RawText!)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(["/Error", "/account/sign-in", "/api/auth/token", "/feeds/{token}.ics", "/healthz/live", "/healthz/ready"], publicRoutes);
    }

    [Fact]
    public async Task AnswersAnonymousVisitorsAndEachRoleAsDeclared()
    {
        var targets = Targets();
        Assert.True(targets.Count >= 15, $"Only {targets.Count} endpoints found");

        var wrong = new List<string>();
        foreach (var user in Roles.Prepend(null))
        {
            using var client = portal.CreateBrowserClient();
            if (user is not null)
            {
                await AccountsPortal.SignInAsync(client, user);
            }

            await CallAllAsync(client, user, targets, wrong);
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task AnswersBearerTokensOnTheApiAsTheirOwnersRole()
    {
        var targets = Targets().Where(t => t.Path.StartsWith("/api/", StringComparison.Ordinal) || t.Path.StartsWith("/openapi/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(targets);

        var wrong = new List<string>();
        foreach (var user in Roles)
        {
            using var client = portal.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", await ApiTokens.IssueAsync(client, user));
            await CallAllAsync(client, user, targets, wrong);
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    private List<(string Path, Declared Access, string[] Policies)> Targets() =>
        Endpoints()
            .Where(e => !IsFramework(e) && e.Metadata.GetMetadata<StaticAssetDescriptor>() is null && IsGet(e))
            .Select(e => (Path: Fill(e.RoutePattern.RawText!), Access: Access(e), Policies: Policies(e)))
            .Where(t => t.Path is not null && t.Path != "/Error")
            .Select(t => (t.Path!, t.Access, t.Policies))
            .ToList();

    private static async Task CallAllAsync(HttpClient client, string? user, List<(string Path, Declared Access, string[] Policies)> targets, List<string> wrong)
    {
        foreach (var (path, access, policies) in targets)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var allowed = access == Declared.Public || (user is not null && policies.All(p => Holders[p].Contains(user)));
            var wasAllowed = response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
            if (allowed != wasAllowed)
            {
                wrong.Add($"{user ?? "anonymous"} GET {path}: {(int)response.StatusCode}, expected {(allowed ? "allowed" : "denied")}");
            }
        }
    }

    /// <summary>The API's endpoints for methods other than GET, except the public token endpoint.</summary>
    private List<(string Key, string Method, string Path, string[] Policies)> ApiWrites() =>
        [.. Endpoints()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true && Access(e) != Declared.Public)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m != HttpMethods.Get && m != HttpMethods.Head)
                .Select(m => (Key: $"{m} {e.RoutePattern.RawText}", Method: m, Path: e.RoutePattern.RawText!, Policies: Policies(e))))];

    private enum Declared
    {
        Nothing,
        Public,
        Policy,
    }

    private List<RouteEndpoint> Endpoints() =>
        portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    private static Declared Access(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return Declared.Public;
        }

        return endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles))
            ? Declared.Policy
            : Declared.Nothing;
    }

    private static string[] Policies(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToArray();

    private static bool IsFramework(RouteEndpoint endpoint) =>
        FrameworkPrefixes.Any(p => endpoint.RoutePattern.RawText?.TrimStart('/').StartsWith(p, StringComparison.Ordinal) == true);

    private static bool IsGet(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains(HttpMethods.Get);

    private static string? Fill(string pattern)
    {
        var path = pattern;
        foreach (var parameter in System.Text.RegularExpressions.Regex.Matches(pattern, @"\{\**([^}:?=]+)[^}]*\}").Cast<System.Text.RegularExpressions.Match>())
        {
            if (!Samples.TryGetValue(parameter.Groups[1].Value, out var value))
            {
                return null;
            }

            path = path.Replace(parameter.Value, value, StringComparison.Ordinal);
        }

        return path.StartsWith('/') ? path : "/" + path;
    }
}
