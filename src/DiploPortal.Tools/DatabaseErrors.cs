using System.Net.Sockets;
using Npgsql;

namespace DiploPortal.Tools;

/// <summary>Turns what went wrong into one line a person can act on.</summary>
public static class DatabaseErrors
{
    public static string Describe(Exception exception, NpgsqlConnectionStringBuilder target)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(target);
        var where = $"{target.Host}:{target.Port}";
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case OperationCanceledException:
                    return "Cancelled: the transaction was rolled back.";
                case PostgresException { SqlState: "3D000" }:
                    return $"Database '{target.Database}' does not exist at {where}: run `migrate` first (it creates the database).";
                case PostgresException { SqlState: "42P01" } pg:
                    return $"The database '{target.Database}' has no DiploPortal schema ({pg.MessageText}): run `migrate` first.";
                case PostgresException { SqlState: "28P01" or "28000" } pg:
                    return $"PostgreSQL at {where} refused user '{target.Username}': {pg.MessageText}";
                case PostgresException pg:
                    return $"PostgreSQL error {pg.SqlState} at {where}: {pg.MessageText}";
                case DiploPortal.Core.Audit.AuditChainKeyException key:
                    return $"{key.Message} Hint: {DiploPortal.Core.Audit.AuditChainKeyException.Hint}";
                case InvalidOperationException or InvalidDataException when ex == exception:
                    return ex.Message;
                case SocketException:
                case NpgsqlException { InnerException: TimeoutException or IOException } when IsConnectFailure(exception):
                    return $"Cannot reach PostgreSQL at {where} — is it running? (set ConnectionStrings__Portal)";
                default:
                    break;
            }
        }

        return $"{exception.GetType().Name}: {exception.Message}";
    }

    private static bool IsConnectFailure(Exception exception) =>
        exception.ToString().Contains("Failed to connect", StringComparison.OrdinalIgnoreCase);
}
