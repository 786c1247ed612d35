using DiploPortal.Core.Common;

namespace DiploPortal.Core.Security;

/// <summary>
/// Thrown by a save that would create a record above the acting user's clearance, or raise one
/// above it. Pages turn it into a message beside the classification field; nothing is written.
/// </summary>
public sealed class ClearanceViolationException : Exception
{
    public ClearanceViolationException()
    {
    }

    public ClearanceViolationException(string message)
        : base(message)
    {
    }

    public ClearanceViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ClearanceViolationException(string userName, Classification clearance, Classification attempted, string recordType)
        : base($"{userName} is cleared to {clearance} and cannot save a {recordType} classified {attempted}.")
    {
        Clearance = clearance;
        Attempted = attempted;
    }

    public Classification Clearance { get; }

    public Classification Attempted { get; }
}
