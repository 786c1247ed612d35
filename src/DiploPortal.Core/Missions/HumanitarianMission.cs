using DiploPortal.Core.Common;
using DiploPortal.Core.Nations;

namespace DiploPortal.Core.Missions;

public enum MissionKind
{
    DisasterRelief,
    MedicalAid,
    LogisticalSupport,
}

public enum CrisisKind
{
    Earthquake,
    Tsunami,
    Flood,
    Cyclone,
    Epidemic,
    Conflict,
    Famine,
}

/// <summary>Disaster relief, medical aid or logistical support for a crisis in an affected nation.</summary>
public class HumanitarianMission : ClassifiedRecord, ISearchable
{
    public NpgsqlTypes.NpgsqlTsVector? SearchVector { get; private set; }

    public required string Name { get; set; }

    public MissionKind Kind { get; set; }

    public CrisisKind Crisis { get; set; }

    public int AffectedNationId { get; set; }

    public Nation? AffectedNation { get; set; }

    public DateOnly StartsOn { get; set; }

    /// <summary>Null while the mission is active.</summary>
    public DateOnly? EndsOn { get; set; }

    public int PeopleAssisted { get; set; }

    public string Summary { get; set; } = "";

    public List<MissionContribution> Contributions { get; set; } = [];
}

/// <summary>What one nation gave to a mission.</summary>
public class MissionContribution
{
    /// <summary>
    /// A shadow property: the mission's first day, a copy the database keeps (see MissionConfiguration),
    /// read with <c>EF.Property&lt;DateOnly&gt;(c, StartsOnProperty)</c> by queries that want a nation's missions by date.
    /// </summary>
    public const string StartsOnProperty = "StartsOn";

    public int MissionId { get; set; }

    public HumanitarianMission? Mission { get; set; }

    public int NationId { get; set; }

    public Nation? Nation { get; set; }

    public int Personnel { get; set; }

    public int Aircraft { get; set; }

    public int Ships { get; set; }

    public int MedicalTeams { get; set; }

    public decimal SuppliesTonnes { get; set; }
}
