using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DiploPortal.Core.Audit;

/// <summary>
/// The canonical serialisation behind the hash chain, and its keyed hash. PostgreSQL's jsonb rewrites what it stores
/// (key order, spacing, number notation), so both the writer and the verifier hash a canonical form
/// that survives that rewrite: object keys sorted ordinally, no whitespace, numbers in plain decimal
/// notation, strings escaping only quote, backslash and control characters (written here rather than
/// by an encoder whose choices may change between .NET versions).
/// </summary>
internal static class AuditJson
{
    /// <summary>The previous hash of the first entry of the chain.</summary>
    public static readonly string Genesis = new('0', 64);

    private static readonly JsonSerializerOptions ValueOptions = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>A value (a snapshot or the details of an event) as canonical JSON.</summary>
    public static string? Serialize(object? value) =>
        value is null ? null : Canonical(JsonSerializer.Serialize(value, value.GetType(), ValueOptions));

    public static string? Canonical(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        var text = new StringBuilder(json.Length);
        WriteCanonical(text, document.RootElement);
        return text.ToString();
    }

    /// <summary>
    /// Hex HMAC-SHA256, under the chain key, of <see cref="CanonicalText"/>: without the key nobody can
    /// compute a hash the verifier accepts.
    /// </summary>
    public static string Hash(AuditEntry entry, AuditChainKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Hash(CanonicalText(entry));
    }

    /// <summary>
    /// The unkeyed SHA-256 of the same text: how entries were hashed before the chain was keyed, and what
    /// anyone who edits rows can recompute. The verifier uses it only to say that an entry was hashed
    /// without the key; the re-keying of an old chain uses it to check that chain first.
    /// </summary>
    public static string PlainHash(AuditEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText(entry))));

    /// <summary>
    /// <c>{"id":…,"occurred_at":"…Z","actor":…,"action":…,"entity_type":…,"entity_key":…,
    /// "before":…,"after":…,"previous_hash":…}</c> in canonical form, timestamps to the microsecond.
    /// </summary>
    public static string CanonicalText(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder(256);
        text.Append("{\"id\":").Append(entry.Id.ToString(CultureInfo.InvariantCulture));
        text.Append(",\"occurred_at\":");
        WriteString(text, entry.OccurredAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        text.Append(",\"actor\":");
        WriteString(text, entry.Actor);
        text.Append(",\"action\":");
        WriteString(text, entry.Action.ToString());
        text.Append(",\"entity_type\":");
        WriteString(text, entry.EntityType);
        text.Append(",\"entity_key\":");
        WriteString(text, entry.EntityKey);
        text.Append(",\"before\":").Append(Canonical(entry.Before) ?? "null");
        text.Append(",\"after\":").Append(Canonical(entry.After) ?? "null");
        text.Append(",\"previous_hash\":");
        WriteString(text, entry.PreviousHash);
        text.Append('}');
        return text.ToString();
    }

    /// <summary>PostgreSQL keeps timestamps to the microsecond; the hash must see what is stored.</summary>
    public static DateTime ToMicroseconds(DateTime utc) => new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    private static void WriteCanonical(StringBuilder text, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                text.Append('{');
                var first = true;
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        text.Append(',');
                    }

                    first = false;
                    WriteString(text, property.Name);
                    text.Append(':');
                    WriteCanonical(text, property.Value);
                }

                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (index++ > 0)
                    {
                        text.Append(',');
                    }

                    WriteCanonical(text, item);
                }

                text.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(text, element.GetString());
                break;
            case JsonValueKind.Number:
                var raw = element.GetRawText();
                text.Append(decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? number.ToString(CultureInfo.InvariantCulture)
                    : raw);
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            default:
                text.Append("null");
                break;
        }
    }

    private static void WriteString(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append("null");
            return;
        }

        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case < ' ':
                    text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        text.Append('"');
    }
}
