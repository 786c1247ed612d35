using System.Globalization;
using System.Text;
using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using DiploPortal.Core.Engagements;
using DiploPortal.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace DiploPortal.Benchmarks;

internal sealed record BenchOptions(string ConnectionString, int Iterations, int Warmup, int ImportRows, string? PlansFile, string? Only)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var connection = Value("--connection") ?? Environment.GetEnvironmentVariable("ConnectionStrings__Portal")
            ?? throw new ArgumentException("Pass --connection \"Host=...;Database=...\" or set ConnectionStrings__Portal.");
        return new BenchOptions(
            connection,
            int.Parse(Value("--iterations") ?? "200", CultureInfo.InvariantCulture),
            int.Parse(Value("--warmup") ?? "20", CultureInfo.InvariantCulture),
            int.Parse(Value("--import-rows") ?? "100000", CultureInfo.InvariantCulture),
            Value("--plans"),
            Value("--only"));
    }
}

internal sealed record BenchResult(string Name, int Runs, double P50, double P95, double Max)
{
    public static BenchResult Of(string name, List<double> times)
    {
        var sorted = times.Order().ToList();
        double At(double fraction) => sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
        return new BenchResult(name, sorted.Count, At(0.50), At(0.95), sorted[^1]);
    }

    /// <summary>A measurement left out by <c>--only</c>.</summary>
    public static BenchResult Skipped(string name) => new(name, 0, 0, 0, 0);

    public string ToMarkdown() => string.Create(CultureInfo.InvariantCulture, $"| {Name} | {Runs} | {P50:0.0} | {P95:0.0} | {Max:0.0} |");
}

/// <summary>Contexts bound to one user, as the portal's scoped factory binds them to the signed-in user.</summary>
internal sealed class BenchFactory(PooledDbContextFactory<PortalDbContext> pool, CurrentUser user) : IDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext()
    {
        var db = pool.CreateDbContext();
        db.User = user;
        return db;
    }
}

/// <summary>A valid import file of generated engagements, in the export's format.</summary>
internal static class ImportFile
{
    public static async Task<byte[]> BuildAsync(PooledDbContextFactory<PortalDbContext> pool, int rows)
    {
        await using var db = pool.CreateDbContext();
        var nations = await db.Nations.Where(n => n.ExistedUntil == null).OrderBy(n => n.Code).Select(n => n.Code).ToListAsync();
        var random = new Random(42);
        var kinds = Enum.GetValues<EngagementKind>();
        var channels = Enum.GetValues<CommunicationChannel>();
        var text = new StringBuilder(rows * 300);
        using (var writer = new StringWriter(text, CultureInfo.InvariantCulture))
        {
            CsvWriter.WriteRecord(writer, EngagementCsv.Columns.Where(c => c != EngagementCsv.Id));
            for (var i = 0; i < rows; i++)
            {
                var lead = nations[random.Next(nations.Count)];
                var other = nations[random.Next(nations.Count)];
                var day = new DateOnly(2000, 1, 1).AddDays(random.Next(9000));
                CsvWriter.WriteRecord(writer,
                [
                    $"Bench import {i}: talks between {lead} and {other}",
                    kinds[random.Next(kinds.Length)].ToString(),
                    channels[random.Next(channels.Length)].ToString(),
                    day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    lead,
                    "Capital city",
                    lead == other ? lead : $"{lead};{other}",
                    "Positive",
                    "Agreed to meet again",
                    "Staff talks on maritime security, logistics and the next exercise in the region.",
                    ((Classification)random.Next(4)).ToString(),
                    "",
                    random.Next(5) == 0 ? "NATO" : "",
                ]);
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}

/// <summary>Reports progress on the importer's own thread, so the timestamps are exact.</summary>
internal sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
{
    public void Report(ImportProgress value) => report(value);
}
