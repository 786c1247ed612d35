using DiploPortal.Core.Security;

namespace DiploPortal.Core.Feeds;

/// <summary>What a calendar subscription follows.</summary>
public enum FeedScopeKind
{
    /// <summary>The exercises a nation hosted or took part in; <see cref="FeedSubscription.Scope"/> is its code (FRA).</summary>
    Nation,

    /// <summary>The exercises an alliance led or whose members took part; the scope is its acronym (NATO).</summary>
    Alliance,

    /// <summary>A saved timeline filter; the scope is the exercise filter's query string (nation=FRA&amp;kind=Naval).</summary>
    View,
}

/// <summary>
/// A calendar subscription: a URL a calendar program polls, holding the exercises of one scope that its
/// owner may see at the time of each poll. The URL carries a token that is the only credential; only
/// its SHA-256 is stored, the token itself is shown once, when the subscription is made.
/// </summary>
public class FeedSubscription
{
    public const int MaxNameLength = 100;

    /// <summary>Long enough for a timeline address with every filter (the reader bounds each value).</summary>
    public const int MaxScopeLength = 1000;

    public long Id { get; set; }

    public int UserId { get; set; }

    public PortalUser? User { get; set; }

    /// <summary>What the owner calls it ("France's exercises").</summary>
    public required string Name { get; set; }

    public FeedScopeKind ScopeKind { get; set; }

    public required string Scope { get; set; }

    /// <summary>The first characters of the token, enough for its owner to recognise it.</summary>
    public required string Prefix { get; set; }

    /// <summary>Lowercase hex SHA-256 of the whole token (never in the audit trail: see AuditedChange).</summary>
    public required string TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Updated at most once an hour, outside the audit trail (a calendar program's poll is not a person's change).</summary>
    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
