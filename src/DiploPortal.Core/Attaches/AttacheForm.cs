using DiploPortal.Core.Common;

namespace DiploPortal.Core.Attaches;

/// <summary>An attaché as a person edits it: nations by alpha-3 code, and the <see cref="Version"/> it was read at.</summary>
public sealed class AttacheForm : IMarkedForm
{
    public const int FullNameMaxLength = 120;
    public const int RankMaxLength = 60;

    public string FullName { get; set; } = "";

    public string Rank { get; set; } = "";

    public MilitaryService Service { get; set; }

    public AttachePost Post { get; set; }

    public string? SendingNation { get; set; }

    public string? HostNation { get; set; }

    public DateOnly? PostedFrom { get; set; }

    public DateOnly? PostedUntil { get; set; }

    public Classification Classification { get; set; }

    public List<string> ReleasableToNations { get; set; } = [];

    public List<string> ReleasableToAlliances { get; set; } = [];

    /// <summary>Why a save lowers the marking or widens releasability (MarkingRules.CheckDowngrade).</summary>
    public string? DowngradeReason { get; set; }

    public uint Version { get; set; }
}

/// <summary>A report as a person edits it; the attaché who filed it is chosen when it is created and stays.</summary>
public sealed class AttacheReportForm : IMarkedForm
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 20_000;

    public int AttacheId { get; set; }

    public AttacheReportKind Kind { get; set; }

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    public DateOnly? FiledOn { get; set; }

    public Classification Classification { get; set; }

    public List<string> ReleasableToNations { get; set; } = [];

    public List<string> ReleasableToAlliances { get; set; } = [];

    /// <summary>Why a save lowers the marking or widens releasability (MarkingRules.CheckDowngrade).</summary>
    public string? DowngradeReason { get; set; }

    public uint Version { get; set; }
}
