using System.Globalization;
using DiploPortal.Core.Common;

namespace DiploPortal.Web.Components.Shared;

/// <summary>
/// What a bounded text field says about its text before the save: the same words as the server's
/// <see cref="FormRules"/>, so that over-long text is named at once and never cut without a word.
/// </summary>
public static class TextLimit
{
    /// <summary>
    /// The most a field's box takes at all, so that a mistaken paste of a whole document stays within the circuit's
    /// message size (see <c>PortalUiExtensions</c>) instead of breaking it; the edge guard of JSON bodies has the same bound.
    /// </summary>
    public const int PasteLimit = 20_000;

    /// <summary>The box's own bound for a field of <paramref name="max"/> characters: always well above the limit, so over-long text stays visible.</summary>
    public static int BoxLimit(int max) => Math.Max(PasteLimit, max + (PasteLimit / 4));

    /// <summary>What is wrong with the text for a field of <paramref name="max"/> characters, or null when nothing is.</summary>
    public static string? Problem(string? text, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (FormRules.HoldsNul(text))
        {
            return FormRules.NulMessage;
        }

        var length = text.Trim().Length;
        var problem = length > max
            ? string.Create(CultureInfo.InvariantCulture, $"Keep this to {max:N0} characters; it has {length:N0}.")
            : null;
        if (text.Length >= BoxLimit(max))
        {
            // The browser stopped taking characters at the box's bound: say that the rest was left out.
            problem = string.Create(CultureInfo.InvariantCulture, $"{problem} The box takes at most {BoxLimit(max):N0} characters; the rest of what was pasted was left out.").TrimStart();
        }

        return problem;
    }
}
