using System.Net.Sockets;
using Npgsql;

namespace DiploPortal.Web.Hosting;

/// <summary>
/// Turns the failures a newcomer meets at start-up into one clear line and a hint;
/// anything unexpected is logged in full.
/// </summary>
public static class StartupFailure
{
    public static void Report(Exception exception)
    {
        // A fresh console logger: the host's logger may already be disposed with the host
        // (a failed start disposes it), and then the reason would be lost.
        using var log = PortalLogging.CreateBootstrapLogger();
        var known = Explain(exception);
        if (known is { } message)
        {
            log.Fatal("DiploPortal could not start: {Reason}. Hint: {Hint}", message.Reason, message.Hint);
        }
        else
        {
            log.Fatal(exception, "DiploPortal stopped unexpectedly");
        }
    }

    private static (string Reason, string Hint)? Explain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case StartupConfigurationException configuration:
                    return (configuration.Reason, configuration.Hint);
                case NpgsqlException { InnerException: SocketException } or NpgsqlException { IsTransient: true }:
                    return ("the PostgreSQL server cannot be reached (" + e.Message + ")",
                        "start it with ./run.sh, or set ConnectionStrings__Portal to a reachable server");
                case PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } pg:
                    return ("PostgreSQL refused the connection (" + pg.MessageText + ")",
                        "check the database name, user and password in ConnectionStrings__Portal");
                case IOException io when io.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }
                    || io.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase):
                    return ("the HTTP port is already in use (" + io.Message + ")",
                        "stop the other process or choose another port with ASPNETCORE_URLS or DIPLOPORTAL_PORT");
                case DiploPortal.Core.Audit.AuditChainKeyException key:
                    return (key.Message, DiploPortal.Core.Audit.AuditChainKeyException.Hint);
                case InvalidOperationException ioe when ioe.Message.Contains("ConnectionStrings:Portal", StringComparison.Ordinal):
                    return (ioe.Message, "set ConnectionStrings__Portal, or start the portal with ./run.sh");
            }
        }

        return null;
    }
}
