using System.Text.Json;
using System.Text.Json.Serialization;

namespace DiploPortal.Web.Hosting;

/// <summary>
/// Every string read from an API's JSON body: refused (a binding failure, so a 400) when it holds a NUL
/// character or is longer than <see cref="MaxLength"/>, the longest text any record takes (an attaché
/// report's body). Each field's own limit is the editor's rule, checked after binding.
/// </summary>
public class BoundedStrings : JsonConverter<string>
{
    public const int MaxLength = 20_000;

    private readonly int _maxLength;

    public BoundedStrings()
        : this(MaxLength)
    {
    }

    protected BoundedStrings(int maxLength) => _maxLength = maxLength;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        if (value is null)
        {
            return null;
        }

        if (value.Length > _maxLength)
        {
            throw new JsonException($"A text value is {value.Length:N0} characters long; at most {_maxLength:N0} are accepted.");
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new JsonException("A text value holds a NUL character, which no text in the portal may contain.");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}

/// <summary>
/// The user name and password sent for a token: NUL-free but of any length the body limit allows, so
/// that the endpoint itself answers an over-long one like a wrong password (<see cref="Accounts.SignInLimits"/>).
/// </summary>
public sealed class SignInStrings : BoundedStrings
{
    public SignInStrings()
        : base((int)PortalInputLimitsExtensions.MaxRequestBodySize)
    {
    }
}
