using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DiploPortal.Web.Accounts;
using DiploPortal.Web.Tests.Lists;

namespace DiploPortal.Web.Tests.Hosting;

/// <summary>
/// What is not a fault of the portal is not logged as one: a request that cannot be bound is one warning
/// without a stack trace, and a client that hangs up in the middle of a large export is information.
/// Both used to be errors with a stack trace.
/// </summary>
public class FaultLogging(DemoDataPortal portal) : IClassFixture<DemoDataPortal>
{
    [Fact]
    public async Task LogsABindingFailureAsOneWarningWithoutAStackTrace()
    {
        using var client = portal.CreateClient();
        var token = await TokenAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/engagements?pageSize=abc-logged", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.SendAsync(request);

        await BadInput.ProblemAsync(response, HttpStatusCode.BadRequest);
        var events = await EventsAboutAsync("abc-logged", e => Level(e) == "Warning" && Source(e).EndsWith("RequestFaults", StringComparison.Ordinal));
        Assert.Single(events, e => Source(e).EndsWith("RequestFaults", StringComparison.Ordinal));
        Assert.All(events, e => Assert.NotEqual("Error", Level(e)));
        Assert.All(events, e => Assert.False(e.TryGetProperty("@x", out _), e.ToString()));
    }

    [Fact]
    public async Task LogsAClientThatHangsUpDuringAnExportAsInformation()
    {
        using var client = portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await Accounts.AccountsPortal.SignInAsync(client, "staff");
        using var hangUp = new CancellationTokenSource();

        using (var response = await client.GetAsync(new Uri("/engagements/export.csv", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, hangUp.Token))
        {
            var body = await response.Content.ReadAsStreamAsync(hangUp.Token);
            await body.ReadExactlyAsync(new byte[1024], hangUp.Token);
            await hangUp.CancelAsync();
        }

        var events = await EventsAboutAsync("/engagements/export.csv", e => Source(e).EndsWith("RequestFaults", StringComparison.Ordinal));
        Assert.Contains(events, e => Level(e) == "Information" && Message(e).StartsWith("The client disconnected", StringComparison.Ordinal));
        Assert.DoesNotContain(events, e => Level(e) is "Error" or "Fatal");
    }

    private async Task<List<JsonElement>> EventsAboutAsync(string text, Func<JsonElement, bool> arrived)
    {
        // The log is written as requests end; give the last one a moment.
        for (var attempt = 0; ; attempt++)
        {
            var events = portal.LogEvents().Where(e => e.ToString().Contains(text, StringComparison.Ordinal)).ToList();
            if (events.Any(arrived) || attempt == 50)
            {
                return events;
            }

            await Task.Delay(100);
        }
    }

    private static string Level(JsonElement e) => e.TryGetProperty("@l", out var level) ? level.GetString()! : "Information";

    private static string Source(JsonElement e) => e.TryGetProperty("SourceContext", out var source) ? source.GetString()! : "";

    private static string Message(JsonElement e) => e.GetProperty("@mt").GetString()!;

    private static async Task<string> TokenAsync(HttpClient client)
    {
        using var content = BadInput.JsonContent(new { userName = "analyst", password = DemoAccounts.Password });
        using var response = await client.PostAsync(new Uri("/api/auth/token", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
    }
}
