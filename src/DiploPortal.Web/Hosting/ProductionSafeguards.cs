using DiploPortal.Web.Accounts;
using Npgsql;

namespace DiploPortal.Web.Hosting;

/// <summary>
/// Every environment but Development is treated as production: the portal refuses to start without
/// the secrets it needs, and never with demo accounts. Each refusal is one line with a hint
/// (<see cref="StartupFailure"/>). <c>./run.sh</c> starts Development with demo data.
/// </summary>
public static class ProductionSafeguards
{
    public const string DemoAccountsSetting = "Portal:Setup:DemoAccounts";

    /// <summary>Checks the configuration before anything is built or connected.</summary>
    public static WebApplicationBuilder RequireProductionSecrets(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            return builder;
        }

        var environment = builder.Environment.EnvironmentName;
        if (builder.Configuration.GetValue<bool>(DemoAccountsSetting))
        {
            throw new StartupConfigurationException(
                $"{DemoAccountsSetting} is set in the {environment} environment, and demo accounts exist only in Development",
                "remove Portal__Setup__DemoAccounts; use ./run.sh to try the portal with demo accounts");
        }

        if (!CarriesCredentials(builder.Configuration.GetConnectionString("Portal") ?? ""))
        {
            throw new StartupConfigurationException(
                $"the connection string ConnectionStrings:Portal has no password in the {environment} environment",
                "add Password=... (with compose, set POSTGRES_PASSWORD), a Passfile or a client certificate; only ./run.sh (Development) connects without one");
        }

        if (KeyEncryptionKey.FromConfiguration(builder.Configuration) is null)
        {
            throw new StartupConfigurationException(
                $"{KeyEncryptionKey.Setting} is not set in the {environment} environment, so sign-in keys would be stored unencrypted",
                "set Portal__DataProtection__KeyEncryptionKey to the output of 'openssl rand -base64 32' and keep it secret");
        }

        return builder;
    }

    /// <summary>Checks what the database holds, once it is set up: a readable key ring, and no demo account outside Development.</summary>
    public static async Task VerifyStartupSecretsAsync(this WebApplication app)
    {
        await app.VerifyDataProtectionKeysAsync();
        if (app.Environment.IsDevelopment())
        {
            return;
        }

        // A database first filled by ./run.sh and then served in production would still open with the
        // published demo password.
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PortalUserState>().ActAsSystem();
        var demo = await scope.ServiceProvider.GetRequiredService<DemoAccounts>().WithThePublishedPasswordAsync();
        if (demo.Count > 0)
        {
            throw new StartupConfigurationException(
                $"the database holds demo accounts that open with the published demo password ({string.Join(", ", demo)}) in the {app.Environment.EnvironmentName} environment",
                "delete those accounts or reset their passwords (start in Development with ./run.sh to do it), or use a database without demo accounts");
        }
    }

    /// <summary>
    /// Whether the connection string authenticates with something: a password (also from PGPASSWORD or a
    /// pass file), a client certificate, or a Unix socket, where PostgreSQL checks the process's user.
    /// </summary>
    internal static bool CarriesCredentials(string connectionString)
    {
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            return false;
        }

        return !string.IsNullOrEmpty(parsed.Password)
            || !string.IsNullOrEmpty(parsed.Passfile)
            || !string.IsNullOrEmpty(parsed.SslCertificate)
            || parsed.Host?.StartsWith('/') == true
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PGPASSWORD"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PGPASSFILE"));
    }
}
