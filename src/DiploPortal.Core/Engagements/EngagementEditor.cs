using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Engagements;

/// <summary>
/// Creates, changes and deletes engagements for the user of the scope: every rule checked on the
/// server with a message per field, nothing above the user's clearance, and a stale edit reported
/// as a conflict with the current version instead of overwriting it. Every save is audited.
/// </summary>
public sealed class EngagementEditor(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The engagement as an editable form, or null when the user may not see it.</summary>
    public async Task<EngagementForm?> ReadAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ReadAsync(db, id, cancellationToken);
    }

    public async Task<SaveOutcome<EngagementForm>> CreateAsync(EngagementForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var nations = await NationIdsAsync(db, form, cancellationToken);
        if (await CheckAsync(db, form, nations, cancellationToken) is { } errors)
        {
            return SaveOutcome.Invalid<EngagementForm>(errors);
        }

        var engagement = new Engagement { Title = "" };
        Apply(form, engagement, nations);
        db.Engagements.Add(engagement);
        await db.SaveChangesAsync(cancellationToken);
        return SaveOutcome.Saved<EngagementForm>(engagement.Id);
    }

    public async Task<SaveOutcome<EngagementForm>> UpdateAsync(int id, EngagementForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var engagement = await db.Engagements.Include(e => e.Participants).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (engagement is null)
        {
            return SaveOutcome.NotFound<EngagementForm>();
        }

        var nations = await NationIdsAsync(db, form, cancellationToken);
        if (await CheckAsync(db, form, nations, cancellationToken) is { } errors)
        {
            return SaveOutcome.Invalid<EngagementForm>(errors);
        }

        if (engagement.Version != form.Version)
        {
            return SaveOutcome.Conflict<EngagementForm>(await ReadAsync(db, id, cancellationToken));
        }

        // The version the person read is the one the database must still hold when the update lands.
        db.Entry(engagement).Property(e => e.Version).OriginalValue = form.Version;
        Apply(form, engagement, nations);
        return await SaveOrConflictAsync(db, id, cancellationToken);
    }

    /// <summary>Deletes the engagement if it is still at <paramref name="version"/>; a conflict otherwise.</summary>
    public async Task<SaveOutcome<EngagementForm>> DeleteAsync(int id, uint version, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var engagement = await db.Engagements.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (engagement is null)
        {
            return SaveOutcome.NotFound<EngagementForm>();
        }

        if (engagement.Version != version)
        {
            return SaveOutcome.Conflict<EngagementForm>(await ReadAsync(db, id, cancellationToken));
        }

        db.Entry(engagement).Property(e => e.Version).OriginalValue = version;
        db.Engagements.Remove(engagement);
        return await SaveOrConflictAsync(db, id, cancellationToken);
    }

    /// <summary>
    /// Saves; when the row changed between the read and the write (xmin no longer the one read), reports a
    /// conflict with the engagement as it is now, read through a fresh context (the other holds the stale one).
    /// </summary>
    private async Task<SaveOutcome<EngagementForm>> SaveOrConflictAsync(PortalDbContext db, int id, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveOutcome.Saved<EngagementForm>(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            return SaveOutcome.Conflict<EngagementForm>(await ReadAsync(fresh, id, cancellationToken));
        }
    }

    /// <summary>The rules checked against the nations and alliances the form names, as messages by field (null when all hold).</summary>
    internal async Task<IReadOnlyDictionary<string, string[]>?> CheckAsync(
        PortalDbContext db, EngagementForm form, IReadOnlyDictionary<string, int> nations, CancellationToken cancellationToken)
    {
        var acronyms = form.ReleasableToAlliances.Select(RecordCode.Normalise).OfType<string>().Distinct().ToList();
        var alliances = acronyms.Count == 0 ? [] : await db.Alliances.Where(a => acronyms.Contains(a.Acronym)).Select(a => a.Acronym).ToListAsync(cancellationToken);
        var errors = EngagementRules.Check(form, nations.ContainsKey, alliances.Contains, db.User, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return errors.Any ? errors.ToDictionary() : null;
    }

    /// <summary>The ids of every nation code the form names (codes it names that do not exist are missing).</summary>
    private static async Task<IReadOnlyDictionary<string, int>> NationIdsAsync(PortalDbContext db, EngagementForm form, CancellationToken cancellationToken)
    {
        var codes = form.Participants.Concat(form.ReleasableToNations).Append(form.HostNation).Select(RecordCode.Normalise).OfType<string>().Distinct().ToList();
        return await db.Nations.Where(n => codes.Contains(n.Code)).ToDictionaryAsync(n => n.Code, n => n.Id, cancellationToken);
    }

    private static void Apply(EngagementForm form, Engagement engagement, IReadOnlyDictionary<string, int> nations)
    {
        engagement.Title = form.Title.Trim();
        engagement.Kind = form.Kind;
        engagement.Channel = form.Channel;
        engagement.OccurredOn = form.OccurredOn!.Value;
        engagement.HostNationId = RecordCode.Normalise(form.HostNation) is { } host ? nations[host] : null;
        engagement.Location = string.IsNullOrWhiteSpace(form.Location) ? null : form.Location.Trim();
        engagement.Summary = form.Summary?.Trim() ?? "";
        engagement.Outcome = form.Outcome;
        engagement.OutcomeNotes = string.IsNullOrWhiteSpace(form.OutcomeNotes) ? null : form.OutcomeNotes.Trim();
        engagement.Classification = form.Classification;
        engagement.ReleasableToNations = [.. form.ReleasableToNations.Select(RecordCode.Normalise).OfType<string>().Distinct().Order(StringComparer.Ordinal)];
        engagement.ReleasableToAlliances = [.. form.ReleasableToAlliances.Select(RecordCode.Normalise).OfType<string>().Distinct().Order(StringComparer.Ordinal)];

        var wanted = form.Participants.Select(RecordCode.Normalise).OfType<string>().Select((code, index) => (Id: nations[code], IsLead: index == 0)).ToList();
        engagement.Participants.RemoveAll(p => !wanted.Any(w => w.Id == p.NationId));
        foreach (var (nationId, isLead) in wanted)
        {
            if (engagement.Participants.Find(p => p.NationId == nationId) is { } existing)
            {
                existing.IsLead = isLead;
            }
            else
            {
                engagement.Participants.Add(new EngagementParticipant { NationId = nationId, IsLead = isLead });
            }
        }
    }

    private static async Task<EngagementForm?> ReadAsync(PortalDbContext db, int id, CancellationToken cancellationToken)
    {
        var engagement = await db.Engagements.AsNoTracking()
            .Where(e => e.Id == id)
            .Select(e => new
            {
                e.Title,
                e.Kind,
                e.Channel,
                e.OccurredOn,
                Host = e.HostNation!.Code,
                e.Location,
                e.Summary,
                e.Outcome,
                e.OutcomeNotes,
                Participants = e.Participants.OrderByDescending(p => p.IsLead).ThenBy(p => p.Nation!.Code).Select(p => p.Nation!.Code).ToList(),
                e.Classification,
                e.ReleasableToNations,
                e.ReleasableToAlliances,
                e.Version,
            })
            .SingleOrDefaultAsync(cancellationToken);
        return engagement is null ? null : new EngagementForm
        {
            Title = engagement.Title,
            Kind = engagement.Kind,
            Channel = engagement.Channel,
            OccurredOn = engagement.OccurredOn,
            HostNation = engagement.Host,
            Location = engagement.Location,
            Summary = engagement.Summary,
            Outcome = engagement.Outcome,
            OutcomeNotes = engagement.OutcomeNotes,
            Participants = engagement.Participants,
            Classification = engagement.Classification,
            ReleasableToNations = engagement.ReleasableToNations,
            ReleasableToAlliances = engagement.ReleasableToAlliances,
            Version = engagement.Version,
        };
    }
}
