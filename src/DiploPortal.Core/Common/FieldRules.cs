namespace DiploPortal.Core.Common;

/// <summary>Checks every record form makes of its plain fields, with the message a person reads beside the field.</summary>
public static class FieldRules
{
    /// <summary>A value that is not a member of <typeparamref name="TEnum"/> (a hand-made request).</summary>
    public static void Enum<TEnum>(FieldErrors errors, string field, TEnum value)
        where TEnum : struct, System.Enum
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!System.Enum.IsDefined(value))
        {
            errors.Add(field, $"Choose one of: {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
        }
    }

    /// <summary>Text longer than <paramref name="max"/> once trimmed.</summary>
    public static void Length(FieldErrors errors, string field, string? value, int max)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value?.Trim().Length is { } length && length > max)
        {
            errors.Add(field, $"Keep this to {max} characters; it has {length}.");
        }
    }

    /// <summary>A required name: not blank, and not longer than <paramref name="max"/>.</summary>
    public static void Name(FieldErrors errors, string field, string? value, int max, string missing)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var name = value?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add(field, missing);
        }
        else if (name.Length > max)
        {
            errors.Add(field, $"Keep this to {max} characters; it has {name.Length}.");
        }
    }

    /// <summary>A number that may not be below zero.</summary>
    public static void NotNegative(FieldErrors errors, string field, decimal value, string what)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value < 0)
        {
            errors.Add(field, $"{what} cannot be below zero.");
        }
    }

    /// <summary>Trimmed text, or null when blank.</summary>
    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
