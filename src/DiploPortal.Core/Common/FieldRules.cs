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

    /// <summary>
    /// Lines of a form that each name a nation (participants, contributions): every line names one, that nation
    /// exists, and no nation is named twice. The codes, normalised, one per line (null for a line without one).
    /// </summary>
    public static IReadOnlyList<string?> NationLines(FieldErrors errors, string field, IEnumerable<string?> nations, Func<string, bool> nationExists, string line)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(nations);
        ArgumentNullException.ThrowIfNull(nationExists);
        var codes = nations.Select(RecordCode.Normalise).ToList();
        if (codes.Any(c => c is null))
        {
            errors.Add(field, $"Choose a nation on every {line} line, or remove the line.");
        }

        var named = codes.OfType<string>().ToList();
        foreach (var unknown in named.Where(c => !nationExists(c)).Distinct())
        {
            errors.Add(field, $"There is no nation with the code {unknown}.");
        }

        foreach (var twice in named.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            errors.Add(field, $"{twice} is named twice.");
        }

        return codes;
    }

    /// <summary>Trimmed text, or null when blank.</summary>
    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
