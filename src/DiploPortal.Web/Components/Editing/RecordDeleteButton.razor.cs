namespace DiploPortal.Web.Components.Editing;

public partial class RecordDeleteButton
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Deleting a {Record} failed")]
    private static partial void LogDeleteFailed(ILogger logger, string record, Exception exception);
}
