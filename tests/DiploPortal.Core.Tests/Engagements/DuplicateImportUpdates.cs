using DiploPortal.Core.Audit;
using DiploPortal.Core.Common;
using DiploPortal.Core.Engagements;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Tests.Engagements;

/// <summary>
/// The import's "update the changed ones" choice: a row matching an engagement with different details
/// updates it as an edit by hand would (audited as Updated, in the import's transaction), and is refused,
/// with nothing written, when it would downgrade the marking or the engagement changed since the preview;
/// an engagement the importer may not see is never touched.
/// </summary>
public class DuplicateImportUpdates : DuplicateImportFiles
{
    [Fact]
    public async Task UpdatesTheChangedRowsWithTheFilesValuesAndAuditsEachAsUpdatedByTheImport()
    {
        await ImportAsync(Staff, new ImportOptions(DuplicateRows.Skip), Header, Talks);
        var id = await Database.ScalarAsync<int>("SELECT id FROM engagements");
        var changed = Talks.Replace(",Search and rescue,", ",Search and rescue in the Channel,", StringComparison.Ordinal);

        var preview = await PreviewAsync(Staff, Header, changed, Visit);
        var report = await ImportAsync(Staff, new ImportOptions(DuplicateRows.Update, preview.Versions), Header, changed, Visit);

        var change = Assert.Single(Assert.Single(preview.Matches).Changes);
        Assert.Equal(new FieldChange(EngagementCsv.Summary, "Search and rescue", "Search and rescue in the Channel"), change);
        Assert.True(report.Succeeded, string.Join("; ", report.Problems));
        Assert.Equal((1, 1, 0), (report.Imported, report.Updated, report.Skipped));
        Assert.Equal("Search and rescue in the Channel", await Database.ScalarAsync<string>($"SELECT summary FROM engagements WHERE id = {id}"));
        await using var db = Database.CreateContext();
        var updated = await db.AuditEntries.IgnoreQueryFilters()
            .SingleAsync(a => a.Action == AuditAction.Updated && a.EntityType == nameof(Engagement) && a.EntityKey == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("staff", updated.Actor);
        using var changes = System.Text.Json.JsonDocument.Parse(updated.After!);
        Assert.Equal("Search and rescue in the Channel", changes.RootElement.GetProperty(nameof(Engagement.Summary)).GetString());
        Assert.Equal(report.ImportId, changes.RootElement.GetProperty("FromImport").GetInt32());
        var imported = await db.AuditEntries.IgnoreQueryFilters().Where(a => a.Action == AuditAction.Imported).OrderByDescending(a => a.Id).FirstAsync();
        using var details = System.Text.Json.JsonDocument.Parse(imported.After!);
        Assert.Equal(1, details.RootElement.GetProperty("updated").GetInt32());
        Assert.Equal(id, Assert.Single(details.RootElement.GetProperty("updatedIds").EnumerateArray()).GetInt32());
    }

    [Fact]
    public async Task RefusesARowThatWouldDowngradeTheMarkingAndWritesNothing()
    {
        var secret = Talks.Replace(",Restricted,", ",Secret,", StringComparison.Ordinal);
        await ImportAsync(Staff, new ImportOptions(DuplicateRows.Skip), Header, secret);
        var lowered = Talks.Replace(",Search and rescue,", ",Lowered,", StringComparison.Ordinal);

        var preview = await PreviewAsync(Staff, Header, Visit, lowered);
        var report = await ImportAsync(Staff, new ImportOptions(DuplicateRows.Update, preview.Versions), Header, Visit, lowered);

        Assert.False(report.Succeeded);
        var problem = Assert.Single(report.Problems);
        Assert.Equal((3, EngagementCsv.Classification), (problem.Row, problem.Column));
        Assert.Contains("lowers the classification from Secret to Restricted", problem.Reason, StringComparison.Ordinal);
        Assert.Equal("Secret|Search and rescue", await Database.ScalarAsync<string>("SELECT classification || '|' || summary FROM engagements WHERE title = 'Maritime staff talks'"));
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT count(*) FROM engagements WHERE title = 'Harbour visit'"));
        Assert.Equal(1L, await Database.ScalarAsync<long>("SELECT count(*) FROM engagement_imports"));
    }

    [Fact]
    public async Task RefusesARecordChangedBySomeoneElseSinceThePreview()
    {
        await ImportAsync(Staff, new ImportOptions(DuplicateRows.Skip), Header, Talks);
        var id = await Database.ScalarAsync<int>("SELECT id FROM engagements");
        var changed = Talks.Replace(",Search and rescue,", ",From the file,", StringComparison.Ordinal);
        var preview = await PreviewAsync(Staff, Header, changed);

        var editor = new EngagementEditor(Database.FactoryFor(Staff), TimeProvider.System);
        var form = (await editor.ReadAsync(id))!;
        form.Summary = "Edited by hand";
        Assert.Equal(SaveStatus.Saved, (await editor.UpdateAsync(id, form)).Status);
        var report = await ImportAsync(Staff, new ImportOptions(DuplicateRows.Update, preview.Versions), Header, changed);

        Assert.False(report.Succeeded);
        Assert.Contains("changed by someone else since the preview", Assert.Single(report.Problems).Reason, StringComparison.Ordinal);
        Assert.Equal("Edited by hand", await Database.ScalarAsync<string>($"SELECT summary FROM engagements WHERE id = {id}"));
    }

    [Fact]
    public async Task NeverTouchesAnEngagementTheImporterMayNotSee()
    {
        var secret = Talks.Replace(",Restricted,", ",Secret,", StringComparison.Ordinal);
        await ImportAsync(Staff, new ImportOptions(DuplicateRows.Skip), Header, secret);
        var id = await Database.ScalarAsync<int>("SELECT id FROM engagements");
        var changed = Talks.Replace(",Search and rescue,", ",Rewritten,", StringComparison.Ordinal);

        var preview = await PreviewAsync(RestrictedStaff, "id," + Header, $"{id}," + changed);
        var report = await ImportAsync(RestrictedStaff, new ImportOptions(DuplicateRows.Update, preview.Versions), "id," + Header, $"{id}," + changed);

        Assert.Equal((1, 0, 0), (preview.New, preview.Same, preview.Changed));
        Assert.True(report.Succeeded, string.Join("; ", report.Problems));
        Assert.Equal((1, 0), (report.Imported, report.Updated));
        Assert.Equal("Secret|Search and rescue", await Database.ScalarAsync<string>($"SELECT classification || '|' || summary FROM engagements WHERE id = {id}"));
    }
}
