using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace DiploPortal.Core.Common;

/// <summary>
/// A position in a sorted list: the sort key and id of a row. Pages start after (or end before) it,
/// so a page 500,000 rows deep costs what the first does, unlike OFFSET (docs/PERFORMANCE.md).
/// Its text form is opaque and URL-safe, for links that can be bookmarked.
/// </summary>
public readonly record struct Cursor(string Key, int Id)
{
    public override string ToString() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Key)) + "." + Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The longest cursor text: a 200-character title key in four-byte UTF-8, in base64, with its id.</summary>
    public const int MaxLength = 1_200;

    /// <summary>Null for text that is not a cursor (a hand-edited link): the list then starts at the top.</summary>
    public static Cursor? Parse(string? text)
    {
        var dot = text?.LastIndexOf('.') ?? -1;
        if (text is null || dot < 0 || text.Length > MaxLength)
        {
            return null;
        }

        try
        {
            var key = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text.AsSpan(0, dot)));
            // A key the portal never wrote (a NUL, which PostgreSQL refuses in text) is no cursor.
            return !key.Contains('\0', StringComparison.Ordinal) && int.TryParse(text[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? new Cursor(key, id)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>Which way from the cursor a page goes.</summary>
public enum PageDirection
{
    After,
    Before,
}

/// <summary>One page of a list and the cursors of its neighbours (null at either end).</summary>
public sealed record KeysetPage<T>(IReadOnlyList<T> Items, Cursor? Previous, Cursor? Next);

/// <summary>
/// How many rows a filter matches, counted up to <see cref="Cap"/>: an exact count of a broad filter over
/// a million rows costs more than the page itself, so lists say "1,000+" and fetch the count after the page.
/// </summary>
public sealed record MatchCount(int Count, bool IsCapped)
{
    public const int Cap = 1_000;

    public static MatchCount Of(int countedUpToCapPlusOne) => new(Math.Min(countedUpToCapPlusOne, Cap), countedUpToCapPlusOne > Cap);

    /// <summary>"734" or "1,000+".</summary>
    public string Text => Count.ToString("N0", CultureInfo.InvariantCulture) + (IsCapped ? "+" : "");
}
