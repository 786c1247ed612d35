using System.Collections;

namespace DiploPortal.Core.Common;

/// <summary>
/// The nations a list is narrowed to, every one of which must have taken part ("engagements between
/// France and Germany"): codes in capitals, each once, in the order given. Compared by value, so that a
/// filter record holding it stays comparable (<see cref="IListFilter.IsEmpty"/>).
/// </summary>
public sealed class NationSet : IReadOnlyList<string>, IEquatable<NationSet>
{
    /// <summary>
    /// At most this many nations in one filter: each adds a condition to the query, and no one asks for
    /// what eleven nations all attended.
    /// </summary>
    public const int Max = 10;

    private readonly string[] _codes;

    private NationSet(string[] codes) => _codes = codes;

    public static NationSet None { get; } = new([]);

    /// <summary>The codes given, trimmed and in capitals, blanks and repeats left out.</summary>
    public static NationSet Of(params IEnumerable<string?> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var distinct = codes.Select(RecordCode.Normalise).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        return distinct.Length == 0 ? None : new NationSet(distinct);
    }

    public int Count => _codes.Length;

    public string this[int index] => _codes[index];

    public bool IsEmpty => _codes.Length == 0;

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_codes).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(NationSet? other) => other is not null && _codes.AsSpan().SequenceEqual(other._codes);

    public override bool Equals(object? obj) => Equals(obj as NationSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var code in _codes)
        {
            hash.Add(code, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>"FRA, DEU": the codes as an export's filter line shows them.</summary>
    public override string ToString() => string.Join(", ", _codes);
}
