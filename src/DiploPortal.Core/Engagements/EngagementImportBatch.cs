namespace DiploPortal.Core.Engagements;

/// <summary>
/// One import of an engagement file that wrote something: the SHA-256 of its bytes (so the same file is
/// recognised when it comes again), who imported it, when, and how many rows it created or skipped.
/// The engagements it created carry its id (<see cref="Engagement.ImportId"/>), so its list can be shown.
/// </summary>
public class EngagementImportBatch
{
    public const int FileNameMaxLength = 255;

    public int Id { get; set; }

    /// <summary>Lower-case hex of the SHA-256 of the file's bytes.</summary>
    public required string Sha256 { get; set; }

    public required string FileName { get; set; }

    public required string ImportedBy { get; set; }

    public DateTime ImportedAt { get; set; }

    /// <summary>The file's engagement rows.</summary>
    public int Rows { get; set; }

    public int Created { get; set; }

    /// <summary>Rows left out because they matched an engagement already in the portal.</summary>
    public int Skipped { get; set; }
}
