using System.Globalization;
using DiploPortal.Core.Common;
using DiploPortal.Core.Exercises.History;
using DiploPortal.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiploPortal.Core.Tests.Exercises.History;

/// <summary>One database holding the shipped data set, imported once for all of <see cref="MmeImporting"/>.</summary>
public sealed class MmeImportedDatabase : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public MmeImportReport Report { get; private set; } = null!;

    /// <summary>The file's rows, each as column to trimmed value, read here without the importer.</summary>
    public List<Dictionary<string, string>> Rows { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestPostgres.CreateWithReferenceDataAsync();
        Report = await Importer(Database).ImportShippedAsync();
        using var reader = new StreamReader(MmeSource.OpenFile());
        var records = CsvReader.Read(reader).ToList();
        Rows = [.. records.Skip(1).Select(r => records[0].Select((h, i) => (h, i)).ToDictionary(c => c.h, c => r[c.i].Trim(), StringComparer.Ordinal))];
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();

    public static MmeImport Importer(TestDatabase database) => new(database.Factory, TimeProvider.System, NullLogger<MmeImport>.Instance);
}

/// <summary>
/// The whole shipped data set imported into a real database, its counts checked against the CSV read
/// independently here (plain column reads, not the importer's rules).
/// </summary>
public class MmeImporting(MmeImportedDatabase imported) : IClassFixture<MmeImportedDatabase>
{
    private readonly TestDatabase _database = imported.Database;
    private readonly MmeImportReport _report = imported.Report;
    private readonly List<Dictionary<string, string>> _rows = imported.Rows;

    private MmeImport Importer() => MmeImportedDatabase.Importer(_database);

    private IEnumerable<Dictionary<string, string>> Imported =>
        _rows.Where((_, i) => !SkippedRows.Contains(i + 2));

    private HashSet<int> SkippedRows =>
        [.. _report.Notes.Where(n => n.Reason.StartsWith("Not imported", StringComparison.Ordinal)).Select(n => n.Row)];

    private static bool Names(Dictionary<string, string> row, string name) =>
        row.Where(c => c.Key.StartsWith("State", StringComparison.Ordinal)).Any(c => c.Value == name);

    private static DateOnly StartOf(Dictionary<string, string> row) =>
        new(int.Parse(row["s.year"], CultureInfo.InvariantCulture), int.Parse(row["s.month"], CultureInfo.InvariantCulture), 1);

    private Task<long> CountAsync(string sql) => _database.ScalarAsync<long>(sql);

    [Fact]
    public async Task EveryRowNamingANationBecomesOneCompletedUnclassifiedExercise()
    {
        Assert.True(_report.Succeeded, _report.Describe(20));
        Assert.Equal(3707, _report.Rows);
        Assert.Equal(3707 - _report.Skipped, _report.Imported);
        Assert.InRange(_report.Skipped, 1, 60);
        Assert.Equal(_report.Imported, await CountAsync("SELECT count(*) FROM exercises WHERE source_key LIKE 'mme:%'"));
        Assert.Equal(_report.Imported, await CountAsync("SELECT count(*) FROM exercises WHERE status = 'Completed' AND classification = 'Unclassified' AND NOT is_demo"));
        Assert.Equal("3707", await _database.ScalarAsync<string>("SELECT after->>'rows' FROM audit_entries WHERE action = 'Imported' AND entity_type = 'JointExercise'"));
    }

    [Theory]
    [InlineData("RIMPAC")]
    [InlineData("Cobra Gold")]
    [InlineData("Balikatan")]
    [InlineData("Red Flag")]
    public async Task CountsPerSeriesMatchTheFile(string series)
    {
        var expected = Imported.Count(r => r["Series_Name"] == series);

        Assert.True(expected > 10);
        Assert.Equal(expected, await CountAsync($"SELECT count(*) FROM exercises WHERE series_name = '{series}'"));
    }

    [Fact]
    public async Task SpellingsOfOneSeriesAreFolded()
    {
        var expected = Imported.Count(r => r["Series_Name"] is "Baltops" or "BALTOPS");

        // 22 rows in the file spell it Baltops; one of them (mme3854) names no nation and is not imported.
        Assert.Equal(22, _rows.Count(r => r["Series_Name"] is "Baltops"));
        Assert.Equal(21, expected);
        Assert.Equal(expected, await CountAsync("SELECT count(*) FROM exercises WHERE series_name = 'BALTOPS'"));
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM exercises WHERE series_name = 'Baltops'"));
    }

    [Theory]
    [InlineData("United States", "USA", null)]
    [InlineData("Australia", "AUS", null)]
    [InlineData("German Democratic Republic", "DDDE", null)]
    [InlineData("Czechoslovakia", "CSHH", null)]
    public async Task CountsPerNationMatchTheFileFormerStatesAsThemselves(string name, string code, string? unused)
    {
        _ = unused;
        var expected = Imported.Count(r => Names(r, name));

        Assert.Equal(expected, await CountAsync(
            $"SELECT count(*) FROM exercise_participants p JOIN nations n ON n.id = p.nation_id WHERE n.code = '{code}'"));
    }

    [Fact]
    public async Task WestGermanyIsGermanyAndRussiaBefore1992IsTheSovietUnion()
    {
        var germany = Imported.Count(r => Names(r, "Federal Republic of Germany") || Names(r, "Germany"));
        var soviet = Imported.Count(r => Names(r, "Russia") && StartOf(r) < new DateOnly(1991, 12, 1));

        Assert.Equal(germany, await CountAsync("SELECT count(*) FROM exercise_participants p JOIN nations n ON n.id = p.nation_id WHERE n.code = 'DEU'"));
        Assert.Equal(soviet, await CountAsync("SELECT count(*) FROM exercise_participants p JOIN nations n ON n.id = p.nation_id WHERE n.code = 'SUHH'"));
        Assert.True(soviet > 50);
    }

    [Fact]
    public async Task YugoslaviaIn2004AndSerbiaBefore2006AreSerbiaAndMontenegro()
    {
        var serbiaAndMontenegro = Imported.Count(r => Names(r, "Yugoslavia")
            || ((Names(r, "Serbia") || Names(r, "Montenegro")) && StartOf(r) < new DateOnly(2006, 6, 1)));

        Assert.Equal(3, serbiaAndMontenegro);
        Assert.Equal(serbiaAndMontenegro, await CountAsync("SELECT count(*) FROM exercise_participants p JOIN nations n ON n.id = p.nation_id WHERE n.code = 'CSXX'"));
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM exercise_participants p JOIN nations n ON n.id = p.nation_id WHERE n.code = 'YUCS'"));
    }

    [Fact]
    public async Task NatoIsTheAllianceInvolvedAndNotExpandedIntoItsMembers()
    {
        Assert.Equal(2L, await CountAsync("SELECT count(*) FROM exercises e JOIN alliances a ON a.id = e.lead_alliance_id WHERE a.acronym = 'NATO' AND e.source_key LIKE 'mme:%'"));
        // Cooperative Longbow/Lancer 2007 names NATO, Albania, Israel and Switzerland: three nations, not NATO's members.
        Assert.Equal(3L, await CountAsync("SELECT count(*) FROM exercise_participants p JOIN exercises e ON e.id = p.exercise_id WHERE e.source_key = 'mme:mme3058'"));
    }

    [Fact]
    public async Task UnknownDaysStayUnknown()
    {
        var expected = Imported.Count(r => r["s.day"] == "xx");

        Assert.Equal(814 - _rows.Where((r, i) => SkippedRows.Contains(i + 2) && r["s.day"] == "xx").Count(), expected);
        Assert.Equal(expected, await CountAsync("SELECT count(*) FROM exercises WHERE starts_on_precision = 'Month'"));
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM exercises WHERE starts_on_precision = 'Month' AND extract(day FROM starts_on) <> 1"));
        Assert.Equal(("Month", "1980-01-01", "1980-01-31"), (
            await _database.ScalarAsync<string>("SELECT starts_on_precision FROM exercises WHERE source_key = 'mme:mme88'"),
            await _database.ScalarAsync<string>("SELECT starts_on::text FROM exercises WHERE source_key = 'mme:mme88'"),
            await _database.ScalarAsync<string>("SELECT ends_on::text FROM exercises WHERE source_key = 'mme:mme88'")));
    }

    [Fact]
    public async Task IdentifiersUsedTwiceAreReportedAndBothRowsKept()
    {
        foreach (var id in new[] { "mme3457", "mme3458", "mme3460" })
        {
            Assert.Contains(_report.Notes, n => n.Column == "MMEID" && n.Reason.Contains($"The identifier {id} is used again", StringComparison.Ordinal));
        }

        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM exercises WHERE source_key = 'mme:mme3460#2'"));
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM exercises WHERE source_key = 'mme:mme3460'"));
    }

    [Fact]
    public async Task ImportingAgainChangesNothing()
    {
        var exercises = await CountAsync("SELECT count(*) FROM exercises");
        var participants = await CountAsync("SELECT count(*) FROM exercise_participants");
        var audit = await CountAsync("SELECT count(*) FROM audit_entries");

        var again = await Importer().ImportShippedAsync();

        Assert.True(again.Succeeded);
        Assert.Equal((0, _report.Imported), (again.Imported, again.AlreadyPresent));
        Assert.Equal(exercises, await CountAsync("SELECT count(*) FROM exercises"));
        Assert.Equal(participants, await CountAsync("SELECT count(*) FROM exercise_participants"));
        Assert.Equal(audit, await CountAsync("SELECT count(*) FROM audit_entries"));
    }

    [Fact]
    public async Task ANameMissingFromTheMappingRefusesTheWholeImportAndSaysRowAndName()
    {
        var exercises = await CountAsync("SELECT count(*) FROM exercises");
        var shipped = MmeMapping.Shipped();
        var withoutCanada = new MmeMapping(shipped.Names.Where(n => n.Name != "Canada"), shipped.SeriesSpellings);
        await using var file = MmeSource.OpenFile();

        var report = await Importer().ImportAsync(file, withoutCanada);

        Assert.False(report.Succeeded);
        Assert.Equal(_rows.Count(r => Names(r, "Canada")), report.Problems.Count);
        Assert.All(report.Problems, p => Assert.Contains("'Canada' is not in the mapping file", p.Reason, StringComparison.Ordinal));
        Assert.Equal(exercises, await CountAsync("SELECT count(*) FROM exercises"));
    }
}
