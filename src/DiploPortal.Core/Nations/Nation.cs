using DiploPortal.Core.Common;

namespace DiploPortal.Core.Nations;

/// <summary>
/// A sovereign state, current (ISO 3166-1) or former (ISO 3166-3), identified by <see cref="Code"/>.
/// </summary>
public class Nation : IVersionedRecord
{
    public int Id { get; set; }

    /// <summary>ISO 3166-1 alpha-3 for current states, the ISO 3166-3 four-letter code for former ones.</summary>
    public required string Code { get; set; }

    public required string Iso2 { get; set; }

    public required string Iso3 { get; set; }

    /// <summary>ISO 3166-1 numeric code; null for former states.</summary>
    public string? NumericCode { get; set; }

    public required string Name { get; set; }

    public string? OfficialName { get; set; }

    public required string Region { get; set; }

    public string? SubRegion { get; set; }

    public string? Capital { get; set; }

    /// <summary>When a former state came into being; null for current states.</summary>
    public DateOnly? ExistedFrom { get; set; }

    /// <summary>When a former state ceased to exist; null while it exists.</summary>
    public DateOnly? ExistedUntil { get; set; }

    /// <summary>Alpha-3 codes of the states that succeeded a former state.</summary>
    public List<string> Successors { get; set; } = [];

    public string? Source { get; set; }

    public bool IsHistorical => ExistedUntil is not null;

    public uint Version { get; set; }
}
