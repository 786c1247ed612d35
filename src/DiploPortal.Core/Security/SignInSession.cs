namespace DiploPortal.Core.Security;

/// <summary>
/// One sign-in through the sign-in page: the cookie carries only this record's id, and every request and
/// every open Blazor circuit checks that the record is still active. Signing out, or an administrator
/// ending the session, sets <see cref="EndedAt"/>, so a copied cookie stops working with it.
/// Written with SQL rather than tracked saves: the sign-in and the ending are audited as events, and the
/// client's address and browser are kept out of the append-only trail.
/// </summary>
public class SignInSession
{
    public const int UserAgentMaxLength = 200;

    public const int ClientAddressMaxLength = 45;

    public const int EndReasonMaxLength = 60;

    public Guid Id { get; set; }

    public int UserId { get; set; }

    public PortalUser? User { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The last request that slid the session forward (at most once a minute).</summary>
    public DateTime LastSeenAt { get; set; }

    /// <summary>When the cookie stops working unless a request slides it forward.</summary>
    public DateTime ExpiresAt { get; set; }

    public DateTime? EndedAt { get; set; }

    /// <summary>Why it ended: "signed out", "ended by an administrator", "password reset", ...</summary>
    public string? EndReason { get; set; }

    /// <summary>The browser's User-Agent, cut short, so that a person recognises their own sessions.</summary>
    public string? UserAgent { get; set; }

    public string? ClientAddress { get; set; }
}
