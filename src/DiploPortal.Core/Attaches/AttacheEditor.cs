using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Attaches;

/// <summary>
/// Creates, changes and deletes attachés (<see cref="RecordEditor{TEntity, TForm}"/>). An attaché who filed
/// reports or took part in engagements or exercises is not deleted: the refusal says how many records still
/// name them, so that nobody loses reports by deleting their author (the database's foreign keys refuse it too).
/// </summary>
public sealed class AttacheEditor(IDbContextFactory<PortalDbContext> dbFactory) : RecordEditor<MilitaryAttache, AttacheForm>(dbFactory)
{
    protected override MilitaryAttache NewRecord() => new() { FullName = "", Rank = "" };

    protected override async Task<FormCheck<MilitaryAttache>> CheckAsync(PortalDbContext db, AttacheForm form, CancellationToken cancellationToken)
    {
        var nations = await FormRules.NationIdsAsync(db, form.ReleasableToNations.Append(form.SendingNation).Append(form.HostNation), cancellationToken);
        var alliances = await FormRules.ExistingAlliancesAsync(db, form.ReleasableToAlliances, cancellationToken);
        var errors = AttacheRules.Check(form, nations.ContainsKey, alliances.Contains, db.User);
        return FormCheck.Of<MilitaryAttache>(errors, attache =>
        {
            attache.FullName = form.FullName.Trim();
            attache.Rank = form.Rank.Trim();
            attache.Service = form.Service;
            attache.Post = form.Post;
            attache.SendingNationId = nations[RecordCode.Normalise(form.SendingNation)!];
            attache.HostNationId = nations[RecordCode.Normalise(form.HostNation)!];
            attache.PostedFrom = form.PostedFrom!.Value;
            attache.PostedUntil = form.PostedUntil;
            attache.Classification = form.Classification;
            attache.ReleasableToNations = MarkingRules.Codes(form.ReleasableToNations);
            attache.ReleasableToAlliances = MarkingRules.Codes(form.ReleasableToAlliances);
        });
    }

    protected override async Task<string?> DeleteRefusalAsync(PortalDbContext db, MilitaryAttache record, CancellationToken cancellationToken)
    {
        var id = record.Id;
        var reports = await db.AttacheReports.CountAsync(r => r.AttacheId == id, cancellationToken);
        var engagements = await db.EngagementAttaches.Where(l => l.AttacheId == id).Select(l => l.Engagement!).CountAsync(cancellationToken);
        var exercises = await db.ExerciseLiaisons.Where(l => l.AttacheId == id).Select(l => l.Exercise!).CountAsync(cancellationToken);
        var named = new[] { Counted(reports, "report"), Counted(engagements, "engagement"), Counted(exercises, "exercise") }.OfType<string>().ToList();
        if (named.Count == 0)
        {
            return null;
        }

        return $"This attaché is named by {string.Join(" and ", named)}, so they were not deleted. Delete the reports or take the attaché off those records first.";
    }

    private static string? Counted(int count, string noun) => count switch
    {
        0 => null,
        1 => $"1 {noun}",
        _ => $"{count} {noun}s",
    };

    protected override async Task<AttacheForm?> ReadFormAsync(PortalDbContext db, int id, CancellationToken cancellationToken) =>
        await db.Attaches.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new AttacheForm
            {
                FullName = a.FullName,
                Rank = a.Rank,
                Service = a.Service,
                Post = a.Post,
                SendingNation = a.SendingNation!.Code,
                HostNation = a.HostNation!.Code,
                PostedFrom = a.PostedFrom,
                PostedUntil = a.PostedUntil,
                Classification = a.Classification,
                ReleasableToNations = a.ReleasableToNations,
                ReleasableToAlliances = a.ReleasableToAlliances,
                Version = a.Version,
            })
            .SingleOrDefaultAsync(cancellationToken);
}
