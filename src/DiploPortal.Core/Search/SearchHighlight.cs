using System.Text;

namespace DiploPortal.Core.Search;

/// <summary>A piece of highlighted text: either a match of the query or the text around one.</summary>
public readonly record struct HighlightSegment(string Text, bool IsMatch);

/// <summary>Where a match lies in the plain text (UTF-16 code units, as in a .NET or JavaScript string).</summary>
public readonly record struct HighlightRange(int Start, int Length);

/// <summary>
/// Text with matches marked by two control characters, as <c>ts_headline</c> writes it. Control characters
/// rather than HTML tags, so that nobody is tempted to render the text as markup: the record's own text may
/// contain anything, including "&lt;script&gt;". Readers split it into segments (the page renders each as a
/// text node) or into plain text and ranges (the API). A marker that happens to be in a record's text can
/// only shift what is marked, never inject anything.
/// </summary>
public static class SearchHighlight
{
    /// <summary>Start of a match (STX).</summary>
    public const char StartMarker = '\u0002';

    /// <summary>End of a match (ETX).</summary>
    public const char StopMarker = '\u0003';

    private static readonly char[] Markers = [StartMarker, StopMarker];

    public static IReadOnlyList<HighlightSegment> Segments(string? marked)
    {
        var segments = new List<HighlightSegment>();
        if (string.IsNullOrEmpty(marked))
        {
            return segments;
        }

        var text = new StringBuilder();
        var inMatch = false;
        foreach (var c in marked)
        {
            if (c is not (StartMarker or StopMarker))
            {
                text.Append(c);
                continue;
            }

            var opens = c == StartMarker;
            if (opens == inMatch)
            {
                // A stray marker (two starts in a row, a stop without a start) changes nothing.
                continue;
            }

            if (text.Length > 0)
            {
                segments.Add(new HighlightSegment(text.ToString(), inMatch));
                text.Clear();
            }

            inMatch = opens;
        }

        if (text.Length > 0)
        {
            segments.Add(new HighlightSegment(text.ToString(), inMatch));
        }

        return segments;
    }

    /// <summary>The text without markers.</summary>
    public static string Plain(string? marked) =>
        string.IsNullOrEmpty(marked) || marked.IndexOfAny(Markers) < 0
            ? marked ?? ""
            : string.Concat(marked.Split(Markers));

    /// <summary>The matches as ranges of <see cref="Plain"/>.</summary>
    public static IReadOnlyList<HighlightRange> Ranges(string? marked)
    {
        var ranges = new List<HighlightRange>();
        var position = 0;
        foreach (var segment in Segments(marked))
        {
            if (segment.IsMatch)
            {
                ranges.Add(new HighlightRange(position, segment.Text.Length));
            }

            position += segment.Text.Length;
        }

        return ranges;
    }

    /// <summary>
    /// Marks every case-insensitive occurrence of <paramref name="terms"/> in <paramref name="text"/>: for names
    /// matched with ILIKE, which <c>ts_headline</c> would not mark (it marks words, not parts of words).
    /// </summary>
    public static string Mark(string text, IEnumerable<string> terms)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        var marked = new bool[text.Length];
        foreach (var term in terms.Where(t => t.Length > 0))
        {
            for (var at = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(term, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                Array.Fill(marked, true, at, Math.Min(term.Length, text.Length - at));
            }
        }

        var result = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            if (marked[i] && (i == 0 || !marked[i - 1]))
            {
                result.Append(StartMarker);
            }

            result.Append(text[i]);
            if (marked[i] && (i == text.Length - 1 || !marked[i + 1]))
            {
                result.Append(StopMarker);
            }
        }

        return result.ToString();
    }
}
