using System.Globalization;
using System.Text;
using DiploPortal.Core.Common;
using DiploPortal.Core.Engagements;
using DiploPortal.Core.Security;
using DiploPortal.TestSupport;

namespace DiploPortal.Core.Tests.Engagements;

/// <summary>Imports: a good file lands whole, a file with any bad row writes nothing and says where and why.</summary>
public class EngagementImporting : IAsyncLifetime
{
    private static readonly CurrentUser Staff = new("staff", Classification.Secret, "GBR", ["NATO", "FVEY"]);
    private static readonly CurrentUser RestrictedStaff = new("staff-restricted", Classification.Restricted, "FRA", ["NATO"]);

    private const string Header = "title,kind,channel,occurred_on,host_nation,location,participants,outcome,outcome_notes,summary,classification,releasable_to_nations,releasable_to_alliances";
    private const string GoodRow = "Maritime staff talks,StaffTalks,FaceToFace,2025-03-04,FRA,Brest,GBR;FRA,Positive,Agreed an exercise,Search and rescue,Restricted,,NATO";

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestPostgres.CreateWithReferenceDataAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task WritesAGoodFileInOneGoWithItsParticipantsAndOneAuditEntry()
    {
        var report = await ImportAsync(Staff, Header, GoodRow, GoodRow.Replace("2025-03-04", "4 Mar 2024", StringComparison.Ordinal));

        Assert.True(report.Succeeded);
        Assert.Equal(2, report.Imported);
        Assert.Equal(2L, await _database.ScalarAsync<long>("SELECT count(*) FROM engagements WHERE title = 'Maritime staff talks' AND NOT is_demo"));
        Assert.Equal(2L, await _database.ScalarAsync<long>("SELECT count(*) FROM engagements WHERE occurred_on IN ('2025-03-04', '2024-03-04')"));
        Assert.Equal(2L, await _database.ScalarAsync<long>(
            "SELECT count(*) FROM engagement_participants p JOIN nations n ON n.id = p.nation_id WHERE n.code = 'GBR' AND p.is_lead"));
        Assert.Equal("2", await _database.ScalarAsync<string>("SELECT after->>'rows' FROM audit_entries WHERE action = 'Imported' AND actor = 'staff'"));
    }

    [Theory]
    [InlineData("Talks,StaffTalks,FaceToFace,03/04/2025,FRA,,GBR,Positive,,,Restricted,,", "occurred_on", "ambiguous")]
    [InlineData("Talks,StaffTalks,FaceToFace,25/12/2024,FRA,,GBR,Positive,,,Restricted,,", "occurred_on", "never guesses")]
    [InlineData("Talks,StaffTalks,FaceToFace,yesterday,FRA,,GBR,Positive,,,Restricted,,", "occurred_on", "not a date")]
    [InlineData("Talks,Tea party,FaceToFace,2025-03-04,FRA,,GBR,Positive,,,Restricted,,", "kind", "'Tea party' is not one of")]
    [InlineData("Talks,StaffTalks,FaceToFace,2025-03-04,XXX,,GBR,Positive,,,Restricted,,", "host_nation", "no nation with the code XXX")]
    [InlineData("Talks,StaffTalks,FaceToFace,2025-03-04,FRA,,,Positive,,,Restricted,,", "participants", "at least one")]
    [InlineData(",StaffTalks,FaceToFace,2025-03-04,FRA,,GBR,Positive,,,Restricted,,", "title", "title")]
    [InlineData("Talks,StaffTalks,FaceToFace,2025-03-04,FRA,,GBR,Positive,,,Secret,,", "classification", "cleared to Restricted")]
    [InlineData("Talks,StaffTalks,FaceToFace,2099-03-04,FRA,,GBR,Positive,,,Restricted,,", "outcome", "only be pending")]
    [InlineData("Talks,StaffTalks,FaceToFace,2025-03-04,FRA,,GBR,Positive,,,Restricted,,NOPE", "releasable_to_alliances", "no alliance NOPE")]
    [InlineData("Talks,StaffTalks,FaceToFace,2025-03-04,FRA", "", "has 5 fields")]
    public async Task RefusesTheWholeFileForOneBadRowAndSaysWhereAndWhy(string badRow, string column, string reason)
    {
        var report = await ImportAsync(RestrictedStaff, Header, GoodRow, badRow, GoodRow);

        Assert.False(report.Succeeded);
        Assert.Equal(0, report.Imported);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(3, problem.Row);
        Assert.Equal(column, problem.Column);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM engagements"));
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'Imported'"));
    }

    [Theory]
    [InlineData("title,kind,channel,occurred_on,participants,outcome,classification,colour", "colour", "Unknown column")]
    [InlineData("title,kind,channel,occurred_on,participants,outcome", "classification", "required")]
    [InlineData("title,title,kind,channel,occurred_on,participants,outcome,classification", "title", "twice")]
    public async Task ChecksTheHeaderBeforeAnyRow(string header, string column, string reason)
    {
        var report = await ImportAsync(Staff, header, GoodRow);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((1, column), (problem.Row, problem.Column));
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaysSoForAnEmptyFileOrOneWithoutRows()
    {
        Assert.Contains("empty", Assert.Single((await ImportAsync(Staff)).Problems).Reason, StringComparison.Ordinal);
        Assert.Contains("no engagements", Assert.Single((await ImportAsync(Staff, Header)).Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadsBackWhatTheExportWrote()
    {
        var exported = new EngagementRecord(
            7, "=SUM(A1) \"quoted\", with comma", EngagementKind.PortVisit, CommunicationChannel.Hotline, new DateOnly(2024, 2, 29), "FRA", "Toulon",
            ["FRA", "GBR"], EngagementOutcome.Neutral, "-notes", "Line one\nline two", Classification.Confidential, ["GBR"], ["FVEY", "NATO"]);
        var file = new StringBuilder();
        using (var writer = new StringWriter(file, CultureInfo.InvariantCulture))
        {
            foreach (var line in ExportFile.Preamble("engagements", "staff", DateTime.UtcNow, ["sort: Newest"], 1, Classification.Confidential))
            {
                CsvWriter.WriteRecord(writer, ["# " + line]);
            }

            CsvWriter.WriteRecord(writer, EngagementCsv.Columns);
            CsvWriter.WriteRecord(writer, EngagementCsv.ToCells(exported, forCsv: true).Select(c => c.Text));
        }

        var report = await ImportAsync(Staff, file.ToString());

        Assert.True(report.Succeeded, string.Join("; ", report.Problems));
        await using var db = _database.CreateContext();
        var queries = new EngagementQueries(_database.Factory);
        var imported = await queries.StreamAsync(new EngagementFilter()).SingleAsync();
        Assert.Equal(exported with { Id = imported.Id }, imported, new RecordComparer());
    }

    [Fact]
    public async Task ImportsAFileOfTwentyThousandRows()
    {
        var rows = Enumerable.Range(0, 20_000).Select(i => GoodRow.Replace("Maritime staff talks", $"Talks {i}", StringComparison.Ordinal));

        var report = await ImportAsync(Staff, [Header, .. rows]);

        Assert.True(report.Succeeded);
        Assert.Equal(20_000L, await _database.ScalarAsync<long>("SELECT count(*) FROM engagements"));
        Assert.Equal(40_000L, await _database.ScalarAsync<long>("SELECT count(*) FROM engagement_participants"));
    }

    [Fact]
    public void OffersATemplateThatImportsAsItIs()
    {
        var lines = EngagementImport.Template().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(Header, lines[0]);
        Assert.Equal(2, lines.Length);
    }

    private async Task<ImportReport> ImportAsync(CurrentUser user, params string[] lines)
    {
        await using var file = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\r\n", lines)));
        return await new EngagementImport(_database.FactoryFor(user), TimeProvider.System).ImportAsync(file, "test.csv");
    }

    /// <summary>Records compare lists by content, not by reference.</summary>
    private sealed class RecordComparer : IEqualityComparer<EngagementRecord>
    {
        public bool Equals(EngagementRecord? x, EngagementRecord? y) =>
            x is not null && y is not null
            && x with { Participants = [], ReleasableToNations = [], ReleasableToAlliances = [] } == y with { Participants = [], ReleasableToNations = [], ReleasableToAlliances = [] }
            && x.Participants.SequenceEqual(y.Participants)
            && x.ReleasableToNations.SequenceEqual(y.ReleasableToNations)
            && x.ReleasableToAlliances.SequenceEqual(y.ReleasableToAlliances);

        public int GetHashCode(EngagementRecord obj) => obj.Id;
    }
}
