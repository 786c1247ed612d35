using DiploPortal.Core.Audit;
using DiploPortal.TestSupport;

namespace DiploPortal.Tools.Tests;

/// <summary>The tools' <c>import-mme</c> command: imports the shipped data set once, prints its report row by row, and a second run writes nothing.</summary>
public sealed class ImportingTheMmeDataSet : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable(AuditChainKey.ConfigurationKey.Replace(":", "__", StringComparison.Ordinal), TestPostgres.ChainKeyText);
        _database = await TestPostgres.CreateWithReferenceDataAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Import_mme_prints_the_report_and_a_second_run_changes_nothing()
    {
        var first = await RunAsync("import-mme", "--connection", _database.ConnectionString);
        var exercises = await _database.ScalarAsync<long>("SELECT count(*) FROM exercises");
        var audit = await _database.ScalarAsync<long>("SELECT count(*) FROM audit_entries");
        var second = await RunAsync("import-mme", "--connection", _database.ConnectionString);

        Assert.True(first.Exit == ToolApp.Success, first.Error);
        Assert.Contains("Multinational Military Exercises 1980–2010 (D'Orazio & Galambos 2021)", first.Output, StringComparison.Ordinal);
        Assert.Matches("File mme_v7.csv \\(SHA-256 [0-9a-f]{64}\\): 3707 rows. Imported [0-9]+ exercises; 0 already in the portal", first.Output);
        Assert.Contains("note, row 2817, MMEID: The identifier mme3460 is used again", first.Output, StringComparison.Ordinal);
        Assert.Contains("Participant 'Baltic States' cannot be mapped", first.Output, StringComparison.Ordinal);
        Assert.True(second.Exit == ToolApp.Success, second.Error);
        Assert.Contains("Imported 0 exercises; " + exercises + " already in the portal", second.Output, StringComparison.Ordinal);
        Assert.Equal(exercises, await _database.ScalarAsync<long>("SELECT count(*) FROM exercises"));
        Assert.Equal(audit, await _database.ScalarAsync<long>("SELECT count(*) FROM audit_entries"));
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ToolApp.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
