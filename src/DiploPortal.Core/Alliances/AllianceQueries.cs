using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Alliances;

public sealed record AllianceSummary(
    string Acronym,
    string Name,
    AllianceKind Kind,
    DateOnly FoundedOn,
    DateOnly? DissolvedOn,
    string? Headquarters,
    int CurrentMembers);

/// <summary>One membership period of a nation in an alliance.</summary>
public sealed record AllianceMember(
    string NationCode,
    string Iso2,
    string NationName,
    MembershipRole Role,
    DateOnly JoinedOn,
    DateOnly? LeftOn,
    DateOnly? SuspendedFrom,
    DateOnly? SuspendedUntil,
    string? Note,
    string? Source)
{
    public bool IsMemberOn(DateOnly day) => AllianceMembership.Includes(JoinedOn, LeftOn, day);

    public bool IsSuspendedOn(DateOnly day) => SuspendedFrom is { } from && AllianceMembership.Includes(from, SuspendedUntil, day);
}

public sealed record AllianceDetails(
    AllianceSummary Alliance,
    string? FoundingTreaty,
    string? Description,
    string? Source,
    IReadOnlyList<AllianceMember> Memberships,
    int Id = 0,
    uint Version = 0);

/// <summary>Read side of alliances: lists, the alliance page, and membership on a given day.</summary>
public sealed class AllianceQueries(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<AllianceSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var today = Today;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Alliances.AsNoTracking()
            .OrderBy(a => a.Acronym)
            .Select(a => new AllianceSummary(
                a.Acronym, a.Name, a.Kind, a.FoundedOn, a.DissolvedOn, a.Headquarters,
                a.Memberships.AsQueryable().Count(AllianceMembership.FullMemberOn(today))))
            .ToListAsync(cancellationToken);
    }

    public async Task<AllianceDetails?> FindAsync(string acronym, CancellationToken cancellationToken = default)
    {
        var today = Today;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var alliance = await db.Alliances.AsNoTracking()
            .Where(a => EF.Functions.ILike(a.Acronym, LikePattern.Escape(acronym.Trim()), LikePattern.EscapeCharacter))
            .Select(a => new { a.Id, a.Acronym, a.Name, a.Kind, a.FoundedOn, a.DissolvedOn, a.Headquarters, a.FoundingTreaty, a.Description, a.Source, a.Version })
            .FirstOrDefaultAsync(cancellationToken);
        if (alliance is null)
        {
            return null;
        }

        var members = await MembersQuery(db, alliance.Id, onDay: null).ToListAsync(cancellationToken);
        var current = members.Count(m => m.Role is MembershipRole.FoundingMember or MembershipRole.Member && m.IsMemberOn(today));
        return new AllianceDetails(
            new AllianceSummary(alliance.Acronym, alliance.Name, alliance.Kind, alliance.FoundedOn, alliance.DissolvedOn, alliance.Headquarters, current),
            alliance.FoundingTreaty,
            alliance.Description,
            alliance.Source,
            members,
            alliance.Id,
            alliance.Version);
    }

    /// <summary>The nations that belonged to the alliance on <paramref name="day"/>, or null when no such alliance exists.</summary>
    public async Task<IReadOnlyList<AllianceMember>?> MembersOnAsync(string acronym, DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var allianceId = await db.Alliances.Where(a => EF.Functions.ILike(a.Acronym, LikePattern.Escape(acronym.Trim()), LikePattern.EscapeCharacter))
            .Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
        if (allianceId is null)
        {
            return null;
        }

        return await MembersQuery(db, allianceId.Value, day).ToListAsync(cancellationToken);
    }

    /// <summary>Membership periods of an alliance; with <paramref name="onDay"/>, only those that include that day.</summary>
    private static IQueryable<AllianceMember> MembersQuery(PortalDbContext db, int allianceId, DateOnly? onDay)
    {
        var periods = db.AllianceMemberships.AsNoTracking().Where(m => m.AllianceId == allianceId);
        if (onDay is { } day)
        {
            periods = periods.Where(AllianceMembership.ActiveOn(day));
        }

        return periods
            .OrderBy(m => m.Nation!.Name).ThenBy(m => m.JoinedOn)
            .Select(m => new AllianceMember(
                m.Nation!.Code, m.Nation.Iso2, m.Nation.Name, m.Role, m.JoinedOn, m.LeftOn, m.SuspendedFrom, m.SuspendedUntil, m.Note, m.Source));
    }
}
