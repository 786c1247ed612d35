using System.Linq.Expressions;
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
    public bool IsMemberOn(DateOnly day) => Includes(JoinedOn, LeftOn, day);

    public bool IsSuspendedOn(DateOnly day) => SuspendedFrom is { } from && Includes(from, SuspendedUntil, day);

    /// <summary>
    /// The one rule for dated periods: the first day counts, the end day is the first day outside,
    /// and an open end means "still".
    /// </summary>
    public static bool Includes(DateOnly from, DateOnly? until, DateOnly day) => from <= day && (until is null || day < until);

    /// <summary><see cref="IsMemberOn"/> as an expression that queries translate to SQL.</summary>
    public static Expression<Func<AllianceMembership, bool>> ActiveOn(DateOnly day) =>
        m => m.JoinedOn <= day && (m.LeftOn == null || m.LeftOn > day);

    /// <summary>
    /// The nations whose nationals receive what is released to the alliance on <paramref name="day"/>:
    /// full members (founding members and members) in their period and not suspended that day. Partners
    /// and observers take part in the alliance's work but are not parties to its security agreements, and a
    /// suspended member has lost its rights for the time being, so neither receives alliance-released records.
    /// The one rule of releasability by alliance (<see cref="AllianceReleasability"/>).
    /// </summary>
    public static Expression<Func<AllianceMembership, bool>> SharesReleasabilityOn(DateOnly day) =>
        m => (m.Role == MembershipRole.FoundingMember || m.Role == MembershipRole.Member)
            && m.JoinedOn <= day && (m.LeftOn == null || m.LeftOn > day)
            && !(m.SuspendedFrom != null && m.SuspendedFrom <= day && (m.SuspendedUntil == null || m.SuspendedUntil > day));

    /// <summary>Founding members and members (not partners or observers) on <paramref name="day"/>, for queries.</summary>
    public static Expression<Func<AllianceMembership, bool>> FullMemberOn(DateOnly day) =>
        m => (m.Role == MembershipRole.FoundingMember || m.Role == MembershipRole.Member)
            && m.JoinedOn <= day && (m.LeftOn == null || m.LeftOn > day);
}
