using System.Text.Json;
using System.Text.Json.Serialization;

namespace DiploPortal.Web.Api;

/// <summary>
/// A nation in a written record: its code (<c>"FRA"</c>), or the nation as <c>GET</c> returns it
/// (<c>{"code": "FRA", "name": "France", ...}</c>, only the code is read), so that what a script read can be
/// sent back unchanged. Lengths and NUL characters are checked after binding, beside the field.
/// </summary>
public sealed class NationCodeJson : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadCode(ref reader);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }

    internal static string? ReadCode(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        // The whole value at once: the reader may hold only part of the body, and ParseValue asks for the rest.
        using var nation = JsonDocument.ParseValue(ref reader);
        return CodeOf(nation.RootElement);
    }

    internal static string? CodeOf(JsonElement nation) => nation.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => nation.GetString(),
        JsonValueKind.Object when nation.TryGetProperty("code", out var code) && code.ValueKind is JsonValueKind.String or JsonValueKind.Null
            => code.GetString(),
        _ => throw new JsonException("A nation is its code (\"FRA\") or an object with a \"code\"."),
    };
}

/// <summary>A list of nations, each a code or an object with a <c>code</c> (<see cref="NationCodeJson"/>).</summary>
public sealed class NationCodeListJson : JsonConverter<IReadOnlyList<string?>>
{
    public override IReadOnlyList<string?>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var list = JsonDocument.ParseValue(ref reader);
        return list.RootElement.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Array => [.. list.RootElement.EnumerateArray().Select(NationCodeJson.CodeOf)],
            _ => throw new JsonException("Send the nations as a list."),
        };
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string?> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var code in value)
        {
            writer.WriteStringValue(code);
        }

        writer.WriteEndArray();
    }
}
