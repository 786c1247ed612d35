using System.Globalization;
using System.Text.RegularExpressions;

namespace DiploPortal.Core.Common;

/// <summary>What <see cref="DayText.Read"/> made of a text: the day, or why there is none. Both are null for blank text.</summary>
public readonly record struct DayReading(DateOnly? Day, string? Problem)
{
    public bool IsBlank => Day is null && Problem is null;
}

/// <summary>
/// The one reader of a day a person wrote, shared by every date field and the import so that the two can
/// never disagree. It accepts ISO 8601 (2025-03-04) and the portal's own "4 Mar 2025" or "4 March 2025":
/// the forms nobody can read two ways. 03/04/2025 means different days to different readers, so it is
/// refused with a message that says so, never guessed.
/// </summary>
public static partial class DayText
{
    /// <summary>No form of a day is longer; anything longer is refused before it is parsed.</summary>
    public const int MaxLength = 40;

    /// <summary>How a day is shown when it has been read: "Tuesday 3 November 2026".</summary>
    public const string LongFormat = "dddd d MMMM yyyy";

    private static readonly string[] Iso = ["yyyy-MM-dd", "yyyy-M-d"];
    private static readonly string[] Named = ["d MMM yyyy", "d MMMM yyyy"];

    /// <summary>The day in <paramref name="text"/>, or the reason it is not one; blank text is neither.</summary>
    public static DayReading Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return new(null, "The date holds a NUL character. Write it as yyyy-MM-dd (for example 2025-03-04).");
        }

        if (text.Length > MaxLength)
        {
            return new(null, $"That is too long to be a date (at most {MaxLength} characters). Write it as yyyy-MM-dd (for example 2025-03-04).");
        }

        var trimmed = Spaces().Replace(text.Trim(), " ");
        if (DateOnly.TryParseExact(trimmed, Iso, CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)
            || DateOnly.TryParseExact(trimmed, Named, CultureInfo.InvariantCulture, DateTimeStyles.None, out iso))
        {
            return new(iso, null);
        }

        return new(null, Problem(trimmed));
    }

    /// <summary>The day as a person reads it back: "Tuesday 3 November 2026".</summary>
    public static string InWords(DateOnly day) => day.ToString(LongFormat, CultureInfo.InvariantCulture);

    private static string Problem(string text)
    {
        var numeric = NumericDate().Match(text);
        if (numeric.Success && int.Parse(numeric.Groups[1].Value, CultureInfo.InvariantCulture) <= 12 && int.Parse(numeric.Groups[2].Value, CultureInfo.InvariantCulture) <= 12)
        {
            return $"'{text}' is ambiguous: it could be day/month or month/day, and the portal never guesses. Write it as yyyy-MM-dd.";
        }

        if (numeric.Success)
        {
            return $"'{text}' is not in an accepted form; the portal never guesses the order of day and month. Write it as yyyy-MM-dd.";
        }

        return IsoShape().IsMatch(text) || NamedShape().IsMatch(text)
            ? $"'{text}' is not a day of the calendar (that month has fewer days, or there is no such month)."
            : $"'{text}' is not a date. Write it as yyyy-MM-dd (for example 2025-03-04) or 4 Mar 2025.";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(\d{1,2})[./-](\d{1,2})[./-](\d{2,4})$")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"^\d{4}-\d{1,2}-\d{1,2}$")]
    private static partial Regex IsoShape();

    [GeneratedRegex(@"^\d{1,2} [A-Za-z]{3,9} \d{4}$")]
    private static partial Regex NamedShape();
}
