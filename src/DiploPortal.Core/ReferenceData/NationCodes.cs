using System.Collections.Frozen;

namespace DiploPortal.Core.ReferenceData;

/// <summary>
/// The nation codes the portal knows, from the reference files that fill <c>nations</c> (codes never
/// change there: nations are loaded from these files and never created or deleted by people), so an
/// address can be checked without a query: a current state's ISO alpha-3 code, a former state's
/// four-letter ISO 3166-3 code, and the alpha-2 codes of current states, which read as their alpha-3.
/// </summary>
public static class NationCodes
{
    private static readonly Lazy<(FrozenSet<string> Codes, FrozenDictionary<string, string> Alpha2)> Known = new(Load);

    /// <summary>The portal's code for <paramref name="code"/> (any case; alpha-2 becomes alpha-3), or null when no nation has it.</summary>
    public static string? Resolve(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var upper = code.Trim().ToUpperInvariant();
        var (codes, alpha2) = Known.Value;
        return codes.Contains(upper) ? upper : alpha2.GetValueOrDefault(upper);
    }

    private static (FrozenSet<string>, FrozenDictionary<string, string>) Load()
    {
        var nations = ReferenceFiles.Nations();
        var codes = nations.Select(n => n.Code).ToFrozenSet(StringComparer.Ordinal);
        // Former states' alpha-2 codes were reused (CS was Czechoslovakia, then Serbia and Montenegro): only current states'.
        var alpha2 = nations.Where(n => n.ExistedUntil is null && n.Iso2.Length == 2)
            .ToFrozenDictionary(n => n.Iso2, n => n.Code, StringComparer.Ordinal);
        return (codes, alpha2);
    }
}
