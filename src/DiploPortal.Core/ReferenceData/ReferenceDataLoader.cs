using DiploPortal.Core.Alliances;
using DiploPortal.Core.Data;
using DiploPortal.Core.Nations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DiploPortal.Core.ReferenceData;

/// <summary>What a load changed; all zero when the database already matched the files.</summary>
public sealed record ReferenceDataChanges(int NationsAdded, int NationsUpdated, int AlliancesAdded, int AlliancesUpdated, int MembershipsAdded, int MembershipsUpdated, int MembershipsRemoved)
{
    public bool IsEmpty => this == new ReferenceDataChanges(0, 0, 0, 0, 0, 0, 0);
}

/// <summary>
/// Loads nations, alliances and memberships from the embedded reference files. Idempotent:
/// rows are matched by natural key (nation code, alliance acronym, nation and accession date)
/// and only written when a value differs, so a second run changes nothing.
/// </summary>
public sealed partial class ReferenceDataLoader(IDbContextFactory<PortalDbContext> dbFactory, ILogger<ReferenceDataLoader> logger)
{
    public async Task<ReferenceDataChanges> LoadAsync(CancellationToken cancellationToken = default)
    {
        var nationRecords = ReferenceFiles.Nations();
        var allianceRecords = ReferenceFiles.Alliances();

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var nations = await db.Nations.ToDictionaryAsync(n => n.Code, StringComparer.Ordinal, cancellationToken);
        var (nationsAdded, nationsUpdated) = UpsertNations(db, nations, nationRecords);
        await db.SaveChangesAsync(cancellationToken);

        var alliances = await db.Alliances.Include(a => a.Memberships)
            .ToDictionaryAsync(a => a.Acronym, StringComparer.Ordinal, cancellationToken);
        var changes = UpsertAlliances(db, alliances, nations, allianceRecords);
        await db.SaveChangesAsync(cancellationToken);
        await Exercises.Deconfliction.DeconflictionReferenceData.AddMissingAsync(db, nations, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        ReferenceDataCache.Invalidate();

        var result = changes with { NationsAdded = nationsAdded, NationsUpdated = nationsUpdated };
        LogLoaded(logger, nationRecords.Count, allianceRecords.Count, result);
        return result;
    }

    private static (int Added, int Updated) UpsertNations(PortalDbContext db, Dictionary<string, Nation> nations, IReadOnlyList<NationRecord> records)
    {
        var added = 0;
        foreach (var record in records)
        {
            if (!nations.TryGetValue(record.Code, out var nation))
            {
                nation = new Nation { Code = record.Code, Iso2 = record.Iso2, Iso3 = record.Iso3, Name = record.Name, Region = record.Region };
                db.Nations.Add(nation);
                nations[record.Code] = nation;
                added++;
            }

            nation.Iso2 = record.Iso2;
            nation.Iso3 = record.Iso3;
            nation.NumericCode = record.NumericCode;
            nation.Name = record.Name;
            nation.OfficialName = record.OfficialName;
            nation.Region = record.Region;
            nation.SubRegion = record.SubRegion;
            nation.Capital = record.Capital;
            nation.ExistedFrom = record.ExistedFrom;
            nation.ExistedUntil = record.ExistedUntil;
            nation.Source = record.Source;
            if (!nation.Successors.SequenceEqual(record.Successors))
            {
                nation.Successors = [.. record.Successors];
            }
        }

        db.ChangeTracker.DetectChanges();
        var updated = db.ChangeTracker.Entries<Nation>().Count(e => e.State == EntityState.Modified);
        return (added, updated);
    }

    private static ReferenceDataChanges UpsertAlliances(
        PortalDbContext db, Dictionary<string, Alliance> alliances, Dictionary<string, Nation> nations, IReadOnlyList<AllianceRecord> records)
    {
        int alliancesAdded = 0, membershipsAdded = 0, membershipsRemoved = 0;
        foreach (var record in records)
        {
            if (!alliances.TryGetValue(record.Acronym, out var alliance))
            {
                alliance = new Alliance { Acronym = record.Acronym, Name = record.Name };
                db.Alliances.Add(alliance);
                alliances[record.Acronym] = alliance;
                alliancesAdded++;
            }

            alliance.Name = record.Name;
            alliance.Kind = record.Kind;
            alliance.FoundingTreaty = record.FoundingTreaty;
            alliance.FoundedOn = record.FoundedOn;
            alliance.DissolvedOn = record.DissolvedOn;
            alliance.Headquarters = record.Headquarters;
            alliance.Description = record.Description;
            alliance.Source = record.Source;

            var wanted = new HashSet<(int NationId, DateOnly Joined)>();
            foreach (var member in record.Members)
            {
                if (!nations.TryGetValue(member.Nation, out var nation))
                {
                    throw new InvalidDataException($"alliances.json: {record.Acronym} names the unknown nation code '{member.Nation}'.");
                }

                wanted.Add((nation.Id, member.Joined));
                var membership = alliance.Memberships.FirstOrDefault(m => m.NationId == nation.Id && m.JoinedOn == member.Joined);
                if (membership is null)
                {
                    membership = new AllianceMembership { Nation = nation, NationId = nation.Id, JoinedOn = member.Joined };
                    alliance.Memberships.Add(membership);
                    membershipsAdded++;
                }

                membership.Role = member.Role;
                membership.LeftOn = member.Left;
                membership.SuspendedFrom = member.SuspendedFrom;
                membership.SuspendedUntil = member.SuspendedUntil;
                membership.Note = member.Note;
                membership.Source = member.Source;
            }

            // The file is the authority for reference alliances: a period it no longer lists was a mistake.
            foreach (var stale in alliance.Memberships.Where(m => m.Id != 0 && !wanted.Contains((m.NationId, m.JoinedOn))).ToList())
            {
                db.AllianceMemberships.Remove(stale);
                membershipsRemoved++;
            }
        }

        db.ChangeTracker.DetectChanges();
        var alliancesUpdated = db.ChangeTracker.Entries<Alliance>().Count(e => e.State == EntityState.Modified);
        var membershipsUpdated = db.ChangeTracker.Entries<AllianceMembership>().Count(e => e.State == EntityState.Modified);
        return new ReferenceDataChanges(0, 0, alliancesAdded, alliancesUpdated, membershipsAdded, membershipsUpdated, membershipsRemoved);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reference data: {NationCount} nations and {AllianceCount} alliances in the files; changes {Changes}")]
    private static partial void LogLoaded(ILogger logger, int nationCount, int allianceCount, ReferenceDataChanges changes);
}
