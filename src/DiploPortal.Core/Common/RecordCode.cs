namespace DiploPortal.Core.Common;

/// <summary>Nation codes and alliance acronyms as people type them (" fra") and as the database stores them ("FRA").</summary>
public static class RecordCode
{
    /// <summary>Trimmed and upper case; null for blank.</summary>
    public static string? Normalise(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ToUpperInvariant();
}
