using DiploPortal.Core.Common;

namespace DiploPortal.Core.Engagements;

/// <summary>An engagement as a row of an export or an import: nations by code, lists joined by ';'.</summary>
public sealed record EngagementRecord(
    int Id,
    string Title,
    EngagementKind Kind,
    CommunicationChannel Channel,
    DateOnly OccurredOn,
    string? HostNation,
    string? Location,
    IReadOnlyList<string> Participants,
    EngagementOutcome Outcome,
    string? OutcomeNotes,
    string Summary,
    Classification Classification,
    IReadOnlyList<string> ReleasableToNations,
    IReadOnlyList<string> ReleasableToAlliances);

/// <summary>
/// The one file format of engagements: exports write it, imports read it, and the import template
/// is its header. Lines starting with '#' before the header describe the file (who, when, filters)
/// and are skipped on import. Dates are ISO 8601 (yyyy-MM-dd).
/// </summary>
public static class EngagementCsv
{
    public const string Id = "id";
    public const string Title = "title";
    public const string Kind = "kind";
    public const string Channel = "channel";
    public const string OccurredOn = "occurred_on";
    public const string HostNation = "host_nation";
    public const string Location = "location";
    public const string Participants = "participants";
    public const string Outcome = "outcome";
    public const string OutcomeNotes = "outcome_notes";
    public const string Summary = "summary";
    public const string Classification = "classification";
    public const string ReleasableToNations = "releasable_to_nations";
    public const string ReleasableToAlliances = "releasable_to_alliances";

    public const char ListSeparator = ';';
    public const string DayFormat = ExportFile.DayFormat;

    /// <summary>Every column, in file order. An import may leave out <see cref="Id"/> (ignored: imports create records).</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        Id, Title, Kind, Channel, OccurredOn, HostNation, Location, Participants, Outcome, OutcomeNotes, Summary,
        Classification, ReleasableToNations, ReleasableToAlliances,
    ];

    /// <summary>The columns an import must have.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = [Title, Kind, Channel, OccurredOn, Participants, Outcome, Classification];

    /// <summary>
    /// The cells of a row. In CSV, text a spreadsheet would run as a formula is protected (see
    /// <see cref="ExportFile.Protect"/>); a spreadsheet file holds it as plain text cells and needs no protection.
    /// </summary>
    public static ExportCell[] ToCells(EngagementRecord record, bool forCsv)
    {
        ArgumentNullException.ThrowIfNull(record);
        var text = ExportFile.TextCell(forCsv);
        return
        [
            ExportFile.Number(record.Id),
            text(record.Title),
            record.Kind.ToString(),
            record.Channel.ToString(),
            ExportFile.Day(record.OccurredOn),
            record.HostNation ?? "",
            text(record.Location),
            string.Join(ListSeparator, record.Participants),
            record.Outcome.ToString(),
            text(record.OutcomeNotes),
            text(record.Summary),
            record.Classification.ToString(),
            string.Join(ListSeparator, record.ReleasableToNations),
            string.Join(ListSeparator, record.ReleasableToAlliances),
        ];
    }
}
