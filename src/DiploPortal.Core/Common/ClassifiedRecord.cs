namespace DiploPortal.Core.Common;

/// <summary>
/// Base of every operational record a person edits: it carries the security marking,
/// the releasability caveats, the demo flag and the optimistic-concurrency token.
/// </summary>
public abstract class ClassifiedRecord : IVersionedRecord
{
    public int Id { get; set; }

    public Classification Classification { get; set; } = Classification.Unclassified;

    /// <summary>Nation codes (ISO alpha-3) the record may be released to; empty means no caveat.</summary>
    public List<string> ReleasableToNations { get; set; } = [];

    /// <summary>Alliance acronyms whose members the record may be released to; empty means no caveat.</summary>
    public List<string> ReleasableToAlliances { get; set; } = [];

    /// <summary>True for records made by the demo generator, so they can be told apart and removed.</summary>
    public bool IsDemo { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL <c>xmin</c>: changes on every update, so a stale edit is detected.</summary>
    public uint Version { get; set; }
}
