using System.Security.Cryptography;
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
    /// Reads every stored key once at start-up: a key ring encrypted with another key (or with one
    /// while none is configured) stops the portal with a clear line, rather than failing every
    /// cookie later and quietly growing a second key ring beside the unreadable one.
    /// </summary>
    public static async Task VerifyDataProtectionKeysAsync(this WebApplication app)
    {
        foreach (var key in app.Services.GetRequiredService<IKeyManager>().GetAllKeys())
        {
            try
            {
                _ = key.Descriptor;
            }
            catch (CryptographicException e)
            {
                throw new StartupConfigurationException(
                    $"the stored Data Protection key {key.KeyId} cannot be decrypted ({e.Message})",
                    $"set {KeyEncryptionKey.Setting} to the key they were encrypted with, or delete the rows of data_protection_keys (everyone signs in again)");
            }
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortalDataProtection));
        if (app.Services.GetService<KeyEncryptionKey>() is null)
        {
            LogUnencrypted(logger, KeyEncryptionKey.Setting);
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PortalUserState>().ActAsSystem();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var plain = await db.DataProtectionKeys.CountAsync(k => !k.Xml!.Contains(KeyRingEncryptor.Element.NamespaceName));
        if (plain > 0)
        {
            LogPlainKeysLeft(logger, plain);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Setting} is not set: new Data Protection keys are stored unencrypted (Development only)")]
    private static partial void LogUnencrypted(ILogger logger, string setting);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{KeyCount} Data Protection keys were stored before key encryption was configured; they stay unencrypted until they expire, or delete them from data_protection_keys")]
    private static partial void LogPlainKeysLeft(ILogger logger, int keyCount);
}
