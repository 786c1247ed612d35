namespace DiploPortal.Core.Common;

/// <summary>A record's marking: its classification and whom it is releasable to (empty lists: no caveat).</summary>
public sealed record RecordMarking(Classification Classification, IReadOnlyList<string> ReleasableToNations, IReadOnlyList<string> ReleasableToAlliances)
{
    public static RecordMarking Of(ClassifiedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.Classification, MarkingRules.Codes(record.ReleasableToNations), MarkingRules.Codes(record.ReleasableToAlliances));
    }

    public static RecordMarking Of(IMarkedForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new(form.Classification, MarkingRules.Codes(form.ReleasableToNations), MarkingRules.Codes(form.ReleasableToAlliances));
    }

    public bool HasCaveats => ReleasableToNations.Count > 0 || ReleasableToAlliances.Count > 0;

    /// <summary>"Secret, releasable to GBR, USA and NATO" or "Unclassified, no caveat".</summary>
    public override string ToString() =>
        HasCaveats
            ? $"{Classification}, releasable to {string.Join(", ", ReleasableToNations.Concat(ReleasableToAlliances))}"
            : $"{Classification}, no caveat";
}

/// <summary>
/// How a save changes a record's marking, as a security officer reads it: a lower classification, or
/// releasability that lets in someone the old caveats kept out (all caveats removed, or a nation or alliance
/// added to a caveat list), is a downgrade. A downgrade needs a reason (<see cref="MarkingRules.CheckDowngrade"/>)
/// and is audited as <c>Downgraded</c> with the old and the new marking.
/// </summary>
public sealed record MarkingChange(RecordMarking Before, RecordMarking After)
{
    public bool LowersClassification => After.Classification < Before.Classification;

    /// <summary>
    /// True when the new caveats admit a reader the old ones did not. Caveats are lists of who may read: no
    /// caveat at all is the widest; adding a nation or an alliance widens; removing one (some left) narrows.
    /// </summary>
    public bool WidensReleasability =>
        Before.HasCaveats
        && (!After.HasCaveats
            || After.ReleasableToNations.Except(Before.ReleasableToNations, StringComparer.Ordinal).Any()
            || After.ReleasableToAlliances.Except(Before.ReleasableToAlliances, StringComparer.Ordinal).Any());

    public bool IsDowngrade => LowersClassification || WidensReleasability;

    /// <summary>What the change does, in words, for the message beside the marking fields.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (LowersClassification)
        {
            parts.Add($"lowers the classification from {Before.Classification} to {After.Classification}");
        }

        if (WidensReleasability)
        {
            parts.Add(After.HasCaveats ? "releases the record to more nations or alliances" : "removes every releasability caveat");
        }

        return string.Join(" and ", parts);
    }
}

/// <summary>A form that carries a record's marking, and the reason given when a save downgrades it.</summary>
public interface IMarkedForm : IRecordForm
{
    Classification Classification { get; set; }

    List<string> ReleasableToNations { get; set; }

    List<string> ReleasableToAlliances { get; set; }

    /// <summary>Why the marking is lowered or releasability widened; required for such a save, ignored otherwise.</summary>
    string? DowngradeReason { get; set; }
}
