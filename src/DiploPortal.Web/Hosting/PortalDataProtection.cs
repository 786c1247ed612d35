using System.Security.Cryptography;
using System.Xml.Linq;
using DiploPortal.Core.Data;
using DiploPortal.Web.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Web.Hosting;

/// <summary>
/// Data Protection (sign-in cookies, antiforgery tokens): keys in the shared database, so that every
/// portal instance reads the others' cookies, and encrypted there with the configured
/// <see cref="KeyEncryptionKey"/>. Outside Development the key is required (<see cref="ProductionSafeguards"/>).
/// </summary>
public static partial class PortalDataProtection
{
    public static WebApplicationBuilder AddPortalDataProtection(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName("DiploPortal").PersistKeysToDbContext<PortalDbContext>();
        if (KeyEncryptionKey.FromConfiguration(builder.Configuration) is { } key)
        {
            // The decryptor is created by Data Protection's activator and finds the key here.
            builder.Services.AddSingleton(key);
            builder.Services.Configure<KeyManagementOptions>(options => options.XmlEncryptor = new KeyRingEncryptor(key));
        }

        return builder;
    }

    /// <summary>
    /// Decrypts every stored key once at start-up: a key ring encrypted with another key (or with one
    /// while none is configured) stops the portal with a clear line, rather than failing every cookie
    /// later and quietly growing a second key ring beside the unreadable one. The stored XML is read
    /// here directly: Data Protection itself would log each failure with a stack trace first.
    /// </summary>
    public static async Task VerifyDataProtectionKeysAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PortalUserState>().ActAsSystem();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var stored = await db.DataProtectionKeys.AsNoTracking().Select(k => new { k.FriendlyName, k.Xml }).ToListAsync();

        var decryptor = new KeyRingDecryptor(app.Services);
        var plain = 0;
        foreach (var key in stored)
        {
            var encrypted = XElement.Parse(key.Xml ?? "<key />").Descendants(KeyRingEncryptor.Element).ToList();
            plain += encrypted.Count == 0 ? 1 : 0;
            foreach (var element in encrypted)
            {
                try
                {
                    _ = decryptor.Decrypt(element);
                }
                catch (CryptographicException e)
                {
                    throw new StartupConfigurationException(
                        $"the stored Data Protection {key.FriendlyName} cannot be decrypted ({e.Message})",
                        $"set {KeyEncryptionKey.Setting} to the key it was encrypted with, or delete the rows of data_protection_keys (everyone signs in again)");
                }
            }
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortalDataProtection));
        if (app.Services.GetService<KeyEncryptionKey>() is null)
        {
            LogUnencrypted(logger, KeyEncryptionKey.Setting);
        }
        else if (plain > 0)
        {
            LogPlainKeysLeft(logger, plain);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Setting} is not set: new Data Protection keys are stored unencrypted (Development only)")]
    private static partial void LogUnencrypted(ILogger logger, string setting);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{KeyCount} Data Protection keys were stored before key encryption was configured; they stay unencrypted until they expire, or delete them from data_protection_keys")]
    private static partial void LogPlainKeysLeft(ILogger logger, int keyCount);
}
