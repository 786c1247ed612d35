namespace DiploPortal.Core.Common;

/// <summary>The rules every free-text field of a form shares: required or not, and a maximum length.</summary>
public static class FormText
{
    public static void Check(FieldErrors errors, string field, string? value, int maxLength, bool required)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (required && string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "This is required.");
        }
        else if (value?.Trim().Length > maxLength)
        {
            errors.Add(field, $"Keep it to {maxLength} characters.");
        }
    }

    /// <summary>The trimmed text, or null for blank.</summary>
    public static string? OrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
