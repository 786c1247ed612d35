namespace DiploPortal.Core.Security;

/// <summary>How an access token came to be.</summary>
public enum AccessTokenKind
{
    /// <summary>Created by the person on their profile page, named, lives until it expires or is revoked.</summary>
    Personal,

    /// <summary>Issued by <c>POST /api/auth/token</c> for a user name and password; short-lived.</summary>
    Session,
}

/// <summary>
/// A bearer token for scripts and other systems. Only the SHA-256 hash of the token is stored: the
/// token itself is shown once, when it is made. A token carries no permissions of its own; a request
/// made with it acts as its owner, with the owner's role, clearance and nationality as they are now.
/// </summary>
public class AccessToken
{
    public long Id { get; set; }

    public int UserId { get; set; }

    public PortalUser? User { get; set; }

    public AccessTokenKind Kind { get; set; }

    /// <summary>What the owner calls it ("nightly export"); sessions are named by the portal.</summary>
    public required string Name { get; set; }

    /// <summary>The first characters of the token, enough for its owner to recognise it in a list.</summary>
    public required string Prefix { get; set; }

    /// <summary>Lowercase hex SHA-256 of the whole token.</summary>
    public required string TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>Updated at most once a minute, outside the audit trail (it is not a person's change).</summary>
    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
