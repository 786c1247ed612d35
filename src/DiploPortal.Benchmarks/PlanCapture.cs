using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace DiploPortal.Benchmarks;

/// <summary>
/// Remembers the SQL and parameters of every query while <see cref="Capturing"/> is set, so that the
/// benchmark can show PostgreSQL's plan for exactly the statements it measured. Planner settings a
/// feature sets for its transaction (<c>SET LOCAL random_page_cost</c>, parallel workers) are replayed
/// before the plans that followed them, so that the plans are the ones the measured queries got.
/// </summary>
internal sealed class PlanCapture : DbCommandInterceptor
{
    private readonly List<NpgsqlCommand> _captured = [];
    private readonly HashSet<NpgsqlCommand> _settings = [];

    public bool Capturing { get; set; }

    public IReadOnlyList<NpgsqlCommand> Captured => _captured;

    public void Clear()
    {
        _captured.Clear();
        _settings.Clear();
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Capturing && command.CommandText.TrimStart().StartsWith("SET ", StringComparison.OrdinalIgnoreCase))
        {
            var setting = new NpgsqlCommand(command.CommandText);
            _captured.Add(setting);
            _settings.Add(setting);
        }

        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (Capturing && command is NpgsqlCommand npgsql)
        {
            var copy = new NpgsqlCommand(npgsql.CommandText);
            foreach (NpgsqlParameter parameter in npgsql.Parameters)
            {
                copy.Parameters.Add(parameter.Clone());
            }

            _captured.Add(copy);
        }

        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    /// <summary>EXPLAIN (ANALYZE, BUFFERS) of each captured statement, run now on <paramref name="connectionString"/>.</summary>
    public async Task<string> ExplainAsync(string connectionString)
    {
        var plans = new System.Text.StringBuilder();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // SET LOCAL lasts until the transaction ends; nothing here writes, and it is rolled back.
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var statement in _captured)
        {
            if (_settings.Contains(statement))
            {
                await using var set = new NpgsqlCommand(statement.CommandText, connection, transaction);
                await set.ExecuteNonQueryAsync();
                plans.AppendLine(statement.CommandText).AppendLine();
                continue;
            }

            await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + statement.CommandText, connection, transaction);
            foreach (NpgsqlParameter parameter in statement.Parameters)
            {
                explain.Parameters.Add(parameter.Clone());
            }

            plans.AppendLine(statement.CommandText).AppendLine("--");
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                plans.AppendLine(reader.GetString(0));
            }

            plans.AppendLine();
        }

        return plans.ToString();
    }
}
