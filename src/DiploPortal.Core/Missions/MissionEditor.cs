using DiploPortal.Core.Assessments;
using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Missions;

/// <summary>Creates, changes and deletes humanitarian missions (<see cref="RecordEditor{TEntity, TForm}"/>) with the rules of <see cref="MissionRules"/>.</summary>
public sealed class MissionEditor(IDbContextFactory<PortalDbContext> dbFactory) : RecordEditor<HumanitarianMission, MissionForm>(dbFactory)
{
    protected override HumanitarianMission NewRecord() => new() { Name = "" };

    protected override Task<string?> DeleteRefusalAsync(PortalDbContext db, HumanitarianMission record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var id = record.Id;
        return AssessedRecords.DeleteRefusalAsync(db, a => a.MissionId == id, "mission", cancellationToken);
    }

    protected override IQueryable<HumanitarianMission> ForUpdate(PortalDbContext db) => base.ForUpdate(db).Include(m => m.Contributions);

    protected override async Task<FormCheck<HumanitarianMission>> CheckAsync(PortalDbContext db, MissionForm form, CancellationToken cancellationToken)
    {
        var nations = await FormRules.NationIdsAsync(db, form.Contributions.Select(c => c.Nation).Concat(form.ReleasableToNations).Append(form.AffectedNation), cancellationToken);
        var alliances = await FormRules.ExistingAlliancesAsync(db, form.ReleasableToAlliances, cancellationToken);
        var errors = MissionRules.Check(form, nations.ContainsKey, alliances.Contains, db.User);
        return FormCheck.Of<HumanitarianMission>(errors, mission => Apply(form, mission, nations));
    }

    private static void Apply(MissionForm form, HumanitarianMission mission, IReadOnlyDictionary<string, int> nations)
    {
        mission.Name = form.Name.Trim();
        mission.Kind = form.Kind;
        mission.Crisis = form.Crisis;
        mission.AffectedNationId = nations[RecordCode.Normalise(form.AffectedNation)!];
        mission.StartsOn = form.StartsOn!.Value;
        mission.EndsOn = form.EndsOn;
        mission.PeopleAssisted = form.PeopleAssisted;
        mission.Summary = form.Summary?.Trim() ?? "";
        mission.Classification = form.Classification;
        mission.ReleasableToNations = MarkingRules.Codes(form.ReleasableToNations);
        mission.ReleasableToAlliances = MarkingRules.Codes(form.ReleasableToAlliances);

        var wanted = form.Contributions.Select(c => (nations[RecordCode.Normalise(c.Nation)!], c)).ToList();
        OwnedRows.Sync(mission.Contributions, wanted, c => c.NationId, nationId => new MissionContribution { NationId = nationId }, (contribution, line) =>
        {
            contribution.Personnel = line.Personnel;
            contribution.Aircraft = line.Aircraft;
            contribution.Ships = line.Ships;
            contribution.MedicalTeams = line.MedicalTeams;
            contribution.SuppliesTonnes = line.SuppliesTonnes;
        });
    }

    protected override async Task<MissionForm?> ReadFormAsync(PortalDbContext db, int id, CancellationToken cancellationToken) =>
        await db.Missions.AsNoTracking()
            .Where(m => m.Id == id)
            .Select(m => new MissionForm
            {
                Name = m.Name,
                Kind = m.Kind,
                Crisis = m.Crisis,
                AffectedNation = m.AffectedNation!.Code,
                StartsOn = m.StartsOn,
                EndsOn = m.EndsOn,
                PeopleAssisted = m.PeopleAssisted,
                Summary = m.Summary,
                Contributions = m.Contributions.OrderBy(c => c.Nation!.Code)
                    .Select(c => new MissionContributionForm
                    {
                        Nation = c.Nation!.Code,
                        Personnel = c.Personnel,
                        Aircraft = c.Aircraft,
                        Ships = c.Ships,
                        MedicalTeams = c.MedicalTeams,
                        SuppliesTonnes = c.SuppliesTonnes,
                    })
                    .ToList(),
                Classification = m.Classification,
                ReleasableToNations = m.ReleasableToNations,
                ReleasableToAlliances = m.ReleasableToAlliances,
                Version = m.Version,
            })
            .SingleOrDefaultAsync(cancellationToken);
}
