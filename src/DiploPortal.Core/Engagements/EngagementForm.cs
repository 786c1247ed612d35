using DiploPortal.Core.Common;

namespace DiploPortal.Core.Engagements;

/// <summary>
/// An engagement as a person edits it: nations by alpha-3 code, alliances by acronym, and the
/// <see cref="Version"/> it was read at, so that saving over someone else's change is detected.
/// </summary>
public sealed class EngagementForm : IMarkedForm
{
    public const int TitleMaxLength = 200;
    public const int LocationMaxLength = 120;
    public const int SummaryMaxLength = 8000;
    public const int OutcomeNotesMaxLength = 2000;

    public string Title { get; set; } = "";

    public EngagementKind Kind { get; set; }

    public CommunicationChannel Channel { get; set; }

    public DateOnly? OccurredOn { get; set; }

    public string? HostNation { get; set; }

    public string? Location { get; set; }

    public string Summary { get; set; } = "";

    public EngagementOutcome Outcome { get; set; } = EngagementOutcome.Pending;

    public string? OutcomeNotes { get; set; }

    /// <summary>Participating nations; the first is the lead.</summary>
    public List<string> Participants { get; set; } = [];

    public Classification Classification { get; set; }

    public List<string> ReleasableToNations { get; set; } = [];

    public List<string> ReleasableToAlliances { get; set; } = [];

    /// <summary>Why a save lowers the marking or widens releasability (MarkingRules.CheckDowngrade).</summary>
    public string? DowngradeReason { get; set; }

    /// <summary>The row version (xmin) the form was read at; 0 for a new engagement.</summary>
    public uint Version { get; set; }

    public EngagementForm Copy()
    {
        var copy = (EngagementForm)MemberwiseClone();
        copy.Participants = [.. Participants];
        copy.ReleasableToNations = [.. ReleasableToNations];
        copy.ReleasableToAlliances = [.. ReleasableToAlliances];
        return copy;
    }
}
