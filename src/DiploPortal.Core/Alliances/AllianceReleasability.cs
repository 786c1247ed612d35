using DiploPortal.Core.Data;
using DiploPortal.Core.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Alliances;

/// <summary>
/// The alliances through which a nation's nationals receive records released to an alliance: those of
/// which the nation is a full, unsuspended member on the day (<see cref="AllianceMembership.SharesReleasabilityOn"/>).
/// The list feeds <see cref="Security.CurrentUser.AllianceAcronyms"/>, which the visibility filter
/// (<see cref="Security.Visibility"/> and its SQL twin in <see cref="PortalDbContext"/>) compares with a
/// record's caveats. It is kept for at most <c>maxAge</c>, and a save of nations, alliances or memberships
/// in this process forgets it at once (<see cref="ReferenceDataCache"/>), so a membership change reaches
/// every open session within that time, also sessions on other portal instances.
/// </summary>
public static class AllianceReleasability
{
    private static readonly ReferenceDataCache<IReadOnlyList<string>> Lists = new();

    /// <summary>The acronyms, in order, of the alliances <paramref name="nationCode"/>'s nationals receive records through on <paramref name="day"/>.</summary>
    public static IReadOnlyList<string> AlliancesOf(PortalDbContext db, string nationCode, DateOnly day, TimeSpan maxAge)
    {
        ArgumentNullException.ThrowIfNull(db);
        return AlliancesOf(db.Database.GetConnectionString() ?? "", () => db, nationCode, day, maxAge);
    }

    /// <summary>
    /// As above, for callers that open a context only when the cache has no answer: <paramref name="database"/>
    /// names the database the answer is cached for (its connection string), <paramref name="open"/> gives a
    /// context on it, which the caller disposes.
    /// </summary>
    public static IReadOnlyList<string> AlliancesOf(string database, Func<PortalDbContext> open, string nationCode, DateOnly day, TimeSpan maxAge)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(nationCode);
        return Lists.Get($"{database}|{nationCode}|{day:yyyy-MM-dd}", maxAge, () => Query(open(), nationCode, day));
    }

    private static System.Collections.ObjectModel.ReadOnlyCollection<string> Query(PortalDbContext db, string nationCode, DateOnly day) =>
        db.AllianceMemberships.AsNoTracking()
            .Where(AllianceMembership.SharesReleasabilityOn(day))
            .Where(m => m.Nation!.Code == nationCode)
            .Select(m => m.Alliance!.Acronym)
            .Distinct()
            .OrderBy(a => a)
            .ToList()
            .AsReadOnly();
}
