using DiploPortal.Core.Common;

namespace DiploPortal.Core.Alliances;

/// <summary>A strategic alliance, treaty organisation or defence pact.</summary>
public class Alliance : IVersionedRecord
{
    public int Id { get; set; }

    public required string Acronym { get; set; }

    public required string Name { get; set; }

    public AllianceKind Kind { get; set; }

    public string? FoundingTreaty { get; set; }

    public DateOnly FoundedOn { get; set; }

    public DateOnly? DissolvedOn { get; set; }

    public string? Headquarters { get; set; }

    public string? Description { get; set; }

    public string? Source { get; set; }

    public List<AllianceMembership> Memberships { get; set; } = [];

    public uint Version { get; set; }
}
