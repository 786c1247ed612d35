using DiploPortal.Core.Common;

namespace DiploPortal.Core.Attaches;

public enum AttacheReportKind
{
    Assessment,
    Insight,
    VisitReport,
    IntelligenceSummary,
}

/// <summary>An assessment or insight filed by an attaché.</summary>
public class AttacheReport : ClassifiedRecord, ISearchable
{
    public NpgsqlTypes.NpgsqlTsVector? SearchVector { get; private set; }

    public int AttacheId { get; set; }

    public MilitaryAttache? Attache { get; set; }

    public AttacheReportKind Kind { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public DateOnly FiledOn { get; set; }
}
