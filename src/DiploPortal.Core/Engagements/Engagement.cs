using DiploPortal.Core.Attaches;
using DiploPortal.Core.Common;
using DiploPortal.Core.Nations;

namespace DiploPortal.Core.Engagements;

public enum EngagementKind
{
    BilateralDialogue,
    MultilateralNegotiation,
    StaffTalks,
    SeniorLeaderVisit,
    PortVisit,
    Conference,
    CrisisHotlineCall,
}

public enum CommunicationChannel
{
    FaceToFace,
    Teleconference,
    SecureDigitalPlatform,
    Hotline,
    Correspondence,
}

public enum EngagementOutcome
{
    Pending,
    Positive,
    Neutral,
    Negative,
    Inconclusive,
}

/// <summary>One act of military diplomacy: who took part, when, over which channel, and what came of it.</summary>
public class Engagement : ClassifiedRecord, ISearchable
{
    public NpgsqlTypes.NpgsqlTsVector? SearchVector { get; private set; }

    public required string Title { get; set; }

    public EngagementKind Kind { get; set; }

    public CommunicationChannel Channel { get; set; }

    public DateOnly OccurredOn { get; set; }

    public int? HostNationId { get; set; }

    public Nation? HostNation { get; set; }

    public string? Location { get; set; }

    public string Summary { get; set; } = "";

    public EngagementOutcome Outcome { get; set; }

    public string? OutcomeNotes { get; set; }

    /// <summary>The import that created this engagement, if one did (a list can be filtered by it).</summary>
    public int? ImportId { get; set; }

    public List<EngagementParticipant> Participants { get; set; } = [];

    public List<EngagementAttache> Attaches { get; set; } = [];

    public List<EngagementFollowUp> FollowUps { get; set; } = [];
}

/// <summary>A nation taking part in an engagement.</summary>
public class EngagementParticipant
{
    /// <summary>
    /// A shadow property: the engagement's day, a copy the database keeps (see EngagementConfiguration),
    /// read with <c>EF.Property&lt;DateOnly&gt;(p, OccurredOnProperty)</c> by queries that want a nation's engagements by date.
    /// </summary>
    public const string OccurredOnProperty = "OccurredOn";

    public int EngagementId { get; set; }

    public Engagement? Engagement { get; set; }

    public int NationId { get; set; }

    public Nation? Nation { get; set; }

    /// <summary>The nation that called or led the engagement.</summary>
    public bool IsLead { get; set; }
}

/// <summary>An attaché taking part in an engagement as a liaison.</summary>
public class EngagementAttache
{
    public int EngagementId { get; set; }

    public Engagement? Engagement { get; set; }

    public int AttacheId { get; set; }

    public MilitaryAttache? Attache { get; set; }
}

public enum FollowUpStatus
{
    Open,
    InProgress,
    Done,
    Dropped,
}

/// <summary>An action agreed at an engagement.</summary>
public class EngagementFollowUp
{
    public int Id { get; set; }

    public int EngagementId { get; set; }

    public Engagement? Engagement { get; set; }

    public required string Action { get; set; }

    public string? Owner { get; set; }

    public DateOnly? DueOn { get; set; }

    public FollowUpStatus Status { get; set; }

    public uint Version { get; set; }
}
