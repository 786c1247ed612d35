using DiploPortal.Core.Common;
using Npgsql;
using NpgsqlTypes;

namespace DiploPortal.Core.Data;

/// <summary>The columns every classified record shares, as bulk loads (demo data, imports) write them.</summary>
internal readonly record struct Marking(
    Classification Classification, string[] ReleasableToNations, string[] ReleasableToAlliances, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>
/// Binary COPY into the portal's tables, for the demo generator and imports. Ids are assigned by the
/// caller, so rows can reference each other before anything reaches the database; enums are written by name.
/// </summary>
internal static class BinaryCopy
{
    public const string MarkingColumns = "classification, releasable_to_nations, releasable_to_alliances, is_demo, created_at, updated_at";

    private const NpgsqlDbType TextArray = NpgsqlDbType.Array | NpgsqlDbType.Text;

    public static async Task<NpgsqlBinaryImporter> BeginAsync(NpgsqlConnection connection, string table, string columns, CancellationToken cancellationToken)
    {
        var importer = await connection.BeginBinaryImportAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        // A COPY of a large chunk waits on index maintenance; the default command timeout is too short for that.
        importer.Timeout = TimeSpan.FromMinutes(30);
        return importer;
    }

    /// <summary>
    /// Ids for <paramref name="count"/> new rows of <paramref name="table"/>, drawn from its identity sequence, so
    /// rows and the rows that reference them can be written by COPY (imports). The table name is a constant of the caller.
    /// </summary>
    public static async Task<int[]> ReserveIdsAsync(NpgsqlConnection connection, string table, int count, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT nextval(pg_get_serial_sequence('{table}', 'id'))::int FROM generate_series(1, @count)", connection);
        command.Parameters.Add(new NpgsqlParameter<int>("count", NpgsqlDbType.Integer) { TypedValue = count });
        var ids = new int[count];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; await reader.ReadAsync(cancellationToken); i++)
        {
            ids[i] = reader.GetInt32(0);
        }

        return ids;
    }

    public static Task WriteIntAsync(this NpgsqlBinaryImporter importer, int value, CancellationToken cancellationToken) =>
        importer.WriteAsync(value, NpgsqlDbType.Integer, cancellationToken);

    public static Task WriteIntAsync(this NpgsqlBinaryImporter importer, int? value, CancellationToken cancellationToken) =>
        value is { } v ? importer.WriteAsync(v, NpgsqlDbType.Integer, cancellationToken) : importer.WriteNullAsync(cancellationToken);

    public static Task WriteTextAsync(this NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    public static Task WriteEnumAsync<TEnum>(this NpgsqlBinaryImporter importer, TEnum value, CancellationToken cancellationToken)
        where TEnum : struct, Enum =>
        importer.WriteAsync(value.ToString(), NpgsqlDbType.Text, cancellationToken);

    public static Task WriteDateAsync(this NpgsqlBinaryImporter importer, DateOnly value, CancellationToken cancellationToken) =>
        importer.WriteAsync(value, NpgsqlDbType.Date, cancellationToken);

    public static Task WriteDateAsync(this NpgsqlBinaryImporter importer, DateOnly? value, CancellationToken cancellationToken) =>
        value is { } v ? importer.WriteAsync(v, NpgsqlDbType.Date, cancellationToken) : importer.WriteNullAsync(cancellationToken);

    public static Task WriteBoolAsync(this NpgsqlBinaryImporter importer, bool value, CancellationToken cancellationToken) =>
        importer.WriteAsync(value, NpgsqlDbType.Boolean, cancellationToken);

    /// <summary>Writes the <see cref="MarkingColumns"/>.</summary>
    public static async Task WriteMarkingAsync(this NpgsqlBinaryImporter importer, Marking marking, bool isDemo, CancellationToken cancellationToken)
    {
        await importer.WriteEnumAsync(marking.Classification, cancellationToken);
        await importer.WriteAsync(marking.ReleasableToNations, TextArray, cancellationToken);
        await importer.WriteAsync(marking.ReleasableToAlliances, TextArray, cancellationToken);
        await importer.WriteBoolAsync(isDemo, cancellationToken);
        await importer.WriteAsync(marking.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        await importer.WriteAsync(marking.UpdatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
    }
}
