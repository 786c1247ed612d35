using DiploPortal.Core.Data;
using DiploPortal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Common;

/// <summary>
/// The rules every record form shares, each writing its message beside its field: required text within a
/// length, a known enum member, and the marking (a known classification no higher than the user's
/// clearance, releasable only to nations and alliances that exist).
/// </summary>
public static class FormRules
{
    /// <summary>Text that must be given and fit in <paramref name="max"/> characters (trimmed).</summary>
    public static void Required(FieldErrors errors, string field, string? value, int max, string missing)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors.Add(field, missing);
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
        if (value?.Trim().Length is { } length && length > max)
        {
            errors.Add(field, $"Keep this to {max} characters; it has {length}.");
        }
    }

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

    /// <summary>
    /// The marking of a record: its classification is known and
    /// not above the user's clearance; the releasability codes name nations and alliances that exist.
    /// </summary>
    public static void Marking(
        FieldErrors errors,
        (string Field, Classification Value) classification,
        (string Field, IEnumerable<string> Codes) nations,
        (string Field, IEnumerable<string> Acronyms) alliances,
        Func<string, bool> nationExists,
        Func<string, bool> allianceExists,
        CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(nationExists);
        ArgumentNullException.ThrowIfNull(allianceExists);
        ArgumentNullException.ThrowIfNull(user);
        Defined(errors, classification.Field, classification.Value);
        foreach (var unknown in nations.Codes.Select(RecordCode.Normalise).OfType<string>().Where(c => !nationExists(c)).Distinct())
        {
            errors.Add(nations.Field, $"There is no nation with the code {unknown}.");
        }

        foreach (var unknown in alliances.Acronyms.Select(RecordCode.Normalise).OfType<string>().Where(a => !allianceExists(a)).Distinct())
        {
            errors.Add(alliances.Field, $"There is no alliance {unknown}.");
        }

        if (!user.IsSystem && classification.Value > user.Clearance)
        {
            errors.Add(classification.Field, $"You are cleared to {user.Clearance} and cannot mark a record {classification.Value}.");
        }
    }

    /// <summary>Codes as stored: normalised, once each, in order.</summary>
    public static List<string> Codes(IEnumerable<string> codes) =>
        [.. codes.Select(RecordCode.Normalise).OfType<string>().Distinct().Order(StringComparer.Ordinal)];

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
