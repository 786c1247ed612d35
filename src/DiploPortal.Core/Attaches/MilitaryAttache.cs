using DiploPortal.Core.Common;
using DiploPortal.Core.Nations;

namespace DiploPortal.Core.Attaches;

public enum AttachePost
{
    Defence,
    Army,
    Naval,
    Air,
    Assistant,
}

public enum MilitaryService
{
    Army,
    Navy,
    AirForce,
    Marines,
    Joint,
}

/// <summary>An officer of a sending nation posted to its embassy in a host nation.</summary>
public class MilitaryAttache : ClassifiedRecord, ISearchable
{
    public NpgsqlTypes.NpgsqlTsVector? SearchVector { get; private set; }

    public required string FullName { get; set; }

    public required string Rank { get; set; }

    public MilitaryService Service { get; set; }

    public AttachePost Post { get; set; }

    public int SendingNationId { get; set; }

    public Nation? SendingNation { get; set; }

    public int HostNationId { get; set; }

    public Nation? HostNation { get; set; }

    public DateOnly PostedFrom { get; set; }

    public DateOnly? PostedUntil { get; set; }

    public List<AttacheReport> Reports { get; set; } = [];
}
