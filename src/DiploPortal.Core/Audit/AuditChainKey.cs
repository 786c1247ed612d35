using System.Security.Cryptography;
using System.Text;

namespace DiploPortal.Core.Audit;

/// <summary>
/// The secret of the audit trail's keyed hash chain (HMAC-SHA256, decision 0005). It lives in the
/// portal's configuration, never in the database, so whoever can edit rows in the database (a
/// superuser) cannot recompute hashes that the verifier accepts.
/// </summary>
public sealed class AuditChainKey
{
    /// <summary>Configuration key: base64 of at least <see cref="MinimumBytes"/> random bytes.</summary>
    public const string ConfigurationKey = "Portal:Audit:ChainKey";

    public const int MinimumBytes = 32;

    private readonly byte[] _key;

    private AuditChainKey(byte[] key, bool isDevelopmentKey)
    {
        _key = key;
        IsDevelopmentKey = isDevelopmentKey;
    }

    /// <summary>
    /// The key Development uses when none is configured: fixed and written here, so it protects nothing.
    /// Production refuses to start without a configured key.
    /// </summary>
    public static AuditChainKey Development { get; } = new(SHA256.HashData("DiploPortal development audit chain key, published: protects nothing"u8), isDevelopmentKey: true);

    public bool IsDevelopmentKey { get; }

    /// <summary>A fresh key for the configuration, as base64.</summary>
    public static string NewKeyText() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinimumBytes));

    /// <summary>
    /// The configured key; when none is set, the development key if <paramref name="allowDevelopmentKey"/>,
    /// else null (a context without a key refuses to write audit entries).
    /// </summary>
    public static AuditChainKey? FromSetting(string? base64, bool allowDevelopmentKey)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return allowDevelopmentKey ? Development : null;
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new AuditChainKeyException($"{ConfigurationKey} is not base64.");
        }

        return key.Length >= MinimumBytes
            ? new AuditChainKey(key, isDevelopmentKey: false)
            : throw new AuditChainKeyException($"{ConfigurationKey} holds {key.Length} bytes; it needs at least {MinimumBytes}.");
    }

    /// <summary>Lower-case hex HMAC-SHA256 of <paramref name="text"/> (UTF-8).</summary>
    internal string Hash(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));
}

/// <summary>The audit chain key is missing or unusable: the portal does not start (or the tool does not write).</summary>
public sealed class AuditChainKeyException : InvalidOperationException
{
    public const string Hint = "set Portal__Audit__ChainKey to base64 of 32 random bytes (openssl rand -base64 32), kept outside the database";

    public AuditChainKeyException()
    {
    }

    public AuditChainKeyException(string message)
        : base(message)
    {
    }

    public AuditChainKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
