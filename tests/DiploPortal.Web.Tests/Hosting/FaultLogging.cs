using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DiploPortal.Web.Accounts;
using DiploPortal.Web.Tests.Lists;
using Microsoft.Extensions.Logging;

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
        var events = await EventsAboutAsync("abc-logged", e => e.Level == LogLevel.Warning && IsFromRequestFaults(e));
        Assert.Single(events, e => IsFromRequestFaults(e) && e.Level == LogLevel.Warning);
        Assert.All(events, e => Assert.True(e.Level < LogLevel.Error, e.ToString()));
        Assert.All(events, e => Assert.False(e.HasException, e.ToString()));
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

        var events = await EventsAboutAsync("/engagements/export.csv", IsFromRequestFaults);
        Assert.Contains(events, e => e.Level == LogLevel.Information && e.Message.StartsWith("The client disconnected", StringComparison.Ordinal));
        Assert.DoesNotContain(events, e => e.Level >= LogLevel.Error || e.HasException);
    }

    private static bool IsFromRequestFaults(LoggedEvent e) => e.Category.EndsWith("RequestFaults", StringComparison.Ordinal);

    private async Task<List<LoggedEvent>> EventsAboutAsync(string text, Func<LoggedEvent, bool> arrived)
    {
        // Events are logged as requests end; give the last one a moment.
        for (var attempt = 0; ; attempt++)
        {
            var events = portal.LogEvents().Where(e => e.Message.Contains(text, StringComparison.Ordinal)).ToList();
            if (events.Any(arrived) || attempt == 50)
            {
                return events;
            }

            await Task.Delay(100);
        }
    }

    private static async Task<string> TokenAsync(HttpClient client)
    {
        using var content = BadInput.JsonContent(new { userName = "analyst", password = DemoAccounts.Password });
        using var response = await client.PostAsync(new Uri("/api/auth/token", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
    }
}
