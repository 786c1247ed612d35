namespace DiploPortal.Web.Components.Editing;

/// <summary>Reads the server's messages by field name, as an editor's fields show them beside each input.</summary>
public static class FieldMessages
{
    public static bool Has(this IReadOnlyDictionary<string, string[]> errors, string field)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.ContainsKey(field);
    }

    /// <summary>The field's messages as one text, or null when it has none.</summary>
    public static string? TextOf(this IReadOnlyDictionary<string, string[]> errors, string field)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
    }

    public static IReadOnlyList<string> Of(this IReadOnlyDictionary<string, string[]> errors, string field)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.TryGetValue(field, out var messages) ? messages : [];
    }
}
