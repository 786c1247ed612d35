namespace DiploPortal.Web.Hosting;

/// <summary>
/// A setting the portal cannot start without is missing or unsafe; <see cref="StartupFailure"/> prints
/// the reason and the hint as one line.
/// </summary>
public sealed class StartupConfigurationException(string reason, string hint) : Exception($"{reason}. Hint: {hint}")
{
    public string Reason { get; } = reason;

    public string Hint { get; } = hint;
}
