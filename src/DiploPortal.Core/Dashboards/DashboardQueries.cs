using DiploPortal.Core.Alliances;
using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Dashboards;

/// <summary>An alliance and how many full members it has today.</summary>
public sealed record AllianceStrength(string Acronym, string Name, AllianceKind Kind, DateOnly FoundedOn, DateOnly? DissolvedOn, int CurrentMembers);

/// <summary>Full members of an alliance at the end of <see cref="Year"/> (or today, for the current year).</summary>
public sealed record MembersInYear(int Year, int Members);

/// <summary>Counts of the reference data and of the operational records, for administrators.</summary>
public sealed record PortalFacts(
    int CurrentNations,
    int FormerStates,
    int Alliances,
    int Memberships,
    int Engagements,
    int Exercises,
    int Missions,
    int Attaches,
    int DemoRecords);

/// <summary>Read side of the analysts' dashboards and the administrators' facts.</summary>
public sealed class DashboardQueries(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<AllianceStrength>> AllianceStrengthsAsync(CancellationToken cancellationToken = default)
    {
        var today = Today;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Alliances.AsNoTracking()
            .OrderBy(a => a.Acronym)
            .Select(a => new AllianceStrength(
                a.Acronym, a.Name, a.Kind, a.FoundedOn, a.DissolvedOn,
                a.Memberships.AsQueryable().Count(AllianceMembership.FullMemberOn(today))))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Full members of the alliance year by year, from its founding to its dissolution or today;
    /// null when no such alliance exists.
    /// </summary>
    public async Task<IReadOnlyList<MembersInYear>?> MembersByYearAsync(string acronym, CancellationToken cancellationToken = default)
    {
        var today = Today;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var alliance = await db.Alliances.AsNoTracking()
            .Where(a => EF.Functions.ILike(a.Acronym, LikePattern.Escape(acronym.Trim()), LikePattern.EscapeCharacter))
            .Select(a => new { a.Id, a.FoundedOn, a.DissolvedOn })
            .FirstOrDefaultAsync(cancellationToken);
        if (alliance is null)
        {
            return null;
        }

        var periods = await db.AllianceMemberships.AsNoTracking()
            .Where(m => m.AllianceId == alliance.Id && (m.Role == MembershipRole.FoundingMember || m.Role == MembershipRole.Member))
            .Select(m => new { m.JoinedOn, m.LeftOn })
            .ToListAsync(cancellationToken);

        var end = alliance.DissolvedOn is { } dissolved && dissolved < today ? dissolved.AddDays(-1) : today;
        var firstYear = periods.Count == 0 ? alliance.FoundedOn.Year : Math.Min(alliance.FoundedOn.Year, periods.Min(p => p.JoinedOn.Year));
        var years = new List<MembersInYear>();
        for (var year = firstYear; year <= end.Year; year++)
        {
            var day = year == end.Year ? end : new DateOnly(year, 12, 31);
            years.Add(new MembersInYear(year, periods.Count(p => AllianceMembership.Includes(p.JoinedOn, p.LeftOn, day))));
        }

        return years;
    }

    public async Task<PortalFacts> FactsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var current = await db.Nations.CountAsync(n => n.ExistedUntil == null, cancellationToken);
        var former = await db.Nations.CountAsync(n => n.ExistedUntil != null, cancellationToken);
        var alliances = await db.Alliances.CountAsync(cancellationToken);
        var memberships = await db.AllianceMemberships.CountAsync(cancellationToken);
        var engagements = await db.Engagements.CountAsync(cancellationToken);
        var exercises = await db.Exercises.CountAsync(cancellationToken);
        var missions = await db.Missions.CountAsync(cancellationToken);
        var attaches = await db.Attaches.CountAsync(cancellationToken);
        var demo = await db.Engagements.CountAsync(e => e.IsDemo, cancellationToken)
            + await db.Exercises.CountAsync(e => e.IsDemo, cancellationToken)
            + await db.Missions.CountAsync(m => m.IsDemo, cancellationToken)
            + await db.Attaches.CountAsync(a => a.IsDemo, cancellationToken);
        return new PortalFacts(current, former, alliances, memberships, engagements, exercises, missions, attaches, demo);
    }
}
