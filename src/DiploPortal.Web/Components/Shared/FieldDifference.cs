namespace DiploPortal.Web.Components.Shared;

/// <summary>One field two versions of a record disagree on, as text to show side by side.</summary>
public sealed record FieldDifference(string Field, string Theirs, string Mine);
