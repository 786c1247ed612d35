using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Common;

/// <summary>
/// The rules every record form shares, each writing its message beside its field: required text within a
/// length, a known enum member, and the marking (a known classification no higher than the user's
/// clearance, releasable only to nations and alliances that exist).
/// </summary>
public static class FormRules
{
    /// <summary>PostgreSQL cannot store a NUL character in text; it is refused beside its field, never sent.</summary>
    public const string NulMessage = "This text holds a NUL character, which cannot be stored.";

    /// <summary>Text that must be given and fit in <paramref name="max"/> characters (trimmed).</summary>
    public static void Required(FieldErrors errors, string field, string? value, int max, string missing)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors.Add(field, missing);
        }
        else if (HoldsNul(text))
        {
            errors.Add(field, NulMessage);
        }
        else if (text.Length > max)
        {
            errors.Add(field, $"Keep this to {max} characters; it has {text.Length}.");
        }
    }

    /// <summary>Optional text that must fit in <paramref name="max"/> characters (trimmed).</summary>
    public static void Length(FieldErrors errors, string field, string? value, int max)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (HoldsNul(value))
        {
            errors.Add(field, NulMessage);
        }
        else if (value?.Trim().Length is { } length && length > max)
        {
            errors.Add(field, $"Keep this to {max} characters; it has {length}.");
        }
    }

    /// <summary>Whether the text holds a NUL character, which PostgreSQL refuses in text.</summary>
    public static bool HoldsNul(string? value) => value?.Contains('\0', StringComparison.Ordinal) == true;

    /// <summary>The trimmed text, or null for blank.</summary>
    public static string? OrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static void Defined<TEnum>(FieldErrors errors, string field, TEnum value)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!Enum.IsDefined(value))
        {
            errors.Add(field, $"Choose one of: {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }
    }

    /// <summary>A nation code, when given, must exist.</summary>
    public static void KnownNation(FieldErrors errors, string field, string? code, Func<string, bool> nationExists)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(nationExists);
        if (RecordCode.Normalise(code) is { } known && !nationExists(known))
        {
            errors.Add(field, $"There is no nation with the code {known}.");
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

    /// <summary>The ids of the nations with these codes (codes that do not exist are missing from it).</summary>
    public static async Task<IReadOnlyDictionary<string, int>> NationIdsAsync(PortalDbContext db, IEnumerable<string?> codes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var wanted = codes.Select(RecordCode.Normalise).OfType<string>().Distinct().ToList();
        return wanted.Count == 0
            ? new Dictionary<string, int>()
            : await db.Nations.Where(n => wanted.Contains(n.Code)).ToDictionaryAsync(n => n.Code, n => n.Id, cancellationToken);
    }

    /// <summary>Those of these acronyms that name an alliance.</summary>
    public static async Task<IReadOnlySet<string>> ExistingAlliancesAsync(PortalDbContext db, IEnumerable<string> acronyms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var wanted = acronyms.Select(RecordCode.Normalise).OfType<string>().Distinct().ToList();
        return wanted.Count == 0
            ? new HashSet<string>()
            : (await db.Alliances.Where(a => wanted.Contains(a.Acronym)).Select(a => a.Acronym).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
    }
}
