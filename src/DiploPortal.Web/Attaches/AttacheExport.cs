using DiploPortal.Core.Attaches;
using DiploPortal.Core.Common;
using DiploPortal.Core.Engagements;
using DiploPortal.Web.Lists;

namespace DiploPortal.Web.Attaches;

/// <summary>The exports of the attaché list and of the attaché report list.</summary>
public static class AttacheExport
{
    public static readonly ListExport<AttacheFilter, AttacheRecord> Attaches = new(
        "/attaches",
        "attaches",
        nameof(MilitaryAttache),
        AttacheQueryString.Parse,
        ["id", "full_name", "rank", "service", "post", "sending_nation", "host_nation", "posted_from", "posted_until", "classification", "releasable_to_nations", "releasable_to_alliances"],
        (a, forCsv) =>
        {
            var text = ExportFile.TextCell(forCsv);
            return
            [
                ExportFile.Number(a.Id), text(a.FullName), text(a.Rank), a.Service.ToString(), a.Post.ToString(), a.SendingNation, a.HostNation,
                ExportFile.Day(a.PostedFrom), ExportFile.Day(a.PostedUntil), a.Classification.ToString(),
                string.Join(EngagementCsv.ListSeparator, a.ReleasableToNations), string.Join(EngagementCsv.ListSeparator, a.ReleasableToAlliances),
            ];
        });

    public static readonly ListExport<AttacheReportFilter, AttacheReportRecord> Reports = new(
        "/attaches/reports",
        "attache reports",
        nameof(AttacheReport),
        AttacheReportQueryString.Parse,
        ["id", "attache_id", "attache", "kind", "title", "filed_on", "classification", "releasable_to_nations", "releasable_to_alliances", "body"],
        (r, forCsv) =>
        {
            var text = ExportFile.TextCell(forCsv);
            return
            [
                ExportFile.Number(r.Id), ExportFile.Number(r.AttacheId), text(r.Attache), r.Kind.ToString(), text(r.Title), ExportFile.Day(r.FiledOn),
                r.Classification.ToString(), string.Join(EngagementCsv.ListSeparator, r.ReleasableToNations), string.Join(EngagementCsv.ListSeparator, r.ReleasableToAlliances), text(r.Body),
            ];
        });

    public static IEndpointRouteBuilder MapAttacheExports(this IEndpointRouteBuilder app)
    {
        app.MapListExport<AttacheQueries, AttacheFilter, AttacheRecord>(Attaches);
        app.MapListExport<AttacheReportQueries, AttacheReportFilter, AttacheReportRecord>(Reports);
        return app;
    }
}
