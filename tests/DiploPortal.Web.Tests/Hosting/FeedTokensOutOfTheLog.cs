using DiploPortal.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Serilog.Events;
using Serilog.Parsing;

namespace DiploPortal.Web.Tests.Hosting;

/// <summary>A calendar feed's address is its credential: the log names the path with the token replaced.</summary>
public class FeedTokensOutOfTheLog
{
    [Theory]
    [InlineData("/feeds/dpf_abc123.ics", LoggedPath.RedactedFeed)]
    [InlineData("/FEEDS/dpf_abc123.ICS", LoggedPath.RedactedFeed)]
    [InlineData("/feeds", "/feeds")]
    [InlineData("/feeds/new", "/feeds/new")]
    [InlineData("/exercises/12.ics", "/exercises/12.ics")]
    [InlineData("/engagements", "/engagements")]
    public void NamesAFeedsPathWithoutItsToken(string path, string logged) =>
        Assert.Equal(logged, LoggedPath.Of(new PathString(path)));

    [Fact]
    public void RewritesTheRequestPathThatTheRequestScopeAddsToAnEvent()
    {
        var logEvent = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Warning, null, new MessageTemplateParser().Parse("Something"),
            [new LogEventProperty("RequestPath", new ScalarValue("/feeds/dpf_secret.ics"))]);

        new LoggedPathEnricher().Enrich(logEvent, null!);

        Assert.Equal(LoggedPath.RedactedFeed, ((ScalarValue)logEvent.Properties["RequestPath"]).Value);
        Assert.DoesNotContain("dpf_secret", logEvent.Properties["RequestPath"].ToString(), StringComparison.Ordinal);
    }
}
