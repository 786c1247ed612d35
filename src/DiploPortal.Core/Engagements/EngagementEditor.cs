using DiploPortal.Core.Assessments;
using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Engagements;

/// <summary>
/// Creates, changes and deletes engagements (<see cref="RecordEditor{TEntity, TForm}"/>), with the rules
/// of <see cref="EngagementRules"/>, which the import shares.
/// </summary>
public sealed class EngagementEditor(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
    : RecordEditor<Engagement, EngagementForm>(dbFactory)
{
    protected override Engagement NewRecord() => new() { Title = "" };

    protected override Task<string?> DeleteRefusalAsync(PortalDbContext db, Engagement record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var id = record.Id;
        return AssessedRecords.DeleteRefusalAsync(db, a => a.EngagementId == id, "engagement", cancellationToken);
    }

    protected override IQueryable<Engagement> ForUpdate(PortalDbContext db) => base.ForUpdate(db).Include(e => e.Participants);

    protected override async Task<FormCheck<Engagement>> CheckAsync(PortalDbContext db, EngagementForm form, CancellationToken cancellationToken)
    {
        var nations = await FormRules.NationIdsAsync(db, form.Participants.Concat(form.ReleasableToNations).Append(form.HostNation), cancellationToken);
        var alliances = await FormRules.ExistingAlliancesAsync(db, form.ReleasableToAlliances, cancellationToken);
        var errors = EngagementRules.Check(form, nations.ContainsKey, alliances.Contains, db.User, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return FormCheck.Of<Engagement>(errors, engagement => Apply(form, engagement, nations));
    }

    /// <summary>Copies a checked form onto the engagement (the import's updates use it too).</summary>
    internal static void Apply(EngagementForm form, Engagement engagement, IReadOnlyDictionary<string, int> nations)
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
        engagement.ReleasableToNations = MarkingRules.Codes(form.ReleasableToNations);
        engagement.ReleasableToAlliances = MarkingRules.Codes(form.ReleasableToAlliances);

        // The first nation named led or called the engagement.
        var wanted = form.Participants.Select(RecordCode.Normalise).OfType<string>().Select((code, index) => (nations[code], IsLead: index == 0)).ToList();
        OwnedRows.Sync(engagement.Participants, wanted, p => p.NationId, nationId => new EngagementParticipant { NationId = nationId }, (participant, isLead) => participant.IsLead = isLead);
    }

    protected override async Task<EngagementForm?> ReadFormAsync(PortalDbContext db, int id, CancellationToken cancellationToken)
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
