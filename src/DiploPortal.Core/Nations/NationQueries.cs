using DiploPortal.Core.Alliances;
using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using DiploPortal.Core.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Nations;

public sealed record NationSummary(
    string Code,
    string Iso2,
    string Iso3,
    string Name,
    string Region,
    string? SubRegion,
    string? Capital,
    DateOnly? ExistedFrom,
    DateOnly? ExistedUntil)
{
    public bool IsHistorical => ExistedUntil is not null;
}

public sealed record NationMembership(
    string AllianceAcronym,
    string AllianceName,
    MembershipRole Role,
    DateOnly JoinedOn,
    DateOnly? LeftOn,
    DateOnly? SuspendedFrom,
    DateOnly? SuspendedUntil,
    string? Note);

public sealed record NationDetails(
    NationSummary Nation,
    string? OfficialName,
    string? NumericCode,
    IReadOnlyList<NationSummary> Successors,
    IReadOnlyList<NationMembership> Memberships,
    string? Source);

/// <summary>Which nations a list shows.</summary>
public sealed record NationFilter(string? Text = null, string? Region = null, bool IncludeHistorical = true);

/// <summary>Read side of nations: lists and the nation page.</summary>
public sealed class NationQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    private static readonly ReferenceDataCache<IReadOnlyList<NationSummary>> AllNations = new();

    public async Task<IReadOnlyList<NationSummary>> ListAsync(NationFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(filter.Text))
        {
            // Pickers and filters list every nation on each page: from the cache, narrowed here (order kept).
            var all = await AllNations.GetAsync(
                db.Database.GetConnectionString() ?? "",
                async () => (await db.Nations.AsNoTracking().OrderBy(n => n.Name).Select(ToSummary).ToListAsync(cancellationToken)).AsReadOnly());
            return string.IsNullOrWhiteSpace(filter.Region) && filter.IncludeHistorical
                ? all
                : all.Where(n => (string.IsNullOrWhiteSpace(filter.Region) || n.Region == filter.Region) && (filter.IncludeHistorical || n.ExistedUntil is null)).ToList();
        }

        var query = db.Nations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var pattern = LikePattern.Contains(filter.Text);
            query = query.Where(n => EF.Functions.ILike(n.Name, pattern, LikePattern.EscapeCharacter)
                || EF.Functions.ILike(n.Code, pattern, LikePattern.EscapeCharacter)
                || EF.Functions.ILike(n.Iso2, pattern, LikePattern.EscapeCharacter));
        }

        if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            query = query.Where(n => n.Region == filter.Region);
        }

        if (!filter.IncludeHistorical)
        {
            query = query.Where(n => n.ExistedUntil == null);
        }

        return await query.OrderBy(n => n.Name).Select(ToSummary).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> RegionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Nations.Select(n => n.Region).Distinct().OrderBy(r => r).ToListAsync(cancellationToken);
    }

    /// <summary>A nation by its code (alpha-3 or ISO 3166-3) or, for current states, its alpha-2 code.</summary>
    public async Task<NationDetails?> FindAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await FindAsync(db, code, cancellationToken))?.Details;
    }

    /// <summary>The nation's details and its id, for queries that go on to read its records on the same context.</summary>
    internal static async Task<(int Id, NationDetails Details)?> FindAsync(PortalDbContext db, string code, CancellationToken cancellationToken)
    {
        var key = code.Trim().ToUpperInvariant();
        var nation = await db.Nations.AsNoTracking()
            .Where(n => n.Code == key || (n.Iso2 == key && n.ExistedUntil == null))
            .FirstOrDefaultAsync(cancellationToken);
        if (nation is null)
        {
            return null;
        }

        var memberships = await db.AllianceMemberships.AsNoTracking()
            .Where(m => m.NationId == nation.Id)
            .OrderBy(m => m.JoinedOn).ThenBy(m => m.Alliance!.Acronym)
            .Select(m => new NationMembership(
                m.Alliance!.Acronym, m.Alliance.Name, m.Role, m.JoinedOn, m.LeftOn, m.SuspendedFrom, m.SuspendedUntil, m.Note))
            .ToListAsync(cancellationToken);

        var successors = nation.Successors.Count == 0
            ? []
            : await db.Nations.AsNoTracking().Where(n => nation.Successors.Contains(n.Code))
                .OrderBy(n => n.Name).Select(ToSummary).ToListAsync(cancellationToken);

        return (nation.Id, new NationDetails(
            new NationSummary(nation.Code, nation.Iso2, nation.Iso3, nation.Name, nation.Region, nation.SubRegion, nation.Capital, nation.ExistedFrom, nation.ExistedUntil),
            nation.OfficialName,
            nation.NumericCode,
            successors,
            memberships,
            nation.Source));
    }

    private static readonly System.Linq.Expressions.Expression<Func<Nation, NationSummary>> ToSummary =
        n => new NationSummary(n.Code, n.Iso2, n.Iso3, n.Name, n.Region, n.SubRegion, n.Capital, n.ExistedFrom, n.ExistedUntil);
}
