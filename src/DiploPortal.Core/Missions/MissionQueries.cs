using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Missions;

public sealed record MissionListItem(
    int Id,
    string Name,
    MissionKind Kind,
    CrisisKind Crisis,
    string AffectedNationCode,
    string AffectedNation,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    int PeopleAssisted,
    Classification Classification);

/// <summary>What one nation gave to a mission.</summary>
public sealed record MissionContributionItem(string Code, string Name, int Personnel, int Aircraft, int Ships, int MedicalTeams);

/// <summary>A mission with the contributions of each nation.</summary>
public sealed record MissionDetails(
    int Id,
    string Name,
    MissionKind Kind,
    CrisisKind Crisis,
    string AffectedNationCode,
    string AffectedNation,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    int PeopleAssisted,
    string Summary,
    Classification Classification,
    IReadOnlyList<MissionContributionItem> Contributions);

/// <summary>Read side of humanitarian missions.</summary>
public sealed class MissionQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>One mission and what each nation contributed; null when missing or not visible to the user.</summary>
    public async Task<MissionDetails?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Missions.AsNoTracking()
            .Where(m => m.Id == id)
            .Select(m => new MissionDetails(
                m.Id,
                m.Name,
                m.Kind,
                m.Crisis,
                m.AffectedNation!.Code,
                m.AffectedNation.Name,
                m.StartsOn,
                m.EndsOn,
                m.PeopleAssisted,
                m.Summary,
                m.Classification,
                m.Contributions.OrderByDescending(c => c.Personnel).ThenBy(c => c.Nation!.Name)
                    .Select(c => new MissionContributionItem(c.Nation!.Code, c.Nation.Name, c.Personnel, c.Aircraft, c.Ships, c.MedicalTeams)).ToList()))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The <paramref name="take"/> most recently started missions.</summary>
    public async Task<IReadOnlyList<MissionListItem>> ListRecentAsync(int take, string? nation = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var missions = db.Missions.AsNoTracking();
        if (RecordCode.Normalise(nation) is { } code)
        {
            missions = missions.Where(m => m.AffectedNation!.Code == code || m.Contributions.Any(c => c.Nation!.Code == code));
        }

        return await missions
            .OrderByDescending(m => m.StartsOn).ThenByDescending(m => m.Id)
            .Take(take)
            .Select(m => new MissionListItem(
                m.Id,
                m.Name,
                m.Kind,
                m.Crisis,
                m.AffectedNation!.Code,
                m.AffectedNation.Name,
                m.StartsOn,
                m.EndsOn,
                m.PeopleAssisted,
                m.Classification))
            .ToListAsync(cancellationToken);
    }
}
