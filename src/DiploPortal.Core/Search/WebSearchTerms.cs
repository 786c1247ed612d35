using System.Text;

namespace DiploPortal.Core.Search;

/// <summary>
/// The search box's text read the way <c>websearch_to_tsquery</c> reads it, for the small tables without a
/// search vector (nations, alliances) whose names are matched with ILIKE: words and "quoted phrases" are all
/// required, <c>or</c> between two of them makes either do, and a leading <c>-</c> excludes a word or phrase.
/// Unlike full-text search it matches parts of words ("fra" finds France), which suits names.
/// </summary>
public sealed record WebSearchTerms(IReadOnlyList<IReadOnlyList<string>> Required, IReadOnlyList<string> Excluded)
{
    public bool IsEmpty => Required.Count == 0;

    /// <summary>Every required word or phrase, for highlighting.</summary>
    public IEnumerable<string> AllRequired => Required.SelectMany(alternatives => alternatives);

    public static WebSearchTerms Parse(string? text)
    {
        var required = new List<List<string>>();
        var excluded = new List<string>();
        var joinNext = false;
        foreach (var (term, negated, quoted) in Tokens(text ?? ""))
        {
            if (!quoted && !negated && term.Equals("or", StringComparison.OrdinalIgnoreCase))
            {
                // "or" joins the terms on either side; at the start or the end it is just ignored, as in PostgreSQL.
                joinNext = required.Count > 0;
                continue;
            }

            if (negated)
            {
                excluded.Add(term);
                joinNext = false;
            }
            else if (joinNext)
            {
                required[^1].Add(term);
                joinNext = false;
            }
            else
            {
                required.Add([term]);
            }
        }

        return new WebSearchTerms(required.ConvertAll(r => (IReadOnlyList<string>)r), excluded);
    }

    private static IEnumerable<(string Term, bool Negated, bool Quoted)> Tokens(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var negated = text[i] == '-';
            if (negated)
            {
                i++;
            }

            if (i < text.Length && text[i] == '"')
            {
                var end = text.IndexOf('"', i + 1);
                end = end < 0 ? text.Length : end;
                var phrase = Collapse(text[(i + 1)..end]);
                i = end + 1;
                if (phrase.Length > 0)
                {
                    yield return (phrase, negated, true);
                }

                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"')
            {
                i++;
            }

            var word = Trim(text[start..i]);
            if (word.Length > 0)
            {
                yield return (word, negated, false);
            }
        }
    }

    /// <summary>Punctuation around a word ("Korea," or "(NATO)") is not part of what is looked for.</summary>
    private static string Trim(string word)
    {
        var start = 0;
        var end = word.Length;
        while (start < end && !char.IsLetterOrDigit(word[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetterOrDigit(word[end - 1]))
        {
            end--;
        }

        return word[start..end];
    }

    private static string Collapse(string phrase)
    {
        var result = new StringBuilder(phrase.Length);
        foreach (var part in phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = Trim(part);
            if (word.Length > 0)
            {
                result.Append(result.Length > 0 ? " " : "").Append(word);
            }
        }

        return result.ToString();
    }
}
