using System.Text;
using DiploPortal.Core.Engagements;
using DiploPortal.Web.Accounts;
using DiploPortal.Web.Lists;

namespace DiploPortal.Web.Engagements;

/// <summary>The engagement list's exports (in the import's own file format, <see cref="EngagementCsv"/>) and the import template.</summary>
public static class EngagementExport
{
    public static readonly ListExport<EngagementFilter, EngagementRecord> Definition = new(
        "/engagements", "engagements", nameof(Engagement), EngagementQueryString.Parse, EngagementCsv.Columns, EngagementCsv.ToCells);

    public static IEndpointRouteBuilder MapEngagementExports(this IEndpointRouteBuilder app)
    {
        app.MapListExport<EngagementQueries, EngagementFilter, EngagementRecord>(Definition);
        app.MapGet("/engagements/import/template.csv", () => Results.File(Encoding.UTF8.GetBytes(EngagementImport.Template()), "text/csv", "engagements-import-template.csv"))
            .RequireAuthorization(PortalPolicies.MaintainRecords).ExcludeFromDescription();
        return app;
    }
}
