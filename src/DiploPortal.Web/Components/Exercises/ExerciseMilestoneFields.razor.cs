namespace DiploPortal.Web.Components.Exercises;

public partial class ExerciseMilestoneFields
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the milestone lead times failed")]
    private static partial void LogLeadTimesFailed(ILogger logger, Exception exception);
}
