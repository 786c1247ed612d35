using DiploPortal.Core.Engagements;

namespace DiploPortal.Core.Tests.Engagements;

/// <summary>
/// Importing the same file twice, or an export, must not copy engagements: a file already imported is
/// recognised by its SHA-256, rows that match a visible engagement (by id, else by day, title and
/// nations) are shown and skipped or refuse the file, and engagements the importer may not see are
/// neither revealed nor touched.
/// </summary>
public class DuplicateImports : DuplicateImportFiles
{
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
            await Database.ScalarAsync<string>("SELECT sha256 FROM engagement_imports"));
    }

    [Fact]
    public async Task SkipsTheRowsAlreadyInThePortalAndImportsTheRest()
    {
        await ImportAsync(Staff, DuplicateRows.Skip, Header, Talks);

        var report = await ImportAsync(Staff, DuplicateRows.Skip, Header, Talks, Visit);

        Assert.True(report.Succeeded);
        Assert.Equal((1, 1), (report.Imported, report.Skipped));
        Assert.Equal(1L, await Database.ScalarAsync<long>("SELECT count(*) FROM engagements WHERE title = 'Maritime staff talks'"));
        Assert.Equal("Harbour visit", await Database.ScalarAsync<string>($"SELECT string_agg(title, ',') FROM engagements WHERE import_id = {report.ImportId}"));
    }

    [Fact]
    public async Task RefusesTheWholeFileWhenAskedAndNamesTheRowsAlreadyThere()
    {
        await ImportAsync(Staff, DuplicateRows.Skip, Header, Talks);
        var id = await Database.ScalarAsync<int>("SELECT id FROM engagements");

        var report = await ImportAsync(Staff, DuplicateRows.Refuse, Header, Visit, Talks);

        Assert.False(report.Succeeded);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(3, problem.Row);
        Assert.Contains($"engagement {id}", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(1L, await Database.ScalarAsync<long>("SELECT count(*) FROM engagements"));
        Assert.Equal(1L, await Database.ScalarAsync<long>("SELECT count(*) FROM engagement_imports"));
    }

    [Fact]
    public async Task MatchesAnExportedRowByItsIdAndSaysWhenItsDetailsDiffer()
    {
        await ImportAsync(Staff, DuplicateRows.Skip, Header, Talks);
        var id = await Database.ScalarAsync<int>("SELECT id FROM engagements");
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
        Assert.Equal("Restricted,Secret", await Database.ScalarAsync<string>("SELECT string_agg(classification, ',' ORDER BY classification) FROM engagements"));
    }
}
