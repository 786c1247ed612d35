using System.Security.Cryptography;
using System.Text;
using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using DiploPortal.Core.Security;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace DiploPortal.Web.Accounts;

/// <summary>A token as its owner sees it in a list: never the token itself, which is not stored.</summary>
public sealed record AccessTokenSummary(long Id, AccessTokenKind Kind, string Name, string Prefix, DateTime CreatedAt, DateTime ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public bool IsActiveAt(DateTime now) => RevokedAt is null && ExpiresAt > now;
}

/// <summary>A token just made: the only moment its value exists outside the caller's hands.</summary>
public sealed record NewAccessToken(string Token, DateTime ExpiresAt);

/// <summary>
/// Bearer tokens for scripts and other systems: personal tokens made and revoked on the profile page,
/// and short-lived session tokens from <c>POST /api/auth/token</c>. Tokens are 256 random bits; only
/// their SHA-256 is stored (a fast hash is enough for a secret with that much entropy), so a copy of
/// the database gives nobody a working token. Making and revoking tokens is audited by the save.
/// </summary>
public sealed class AccessTokens(IDbContextFactory<PortalDbContext> userScoped, PooledDbContextFactory<PortalDbContext> pool, TimeProvider clock)
{
    /// <summary>Marks the portal's tokens, so that secret scanners and people can recognise a leaked one.</summary>
    public const string TokenPrefix = "dpt_";

    public const int MaxNameLength = 100;

    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(1);

    /// <summary>The lifetimes a person may choose for a personal token; none lives longer than a year.</summary>
    public static IReadOnlyList<int> PersonalLifetimeDays { get; } = [7, 30, 90, 365];

    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>Makes a personal token for the signed-in user of this scope.</summary>
    public async Task<NewAccessToken> CreatePersonalAsync(int userId, string name, int lifetimeDays, CancellationToken cancellationToken = default)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxNameLength)
        {
            throw new ArgumentException($"A token needs a name of 1 to {MaxNameLength} characters.", nameof(name));
        }

        if (FormRules.HoldsNul(trimmed))
        {
            throw new ArgumentException(FormRules.NulMessage, nameof(name));
        }

        if (!PersonalLifetimeDays.Contains(lifetimeDays))
        {
            throw new ArgumentOutOfRangeException(nameof(lifetimeDays), lifetimeDays, "Choose one of the offered lifetimes.");
        }

        await using var db = await userScoped.CreateDbContextAsync(cancellationToken);
        return await AddAsync(db, userId, AccessTokenKind.Personal, trimmed, TimeSpan.FromDays(lifetimeDays), cancellationToken);
    }

    /// <summary>Makes a short-lived token for <paramref name="user"/>, who has just proved their password.</summary>
    public async Task<NewAccessToken> CreateSessionAsync(PortalUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await pool.CreateDbContextAsync(cancellationToken);
        // Nobody is signed in yet: the audit trail names the account the token is for.
        db.User = new CurrentUser(user.UserName ?? "", user.Clearance, user.NationCode, []);
        return await AddAsync(db, user.Id, AccessTokenKind.Session, "API session", SessionLifetime, cancellationToken);
    }

    /// <summary>The user's tokens, active ones first, then those that ended in the last 30 days.</summary>
    public async Task<IReadOnlyList<AccessTokenSummary>> ListAsync(int userId, CancellationToken cancellationToken = default)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-30);
        await using var db = await userScoped.CreateDbContextAsync(cancellationToken);
        return await db.AccessTokens.AsNoTracking()
            .Where(t => t.UserId == userId && (t.RevokedAt ?? t.ExpiresAt) > since)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new AccessTokenSummary(t.Id, t.Kind, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Revokes one of the user's tokens; false when there is no such active token of theirs.</summary>
    public async Task<bool> RevokeAsync(int userId, long tokenId, CancellationToken cancellationToken = default)
    {
        await using var db = await userScoped.CreateDbContextAsync(cancellationToken);
        var token = await db.AccessTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId && t.RevokedAt == null, cancellationToken);
        if (token is null)
        {
            return false;
        }

        token.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The owner of a token that is known, unexpired and not revoked; null otherwise.</summary>
    public async Task<PortalUser?> FindOwnerAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await pool.CreateDbContextAsync(cancellationToken);
        var found = await db.AccessTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null && t.ExpiresAt > now)
            .Select(t => new { t.Id, t.LastUsedAt, t.User })
            .SingleOrDefaultAsync(cancellationToken);
        if (found?.User is null)
        {
            return null;
        }

        // Not a person's change, so outside the audit trail; once a minute is precise enough to spot a stale token.
        if (found.LastUsedAt is null || now - found.LastUsedAt.Value > LastUsedResolution)
        {
            await db.AccessTokens.Where(t => t.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }

        return found.User;
    }

    private async Task<NewAccessToken> AddAsync(PortalDbContext db, int userId, AccessTokenKind kind, string name, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var token = TokenPrefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var record = new AccessToken
        {
            UserId = userId,
            Kind = kind,
            Name = name,
            Prefix = token[..12],
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        db.AccessTokens.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return new NewAccessToken(token, record.ExpiresAt);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
