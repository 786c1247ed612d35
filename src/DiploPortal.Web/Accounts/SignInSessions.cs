using DiploPortal.Core.Audit;
using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using DiploPortal.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace DiploPortal.Web.Accounts;

/// <summary>How sign-in sessions behave, from <c>Portal:Sessions</c>.</summary>
public sealed class SessionSettings
{
    public const string Section = "Portal:Sessions";

    /// <summary>How long a sign-in lasts without a request; each request slides it (cookie and record alike).</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How often open Blazor circuits check their session and account again, and how often a cookie's
    /// security stamp is checked. Tests set a few seconds; a minute in production.
    /// </summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long one portal instance trusts its last look at a session, so that static files and page
    /// requests do not each read the table. Ending a session on this instance forgets it at once; other
    /// instances see the end within this time.
    /// </summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>A session as its owner or an administrator sees it in a list.</summary>
public sealed record SignInSessionSummary(Guid Id, DateTime CreatedAt, DateTime LastSeenAt, DateTime ExpiresAt, DateTime? EndedAt, string? EndReason, string? UserAgent, string? ClientAddress)
{
    public bool IsActiveAt(DateTime now) => EndedAt is null && ExpiresAt > now;
}

/// <summary>
/// Server-side sign-in sessions (<see cref="SignInSession"/>): made at sign-in, checked by the cookie
/// handler on each request (<see cref="SessionCookieEvents"/>) and by <see cref="AccountRevalidation"/>
/// in open circuits, slid forward with the cookie, and ended by signing out, by an administrator, or by
/// <see cref="EndAllAsync"/> when an account's password is reset or it is locked.
/// </summary>
public sealed partial class SignInSessions(PooledDbContextFactory<PortalDbContext> pool, IMemoryCache cache, IOptions<SessionSettings> settings, TimeProvider clock, ILogger<SignInSessions> logger)
{
    /// <summary>The claim in the sign-in cookie that names its session.</summary>
    public const string ClaimType = "dp:session";

    /// <summary>A session slides forward (and its cookie is renewed) at most this often.</summary>
    public static readonly TimeSpan SlideResolution = TimeSpan.FromMinutes(1);

    private const int ListLimit = 50;

    public SessionSettings Settings => settings.Value;

    /// <summary>Records a new session for <paramref name="user"/>, who has just proved their password; returns its id for the cookie.</summary>
    public async Task<Guid> StartAsync(PortalUser user, HttpContext? http, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + Settings.Lifetime;
        var agent = Cut(http?.Request.Headers.UserAgent.ToString(), SignInSession.UserAgentMaxLength);
        var address = Cut(http?.Connection.RemoteIpAddress?.ToString(), SignInSession.ClientAddressMaxLength);
        await using var db = await pool.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO sign_in_sessions (id, user_id, created_at, last_seen_at, expires_at, user_agent, client_address) VALUES ({id}, {user.Id}, {now}, {now}, {expires}, {agent}, {address})",
            cancellationToken);
        Remember(id, new ActiveSession(user.Id, now, expires));
        return id;
    }

    /// <summary>The session when it is active and belongs to <paramref name="userId"/>; null when it ended, expired or is unknown.</summary>
    public async Task<ActiveSession?> FindActiveAsync(Guid id, int userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!cache.TryGetValue(Key(id), out ActiveSession? session))
        {
            await using var db = await pool.CreateDbContextAsync(cancellationToken);
            session = await db.SignInSessions.AsNoTracking()
                .Where(s => s.Id == id && s.EndedAt == null)
                .Select(s => new ActiveSession(s.UserId, s.LastSeenAt, s.ExpiresAt))
                .SingleOrDefaultAsync(cancellationToken);
            // An ended session is remembered as ended too: a copied cookie replayed in a loop reads nothing.
            Remember(id, session);
        }

        return session is not null && session.UserId == userId && session.ExpiresAt > now ? session : null;
    }

    /// <summary>Moves the session's expiry to a full lifetime from now, as the renewed cookie's will be.</summary>
    public async Task<DateTime> SlideAsync(Guid id, int userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + Settings.Lifetime;
        await using var db = await pool.CreateDbContextAsync(cancellationToken);
        var slid = await db.SignInSessions
            .Where(s => s.Id == id && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now).SetProperty(s => s.ExpiresAt, expires), cancellationToken);
        Remember(id, slid == 1 ? new ActiveSession(userId, now, expires) : null);
        return expires;
    }

    /// <summary>
    /// Ends one session of <paramref name="userId"/>'s and audits it as a sign-out by <paramref name="actor"/>;
    /// false when it had already ended. The cookie stops working at once on this instance.
    /// </summary>
    public async Task<bool> EndAsync(Guid id, int userId, string actor, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await pool.CreateDbContextAsync(cancellationToken);
        db.User = new CurrentUser(actor, Classification.Unclassified, null, []);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.UserName).SingleOrDefaultAsync(cancellationToken);
        var ended = owner is null ? 0 : await db.SignInSessions
            .Where(s => s.Id == id && s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndReason, reason), cancellationToken);
        if (ended == 0)
        {
            return false;
        }

        // The account, the session and why: never the browser or the address, which stay in the sessions table.
        await AuditTrail.RecordAsync(db, AuditAction.SignedOut, nameof(PortalUser), owner, before: null, after: new { session = id, reason }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        cache.Remove(Key(id));
        LogEnded(logger, id, owner, actor, reason);
        return true;
    }

    /// <summary>
    /// Ends every active session of an account inside <paramref name="db"/>'s transaction (a password reset,
    /// a lock), so that they end with the change that commits. Other instances see it within
    /// <see cref="SessionSettings.CacheDuration"/>; the security stamp renewal that goes with such changes
    /// ends the cookies within the revalidation interval anyway. Returns how many sessions ended.
    /// </summary>
    public static Task<int> EndAllAsync(PortalDbContext db, int userId, string reason, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.SignInSessions
            .Where(s => s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndReason, reason), cancellationToken);
    }

    /// <summary>The account's active sessions and those that ended or expired in the last 7 days, newest first.</summary>
    public async Task<IReadOnlyList<SignInSessionSummary>> ListAsync(int userId, CancellationToken cancellationToken = default)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-7);
        await using var db = await pool.CreateDbContextAsync(cancellationToken);
        return await db.SignInSessions.AsNoTracking()
            .Where(s => s.UserId == userId && (s.EndedAt ?? s.ExpiresAt) > since)
            .OrderByDescending(s => s.CreatedAt)
            .Take(ListLimit)
            .Select(s => new SignInSessionSummary(s.Id, s.CreatedAt, s.LastSeenAt, s.ExpiresAt, s.EndedAt, s.EndReason, s.UserAgent, s.ClientAddress))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The session id a principal's cookie carries, if any.</summary>
    public static Guid? IdOf(System.Security.Claims.ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirst(ClaimType)?.Value, out var id) ? id : null;

    /// <summary>Keeps the last look at a session for <see cref="SessionSettings.CacheDuration"/>; zero keeps nothing.</summary>
    private void Remember(Guid id, ActiveSession? session)
    {
        if (Settings.CacheDuration > TimeSpan.Zero)
        {
            cache.Set(Key(id), session, Settings.CacheDuration);
        }
        else
        {
            cache.Remove(Key(id));
        }
    }

    private static string Key(Guid id) => $"sign-in-session:{id:N}";

    private static string? Cut(string? text, int length) =>
        string.IsNullOrEmpty(text) ? null : (text.Length > length ? text[..length] : text).Replace('\0', ' ');

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in session {SessionId} of {UserName} ended by {Actor}: {Reason}")]
    private static partial void LogEnded(ILogger logger, Guid sessionId, string? userName, string actor, string reason);
}

/// <summary>What a check needs of an active session.</summary>
public sealed record ActiveSession(int UserId, DateTime LastSeenAt, DateTime ExpiresAt);
