using System.Security.Cryptography;
using System.Text;
using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using DiploPortal.Core.Feeds;
using DiploPortal.Core.Security;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace DiploPortal.Web.Feeds;

/// <summary>A subscription as its owner sees it in a list: never the token, which is not stored.</summary>
public sealed record CalendarFeedSummary(long Id, string Name, FeedScope Scope, string Prefix, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public bool IsActive => RevokedAt is null;
}

/// <summary>A subscription just made: the only moment its token exists outside the owner's calendar program.</summary>
public sealed record NewCalendarFeed(long Id, string Token)
{
    /// <summary>The address a calendar program polls, relative to the portal.</summary>
    public string Path => CalendarFeeds.PathOf(Token);
}

/// <summary>A subscription found by its token, with its owner as the account is now.</summary>
public sealed record CalendarFeedOwner(long Id, string Name, FeedScope Scope, PortalUser Owner);

/// <summary>
/// Calendar subscriptions: made and revoked by their owner on <c>/feeds</c>, polled by calendar programs at
/// <c>/feeds/{token}.ics</c>. A token is 256 random bits; only its SHA-256 is stored (as for the API's
/// tokens, a fast hash suffices for a secret with that much entropy), so a copy of the database opens no
/// feed. Making and revoking are saves, so the audit trail records them (never the hash).
/// </summary>
public sealed partial class CalendarFeeds(IDbContextFactory<PortalDbContext> userScoped, PooledDbContextFactory<PortalDbContext> pool, TimeProvider clock, ILogger<CalendarFeeds> log)
{
    /// <summary>Marks the portal's feed tokens, so that secret scanners and people can recognise a leaked one.</summary>
    public const string TokenPrefix = "dpf_";

    /// <summary>A person keeps at most this many active subscriptions.</summary>
    public const int MaxActivePerOwner = 50;

    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromHours(1);

    public static string PathOf(string token) => $"/feeds/{token}.ics";

    /// <summary>Makes a subscription for <paramref name="userId"/>, the signed-in user of this scope.</summary>
    public async Task<NewCalendarFeed> CreateAsync(int userId, string name, FeedScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > FeedSubscription.MaxNameLength)
        {
            throw new ArgumentException($"A subscription needs a name of 1 to {FeedSubscription.MaxNameLength} characters.", nameof(name));
        }

        if (FormRules.HoldsNul(trimmed) || FormRules.HoldsNul(scope.Value))
        {
            throw new ArgumentException(FormRules.NulMessage, nameof(name));
        }

        await using var db = await userScoped.CreateDbContextAsync(cancellationToken);
        if (await db.FeedSubscriptions.CountAsync(f => f.UserId == userId && f.RevokedAt == null, cancellationToken) >= MaxActivePerOwner)
        {
            throw new InvalidOperationException($"You have {MaxActivePerOwner} subscriptions; revoke one you no longer use first.");
        }

        var token = TokenPrefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var record = new FeedSubscription
        {
            UserId = userId,
            Name = trimmed,
            ScopeKind = scope.Kind,
            Scope = scope.Value,
            Prefix = token[..12],
            TokenHash = Hash(token),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.FeedSubscriptions.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        LogCreated(log, record.Id, userId, scope.Kind);
        return new NewCalendarFeed(record.Id, token);
    }

    /// <summary>The user's subscriptions, active ones first, then those revoked in the last 30 days.</summary>
    public async Task<IReadOnlyList<CalendarFeedSummary>> ListAsync(int userId, CancellationToken cancellationToken = default)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-30);
        await using var db = await userScoped.CreateDbContextAsync(cancellationToken);
        var rows = await db.FeedSubscriptions.AsNoTracking()
            .Where(f => f.UserId == userId && (f.RevokedAt == null || f.RevokedAt > since))
            .OrderBy(f => f.RevokedAt != null).ThenByDescending(f => f.CreatedAt)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(f => new CalendarFeedSummary(f.Id, f.Name, new FeedScope(f.ScopeKind, f.Scope), f.Prefix, f.CreatedAt, f.LastUsedAt, f.RevokedAt))];
    }

    /// <summary>Revokes one of the user's subscriptions (audited by the save); false when there is no such active one of theirs.</summary>
    public async Task<bool> RevokeAsync(int userId, long id, CancellationToken cancellationToken = default)
    {
        await using var db = await userScoped.CreateDbContextAsync(cancellationToken);
        var feed = await db.FeedSubscriptions.SingleOrDefaultAsync(f => f.Id == id && f.UserId == userId && f.RevokedAt == null, cancellationToken);
        if (feed is null)
        {
            return false;
        }

        feed.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        LogRevoked(log, id, userId);
        return true;
    }

    /// <summary>The subscription of a token that is known and not revoked, with its owner; null otherwise.</summary>
    public async Task<CalendarFeedOwner?> FindAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 64)
        {
            return null;
        }

        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await pool.CreateDbContextAsync(cancellationToken);
        var found = await db.FeedSubscriptions.AsNoTracking()
            .Where(f => f.TokenHash == hash && f.RevokedAt == null)
            .Select(f => new { f.Id, f.Name, f.ScopeKind, f.Scope, f.LastUsedAt, f.User })
            .SingleOrDefaultAsync(cancellationToken);
        if (found?.User is null)
        {
            return null;
        }

        // A poll is not a person's change: outside the audit trail, and once an hour is enough to spot an unused feed.
        if (found.LastUsedAt is null || now - found.LastUsedAt.Value > LastUsedResolution)
        {
            await db.FeedSubscriptions.Where(f => f.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.LastUsedAt, now), cancellationToken);
        }

        return new CalendarFeedOwner(found.Id, found.Name, new FeedScope(found.ScopeKind, found.Scope), found.User);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendar subscription {FeedId} made by user {UserId} ({ScopeKind})")]
    private static partial void LogCreated(ILogger logger, long feedId, int userId, FeedScopeKind scopeKind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendar subscription {FeedId} revoked by user {UserId}")]
    private static partial void LogRevoked(ILogger logger, long feedId, int userId);
}
