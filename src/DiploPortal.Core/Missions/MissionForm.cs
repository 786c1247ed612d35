using DiploPortal.Core.Common;

namespace DiploPortal.Core.Missions;

/// <summary>A humanitarian mission as staff edit it: nations by alpha-3 code, and the <see cref="Version"/> it was read at.</summary>
public sealed class MissionForm : IMarkedForm
{
    public const int NameMaxLength = 200;
    public const int SummaryMaxLength = 8000;

    public string Name { get; set; } = "";

    public MissionKind Kind { get; set; }

    public CrisisKind Crisis { get; set; }

    public string? AffectedNation { get; set; }

    public DateOnly? StartsOn { get; set; }

    /// <summary>Empty while the mission is active.</summary>
    public DateOnly? EndsOn { get; set; }

    public int PeopleAssisted { get; set; }

    public string Summary { get; set; } = "";

    public List<MissionContributionForm> Contributions { get; set; } = [];

    public Classification Classification { get; set; }

    public List<string> ReleasableToNations { get; set; } = [];

    public List<string> ReleasableToAlliances { get; set; } = [];

    /// <summary>Why a save lowers the marking or widens releasability (MarkingRules.CheckDowngrade).</summary>
    public string? DowngradeReason { get; set; }

    /// <summary>The row version (xmin) the form was read at; 0 for a new mission.</summary>
    public uint Version { get; set; }
}

/// <summary>What one nation gave to a mission.</summary>
public sealed record MissionContributionForm
{
    public string Nation { get; set; } = "";

    public int Personnel { get; set; }

    public int Aircraft { get; set; }

    public int Ships { get; set; }

    public int MedicalTeams { get; set; }

    public decimal SuppliesTonnes { get; set; }
}
