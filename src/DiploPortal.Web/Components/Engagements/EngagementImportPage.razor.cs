namespace DiploPortal.Web.Components.Engagements;

public partial class EngagementImportPage
{
    [LoggerMessage(Level = LogLevel.Error, Message = "An engagement import failed")]
    private static partial void LogImportFailed(ILogger logger, Exception exception);
}
