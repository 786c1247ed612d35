using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace DiploPortal.Web.Hosting;

/// <summary>
/// The 256-bit key that encrypts the Data Protection keys before they are stored in the database
/// (<c>Portal:DataProtection:KeyEncryptionKey</c>, base64). Whoever reads <c>data_protection_keys</c>
/// (a backup, a replica, a database administrator) then cannot forge sign-in cookies without it.
/// </summary>
public sealed class KeyEncryptionKey
{
    public const string Setting = "Portal:DataProtection:KeyEncryptionKey";

    private const int NonceSize = 12;
    private const int TagSize = 16;

    // Binds the ciphertext to its purpose: the same key used elsewhere cannot be made to decrypt this.
    private static readonly byte[] AssociatedData = Encoding.UTF8.GetBytes("DiploPortal Data Protection key ring v1");

    private readonly byte[] _key;

    private KeyEncryptionKey(byte[] key)
    {
        _key = key;
        // Names the key in each stored element without revealing it, so that a wrong key is reported as such.
        Id = Convert.ToHexStringLower(SHA256.HashData([.. AssociatedData, .. key]))[..16];
    }

    /// <summary>A short public name of the key, stored beside each element it encrypted.</summary>
    public string Id { get; }

    /// <summary>The configured key, or null when none is set; a value that is not 32 bytes of base64 is refused.</summary>
    public static KeyEncryptionKey? FromConfiguration(IConfiguration configuration)
    {
        var text = configuration[Setting];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var bytes = new byte[64];
        if (!Convert.TryFromBase64String(text.Trim(), bytes, out var length) || length != 32)
        {
            throw new StartupConfigurationException(
                $"{Setting} is not a base64 256-bit key",
                "generate one with 'openssl rand -base64 32' and keep it with the portal's other secrets");
        }

        return new KeyEncryptionKey(bytes[..32]);
    }

    public static KeyEncryptionKey Generate() => new(RandomNumberGenerator.GetBytes(32));

    public string ToBase64() => Convert.ToBase64String(_key);

    internal byte[] Encrypt(byte[] plaintext)
    {
        var sealedBox = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = sealedBox.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plaintext, sealedBox.AsSpan(NonceSize, plaintext.Length), sealedBox.AsSpan(NonceSize + plaintext.Length), AssociatedData);
        return sealedBox;
    }

    internal byte[] Decrypt(byte[] sealedBox)
    {
        if (sealedBox.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The encrypted Data Protection key is truncated.");
        }

        var plaintext = new byte[sealedBox.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(sealedBox.AsSpan(0, NonceSize), sealedBox.AsSpan(NonceSize, plaintext.Length), sealedBox.AsSpan(NonceSize + plaintext.Length), plaintext, AssociatedData);
        return plaintext;
    }
}

/// <summary>Encrypts each new Data Protection key with AES-256-GCM under the <see cref="KeyEncryptionKey"/>.</summary>
public sealed class KeyRingEncryptor(KeyEncryptionKey key) : IXmlEncryptor
{
    internal static readonly XName Element = XName.Get("encryptedKey", "urn:diploportal:data-protection");

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        try
        {
            var encrypted = new XElement(Element,
                new XAttribute("algorithm", "AES-256-GCM"),
                new XAttribute("keyEncryptionKey", key.Id),
                new XComment(" Encrypted with Portal:DataProtection:KeyEncryptionKey; unreadable without it. "),
                new XElement(Element.Namespace + "value", Convert.ToBase64String(key.Encrypt(plaintext))));
            return new EncryptedXmlInfo(encrypted, typeof(KeyRingDecryptor));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}

/// <summary>
/// Created by Data Protection's activator (hence the service provider) for every stored key that
/// <see cref="KeyRingEncryptor"/> encrypted. A wrong or missing key is a <see cref="CryptographicException"/>
/// that says which key the element needs.
/// </summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var neededId = (string?)encryptedElement.Attribute("keyEncryptionKey") ?? "unknown";
        var key = services.GetService<KeyEncryptionKey>()
            ?? throw new CryptographicException(
                $"A stored Data Protection key is encrypted with key encryption key {neededId}, but {KeyEncryptionKey.Setting} is not set.");
        if (key.Id != neededId)
        {
            throw new CryptographicException(
                $"A stored Data Protection key is encrypted with key encryption key {neededId}, but the configured {KeyEncryptionKey.Setting} is {key.Id}.");
        }

        var value = encryptedElement.Element(KeyRingEncryptor.Element.Namespace + "value")?.Value
            ?? throw new CryptographicException("A stored Data Protection key has no encrypted value.");
        var plaintext = key.Decrypt(Convert.FromBase64String(value));
        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
