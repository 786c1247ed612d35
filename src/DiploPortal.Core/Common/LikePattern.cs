namespace DiploPortal.Core.Common;

/// <summary>Builds PostgreSQL LIKE patterns from user text, escaping the wildcards it may contain.</summary>
public static class LikePattern
{
    public const string EscapeCharacter = "\\";

    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);

    public static string Contains(string text) => $"%{Escape(text.Trim())}%";
}
