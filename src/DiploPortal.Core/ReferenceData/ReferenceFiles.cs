using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DiploPortal.Core.Alliances;
using DiploPortal.Core.Common;

namespace DiploPortal.Core.ReferenceData;

/// <summary>A nation as the reference files describe it.</summary>
internal sealed record NationRecord(
    string Code, string Iso2, string Iso3, string? NumericCode, string Name, string? OfficialName,
    string Region, string? SubRegion, string? Capital, DateOnly? ExistedFrom, DateOnly? ExistedUntil,
    IReadOnlyList<string> Successors, string Source);

internal sealed record AllianceRecord(
    string Acronym, string Name, AllianceKind Kind, string? FoundingTreaty, DateOnly FoundedOn, DateOnly? DissolvedOn,
    string? Headquarters, string? Description, string? Source, IReadOnlyList<MembershipRecord> Members);

internal sealed record MembershipRecord(
    string Nation, MembershipRole Role, DateOnly Joined, DateOnly? Left, DateOnly? SuspendedFrom, DateOnly? SuspendedUntil,
    string? Note, string? Source);

/// <summary>
/// Reads the reference files embedded in this assembly (see ReferenceData/Data/README.md for their sources).
/// </summary>
internal static class ReferenceFiles
{
    private const string IsoSource = "ISO 3166-1 with UN M49 regions: github.com/lukes/ISO-3166-Countries-with-Regional-Codes (CC BY-SA 4.0); names and capitals: npm world-countries 5.1.0 (ODbL)";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static IReadOnlyList<NationRecord> Nations()
    {
        var world = ReadCsv("world-countries.csv").ToDictionary(r => r["alpha3"], StringComparer.Ordinal);
        var nations = new List<NationRecord>();
        foreach (var row in ReadCsv("iso3166.csv"))
        {
            var alpha3 = row["alpha-3"];
            world.TryGetValue(alpha3, out var extra);
            // The ISO file leaves some regions empty (Taiwan, Antarctica): fall back to the world-countries file.
            var region = NullIfBlank(row["region"]) ?? NullIfBlank(extra?["region"]) ?? "Other";
            var subRegion = NullIfBlank(row["sub-region"]) ?? NullIfBlank(extra?["subregion"]);
            nations.Add(new NationRecord(
                alpha3, row["alpha-2"], alpha3, NullIfBlank(row["country-code"]),
                NullIfBlank(extra?["common_name"]) ?? row["name"], row["name"],
                region, subRegion, NullIfBlank(extra?["capital"]), null, null, [], IsoSource));
        }

        foreach (var row in ReadCsv("historical-states.csv"))
        {
            nations.Add(new NationRecord(
                row["code"], row["iso2"], row["iso3"], null, row["name"], NullIfBlank(row["official_name"]),
                row["region"], NullIfBlank(row["sub_region"]), NullIfBlank(row["capital"]),
                ParseDate(row["existed_from"]), ParseDate(row["existed_until"]),
                row["successors"].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                row["source"]));
        }

        return nations;
    }

    public static IReadOnlyList<AllianceRecord> Alliances()
    {
        using var stream = Open("alliances.json");
        return JsonSerializer.Deserialize<List<AllianceRecord>>(stream, JsonOptions)
            ?? throw new InvalidDataException("alliances.json is empty.");
    }

    private static List<IReadOnlyDictionary<string, string>> ReadCsv(string name)
    {
        using var reader = new StreamReader(Open(name));
        return CsvReader.ReadWithHeader(reader).ToList();
    }

    private static Stream Open(string name) =>
        typeof(ReferenceFiles).Assembly.GetManifestResourceStream($"DiploPortal.ReferenceData.{name}")
            ?? throw new InvalidOperationException($"The reference file {name} is not embedded in {typeof(ReferenceFiles).Assembly.GetName().Name}.");

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? ParseDate(string value) =>
        string.IsNullOrWhiteSpace(value) ? null : DateOnly.ParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
