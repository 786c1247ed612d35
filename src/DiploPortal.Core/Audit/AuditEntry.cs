namespace DiploPortal.Core.Audit;

/// <summary>
/// One row of the append-only audit trail. <see cref="Hash"/> covers every other column and
/// <see cref="PreviousHash"/>, the hash of the entry before it, so an edited or removed row breaks the
/// chain (see <see cref="AuditChainVerifier"/>). Rows are written only by <see cref="AuditChain"/>;
/// the database refuses updates, deletes and truncation.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime OccurredAt { get; set; }

    /// <summary>The name of the acting user (<c>CurrentUser.Name</c>), "system" for tools and start-up.</summary>
    public string Actor { get; set; } = "";

    public AuditAction Action { get; set; }

    /// <summary>The entity type's name (for example <c>Nation</c>); null for events such as a sign-in.</summary>
    public string? EntityType { get; set; }

    /// <summary>The entity's key, composite keys joined by commas.</summary>
    public string? EntityKey { get; set; }

    /// <summary>JSON object of property name to value before the change (jsonb).</summary>
    public string? Before { get; set; }

    /// <summary>JSON object of property name to value after the change, or the details of an event (jsonb).</summary>
    public string? After { get; set; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}
