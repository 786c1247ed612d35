namespace DiploPortal.Core.Nations;

/// <summary>A nation code as people type it in an address (" fra") and as the database stores it ("FRA").</summary>
public static class NationCode
{
    /// <summary>Trimmed and upper case; null for blank.</summary>
    public static string? Normalise(string? code) => string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToUpperInvariant();
}
