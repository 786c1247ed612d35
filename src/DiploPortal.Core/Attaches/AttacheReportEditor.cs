using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Attaches;

/// <summary>Creates, changes and deletes attaché reports (<see cref="RecordEditor{TEntity, TForm}"/>).</summary>
public sealed class AttacheReportEditor(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
    : RecordEditor<AttacheReport, AttacheReportForm>(dbFactory)
{
    /// <summary>A new report of <paramref name="attacheId"/>, filed today; null when the user may not see that attaché.</summary>
    public Task<AttacheReportForm?> NewFormAsync(int attacheId, CancellationToken cancellationToken = default) =>
        ReadWithAsync(
            async db => await db.Attaches.AnyAsync(a => a.Id == attacheId, cancellationToken)
                ? new AttacheReportForm { AttacheId = attacheId, FiledOn = Today }
                : null,
            cancellationToken);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    protected override AttacheReport NewRecord() => new() { Title = "", Body = "" };

    /// <summary>A report is edited only with its attaché in sight, as it is listed and shown.</summary>
    protected override IQueryable<AttacheReport> ForUpdate(PortalDbContext db) => base.ForUpdate(db).Where(r => r.Attache != null);

    protected override async Task<FormCheck<AttacheReport>> CheckAsync(PortalDbContext db, AttacheReportForm form, CancellationToken cancellationToken)
    {
        // The attaché as the user may see them; an update keeps the report's own attaché whatever the form says.
        var postingBegan = await db.Attaches.Where(a => a.Id == form.AttacheId).Select(a => (DateOnly?)a.PostedFrom).FirstOrDefaultAsync(cancellationToken);
        var nations = await FormRules.NationIdsAsync(db, form.ReleasableToNations, cancellationToken);
        var alliances = await FormRules.ExistingAlliancesAsync(db, form.ReleasableToAlliances, cancellationToken);
        var errors = AttacheRules.Check(form, postingBegan, nations.ContainsKey, alliances.Contains, db.User, Today);
        return FormCheck.Of<AttacheReport>(errors, report =>
        {
            if (report.AttacheId == 0)
            {
                report.AttacheId = form.AttacheId;
            }

            report.Kind = form.Kind;
            report.Title = form.Title.Trim();
            report.Body = form.Body.Trim();
            report.FiledOn = form.FiledOn!.Value;
            report.Classification = form.Classification;
            report.ReleasableToNations = MarkingRules.Codes(form.ReleasableToNations);
            report.ReleasableToAlliances = MarkingRules.Codes(form.ReleasableToAlliances);
        });
    }

    protected override async Task<AttacheReportForm?> ReadFormAsync(PortalDbContext db, int id, CancellationToken cancellationToken) =>
        await db.AttacheReports.AsNoTracking()
            .Where(r => r.Id == id && r.Attache != null)
            .Select(r => new AttacheReportForm
            {
                AttacheId = r.AttacheId,
                Kind = r.Kind,
                Title = r.Title,
                Body = r.Body,
                FiledOn = r.FiledOn,
                Classification = r.Classification,
                ReleasableToNations = r.ReleasableToNations,
                ReleasableToAlliances = r.ReleasableToAlliances,
                Version = r.Version,
            })
            .SingleOrDefaultAsync(cancellationToken);
}
