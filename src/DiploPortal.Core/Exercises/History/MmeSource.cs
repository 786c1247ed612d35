using System.Globalization;
using System.Security.Cryptography;

namespace DiploPortal.Core.Exercises.History;

/// <summary>
/// The Multinational Military Exercises data set shipped in this assembly (Exercises/History/Data, see its
/// README.md): the file, its mapping files and how an imported exercise cites its row.
/// </summary>
public static class MmeSource
{
    /// <summary>The prefix of <see cref="JointExercise.SourceKey"/> for rows of this data set.</summary>
    public const string KeyPrefix = "mme:";

    public const string FileName = "mme_v7.csv";

    public const string Citation =
        "Multinational Military Exercises 1980–2010 (D'Orazio & Galambos 2021), Harvard Dataverse, doi:10.7910/DVN/KHFODX";

    public const string CitationLink = "https://doi.org/10.7910/DVN/KHFODX";

    /// <summary>The source key of a row: its MMEID, and for the second and later rows with the same MMEID their occurrence (<c>mme:mme3460#2</c>).</summary>
    public static string KeyOf(string mmeId, int occurrence) =>
        occurrence <= 1 ? KeyPrefix + mmeId : string.Create(CultureInfo.InvariantCulture, $"{KeyPrefix}{mmeId}#{occurrence}");

    /// <summary>
    /// What a page says of an exercise imported from this data set ("Source: ... row MMEID mme87"), or null
    /// when its source key is not one of this data set's.
    /// </summary>
    public static string? Describe(string? sourceKey)
    {
        if (sourceKey is null || !sourceKey.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var key = sourceKey[KeyPrefix.Length..];
        var hash = key.IndexOf('#', StringComparison.Ordinal);
        var row = hash < 0 ? $"row MMEID {key}"
            : $"row MMEID {key[..hash]} (occurrence {key[(hash + 1)..]} of an identifier the data set uses twice)";
        return $"Source: {Citation}, {row}";
    }

    public static Stream OpenFile() => Open(FileName);

    internal static Stream Open(string name) =>
        typeof(MmeSource).Assembly.GetManifestResourceStream($"DiploPortal.History.{name}")
            ?? throw new InvalidOperationException($"The embedded file {name} is missing from DiploPortal.Core.");

    /// <summary>Lower-case hex SHA-256 of the shipped file.</summary>
    public static string FileSha256()
    {
        using var stream = OpenFile();
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
