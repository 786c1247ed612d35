namespace DiploPortal.Core.Common;

/// <summary>What a person narrows a list to; the same filter drives the page, the export and the API.</summary>
public interface IListFilter
{
    /// <summary>True when nothing is filtered (the order may still be any).</summary>
    bool IsEmpty { get; }

    /// <summary>The filter in words, one "name: value" per filter set, for the header of an export.</summary>
    IReadOnlyList<string> Describe();
}

/// <summary>The filter of a list of classified records: whatever else it narrows by, a marking and words.</summary>
public interface IRecordFilter : IListFilter
{
    /// <summary>Only records with this marking.</summary>
    Classification? Classification { get; }

    /// <summary>Words as in a web search ("quoted phrases", -excluded words, or), against the record's search vector.</summary>
    string? Text { get; }
}
