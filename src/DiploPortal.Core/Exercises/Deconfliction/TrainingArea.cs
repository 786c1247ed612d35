using DiploPortal.Core.Common;
using DiploPortal.Core.Nations;

namespace DiploPortal.Core.Exercises.Deconfliction;

/// <summary>A named training area in a nation (reference data, edited by administrators); unique by name within its nation.</summary>
public class TrainingArea : IVersionedRecord
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int SourceMaxLength = 500;

    public int Id { get; set; }

    public required string Name { get; set; }

    public int NationId { get; set; }

    public Nation? Nation { get; set; }

    public string? Description { get; set; }

    /// <summary>Where the area's name and place come from (a public page), if known.</summary>
    public string? Source { get; set; }

    public uint Version { get; set; }
}

/// <summary>
/// What a nation can commit to exercises at once: personnel, ships and aircraft (reference data, edited by
/// administrators). Each row either cites its <see cref="Source"/> or is marked as an assumption with a note
/// saying what it was derived from; the database refuses a row that does neither.
/// </summary>
public class NationCapacity : IVersionedRecord
{
    public const int SourceMaxLength = 500;
    public const int NoteMaxLength = 1000;

    public int Id { get; set; }

    public int NationId { get; set; }

    public Nation? Nation { get; set; }

    public int Personnel { get; set; }

    public int Ships { get; set; }

    public int Aircraft { get; set; }

    public string? Source { get; set; }

    public bool IsAssumption { get; set; }

    public string? Note { get; set; }

    public uint Version { get; set; }
}
