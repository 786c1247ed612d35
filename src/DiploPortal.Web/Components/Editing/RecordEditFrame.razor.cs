namespace DiploPortal.Web.Components.Editing;

public partial class RecordEditFrame<TForm>
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Saving a {Record} failed")]
    private static partial void LogSaveFailed(ILogger logger, string record, Exception exception);
}
