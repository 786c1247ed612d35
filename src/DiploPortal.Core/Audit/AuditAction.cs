namespace DiploPortal.Core.Audit;

/// <summary>What an audit entry records. Stored by name, like every enum of the portal.</summary>
public enum AuditAction
{
    Created,
    Updated,
    Deleted,
    SignedIn,
    SignInFailed,
    SignedOut,
    PermissionChanged,
    Exported,
    Imported,

    /// <summary>A record's marking lowered or its releasability widened, with the reason given (MarkingChange).</summary>
    Downgraded,
}
