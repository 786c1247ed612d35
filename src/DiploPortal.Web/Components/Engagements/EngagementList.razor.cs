namespace DiploPortal.Web.Components.Engagements;

public partial class EngagementList
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Counting the engagements of a list failed; the list is shown without its count")]
    private static partial void LogCountFailed(ILogger logger, Exception exception);
}
