using System.Net.Sockets;
using Npgsql;

namespace DiploPortal.Web.Hosting;

/// <summary>
/// Tells a database that is not there (down, restarting, refusing connections, unreachable) from a
/// query that failed: the first is answered 503 and a "try again" message, and the portal recovers by
/// itself when the database returns; the second stays a fault of the portal.
/// </summary>
public static class DatabaseFaults
{
    /// <summary>
    /// SQL states of a server that is going away or not taking connections yet: admin shutdown (57P01),
    /// crash shutdown (57P02), cannot connect now (57P03, starting or recovering), too many connections
    /// (53300), and the connection exception class (08).
    /// </summary>
    private static readonly string[] UnavailableStates = ["57P01", "57P02", "57P03", "53300"];

    public static bool IsUnavailable(Exception? exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case PostgresException postgres:
                    return UnavailableStates.Contains(postgres.SqlState, StringComparer.Ordinal) || postgres.SqlState.StartsWith("08", StringComparison.Ordinal);
                case NpgsqlException npgsql when npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsUnavailable):
                    return true;
            }
        }

        return false;
    }
}
