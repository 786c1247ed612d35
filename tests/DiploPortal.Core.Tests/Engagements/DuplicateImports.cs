using System.Text;
using DiploPortal.Core.Common;
using DiploPortal.Core.Engagements;
using DiploPortal.Core.Security;
using DiploPortal.TestSupport;

namespace DiploPortal.Core.Tests.Engagements;

/// <summary>
/// Importing the same file twice, or an export, must not copy engagements: a file already imported is
/// recognised by its SHA-256, rows that match a visible engagement (by id, else by day, title and
/// nations) are shown and skipped or refuse the file, and engagements the importer may not see are
/// neither revealed nor touched.
/// </summary>
public class DuplicateImports : IAsyncLifetime
{
    private static readonly CurrentUser Staff = new("staff", Classification.Secret, "GBR", ["NATO", "FVEY"]);
    private static readonly CurrentUser RestrictedStaff = new("staff-restricted", Classification.Restricted, "FRA", ["NATO"]);

    private const string Header = "title,kind,channel,occurred_on,host_nation,location,participants,outcome,outcome_notes,summary,classification,releasable_to_nations,releasable_to_alliances";
    private const string Talks = "Maritime staff talks,StaffTalks,FaceToFace,2025-03-04,FRA,Brest,GBR;FRA,Positive,Agreed an exercise,Search and rescue,Restricted,,NATO";
    private const string Visit = "Harbour visit,PortVisit,FaceToFace,2025-04-01,FRA,Toulon,FRA,Positive,,Frigate visit,Restricted,,NATO";

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestPostgres.CreateWithReferenceDataAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task RecognisesAFileAlreadyImportedByTheHashOfItsBytes()
    {
        var first = await ImportAsync(Staff, DuplicateRows.Skip, Header, Talks);

        var preview = await PreviewAsync(Staff, Header, Talks);

        var previous = Assert.IsType<PreviousImport>(preview.AlreadyImported);
        Assert.Equal(first.ImportId, previous.Id);
        Assert.Equal("staff", previous.ImportedBy);
        Assert.Equal(1, previous.Rows);
        Assert.Equal((0, 1, 0), (preview.New, preview.Same, preview.Changed));
        Assert.Null((await PreviewAsync(Staff, Header, Visit)).AlreadyImported);
        Assert.Equal(
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Bytes(Header, Talks))),
            await _database.ScalarAsync<string>("SELECT sha256 FROM engagement_imports"));
    }

    [Fact]
    public async Task SkipsTheRowsAlreadyInThePortalAndImportsTheRest()
    {
        await ImportAsync(Staff, DuplicateRows.Skip, Header, Talks);

        var report = await ImportAsync(Staff, DuplicateRows.Skip, Header, Talks, Visit);

        Assert.True(report.Succeeded);
        Assert.Equal((1, 1), (report.Imported, report.Skipped));
        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT count(*) FROM engagements WHERE title = 'Maritime staff talks'"));
        Assert.Equal("Harbour visit", await _database.ScalarAsync<string>($"SELECT string_agg(title, ',') FROM engagements WHERE import_id = {report.ImportId}"));
    }

    [Fact]
    public async Task RefusesTheWholeFileWhenAskedAndNamesTheRowsAlreadyThere()
    {
        await ImportAsync(Staff, DuplicateRows.Skip, Header, Talks);
        var id = await _database.ScalarAsync<int>("SELECT id FROM engagements");

        var report = await ImportAsync(Staff, DuplicateRows.Refuse, Header, Visit, Talks);

        Assert.False(report.Succeeded);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(3, problem.Row);
        Assert.Contains($"engagement {id}", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT count(*) FROM engagements"));
        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT count(*) FROM engagement_imports"));
    }

    [Fact]
    public async Task MatchesAnExportedRowByItsIdAndSaysWhenItsDetailsDiffer()
    {
        await ImportAsync(Staff, DuplicateRows.Skip, Header, Talks);
        var id = await _database.ScalarAsync<int>("SELECT id FROM engagements");
        var renamed = Talks.Replace("Maritime staff talks", "Maritime staff talks renamed", StringComparison.Ordinal);

        var preview = await PreviewAsync(Staff, "id," + Header, $"{id}," + renamed, "," + Visit);

        Assert.Equal((1, 0, 1), (preview.New, preview.Same, preview.Changed));
        var match = Assert.Single(preview.Matches);
        Assert.Equal((2, id, RowMatch.Changed), (match.Row, match.ExistingId, match.Match));
    }

    [Fact]
    public async Task NeitherRevealsNorTouchesAnEngagementTheImporterMayNotSee()
    {
        var secret = Talks.Replace(",Restricted,", ",Secret,", StringComparison.Ordinal);
        await ImportAsync(Staff, DuplicateRows.Skip, Header, secret);

        var sameFile = await PreviewAsync(RestrictedStaff, Header, secret);
        var lookalike = await PreviewAsync(RestrictedStaff, Header, Talks);
        var report = await ImportAsync(RestrictedStaff, DuplicateRows.Refuse, Header, Talks);

        Assert.Null(Assert.IsType<PreviousImport>(sameFile.AlreadyImported).ImportedBy);
        Assert.Empty(sameFile.Matches);
        Assert.Equal((1, 0, 0), (lookalike.New, lookalike.Same, lookalike.Changed));
        Assert.Empty(lookalike.Matches);
        Assert.True(report.Succeeded);
        Assert.Equal("Restricted,Secret", await _database.ScalarAsync<string>("SELECT string_agg(classification, ',' ORDER BY classification) FROM engagements"));
    }

    private static byte[] Bytes(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines));

    private async Task<ImportReport> ImportAsync(CurrentUser user, DuplicateRows duplicates, params string[] lines)
    {
        await using var file = new MemoryStream(Bytes(lines));
        return await new EngagementImport(_database.FactoryFor(user), TimeProvider.System).ImportAsync(file, "test.csv", duplicates);
    }

    private async Task<ImportPreview> PreviewAsync(CurrentUser user, params string[] lines)
    {
        await using var file = new MemoryStream(Bytes(lines));
        return await new EngagementImport(_database.FactoryFor(user), TimeProvider.System).PreviewAsync(file);
    }
}
