using DiploPortal.Core.Nations;

namespace DiploPortal.Core.Alliances;

public enum MembershipRole
{
    FoundingMember,
    Member,
    Partner,
    Observer,
}

/// <summary>
/// One period of a nation's membership of an alliance. A nation that left and rejoined has
/// two periods; the database refuses overlapping periods of the same nation in one alliance.
/// </summary>
public class AllianceMembership
{
    public int Id { get; set; }

    public int AllianceId { get; set; }

    public Alliance? Alliance { get; set; }

    public int NationId { get; set; }

    public Nation? Nation { get; set; }

    public MembershipRole Role { get; set; }

    public DateOnly JoinedOn { get; set; }

    /// <summary>The first day the nation was no longer a member; null while it is.</summary>
    public DateOnly? LeftOn { get; set; }

    public DateOnly? SuspendedFrom { get; set; }

    public DateOnly? SuspendedUntil { get; set; }

    public string? Note { get; set; }

    public string? Source { get; set; }

    public uint Version { get; set; }

    /// <summary>Whether the nation was a member on <paramref name="day"/> (suspended members still count).</summary>
    public bool IsMemberOn(DateOnly day) => JoinedOn <= day && (LeftOn is null || day < LeftOn);

    public bool IsSuspendedOn(DateOnly day) =>
        SuspendedFrom is { } from && from <= day && (SuspendedUntil is null || day < SuspendedUntil);
}
