using DiploPortal.Core.Attaches;
using DiploPortal.Core.Common;
using DiploPortal.Core.Security;
using DiploPortal.TestSupport;

namespace DiploPortal.Core.Tests.Attaches;

/// <summary>Creating, changing and deleting attachés and their reports: rules by field, clearance, conflicts and refusals.</summary>
public class AttacheEditing : IAsyncLifetime
{
    private static readonly CurrentUser Staff = new("staff", Classification.Secret, "GBR", ["NATO", "FVEY"]);
    private static readonly CurrentUser RestrictedStaff = new("staff-restricted", Classification.Restricted, "FRA", ["NATO"]);

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestPostgres.CreateWithReferenceDataAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task CreatesAnAttacheAndAuditsIt()
    {
        var outcome = await AttachesFor(Staff).CreateAsync(ValidAttache());

        Assert.Equal(SaveStatus.Saved, outcome.Status);
        var saved = (await AttachesFor(Staff).ReadAsync(outcome.Id!.Value))!;
        Assert.Equal("Colonel Jane Example", $"{saved.Rank} {saved.FullName}");
        Assert.Equal(("GBR", "FRA"), (saved.SendingNation, saved.HostNation));
        Assert.Equal(["NATO"], saved.ReleasableToAlliances);
        Assert.Equal(1L, await _database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_entries WHERE entity_type = 'MilitaryAttache' AND action = 'Created' AND actor = 'staff' AND entity_key = '{outcome.Id}'"));
    }

    [Fact]
    public async Task ReportsEveryBrokenAttacheRuleBesideItsFieldAndWritesNothing()
    {
        var form = ValidAttache();
        form.FullName = " ";
        form.Rank = new string('x', AttacheForm.RankMaxLength + 1);
        form.SendingNation = "ZZZ";
        form.HostNation = null;
        form.PostedFrom = null;
        form.ReleasableToNations = ["QQQ"];
        form.ReleasableToAlliances = ["NOPE"];
        form.Post = (AttachePost)42;

        var outcome = await AttachesFor(Staff).CreateAsync(form);

        Assert.Equal(SaveStatus.Invalid, outcome.Status);
        Assert.Equal(
            ["FullName", "HostNation", "Post", "PostedFrom", "Rank", "ReleasableToAlliances", "ReleasableToNations", "SendingNation"],
            outcome.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["There is no nation with the code ZZZ."], outcome.Errors["SendingNation"]);
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM attaches"));
    }

    [Fact]
    public async Task RefusesAPostingToTheSendingNationOrEndingBeforeItBegan()
    {
        var form = ValidAttache();
        form.HostNation = "gbr";
        form.PostedUntil = form.PostedFrom!.Value.AddDays(-1);

        var outcome = await AttachesFor(Staff).CreateAsync(form);

        Assert.Equal(["An attaché is posted to another nation than the one that sent them."], outcome.Errors["HostNation"]);
        Assert.Equal(["The posting cannot end before it began."], outcome.Errors["PostedUntil"]);
    }

    [Fact]
    public async Task RefusesAMarkingAboveTheUsersClearanceWithAMessage()
    {
        var form = ValidAttache();
        form.Classification = Classification.Secret;

        var outcome = await AttachesFor(RestrictedStaff).CreateAsync(form);

        Assert.Equal(SaveStatus.Invalid, outcome.Status);
        Assert.Contains("cleared to Restricted", outcome.Errors["Classification"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportsAConflictWithTheOtherVersionInsteadOfOverwritingIt()
    {
        var id = (await AttachesFor(Staff).CreateAsync(ValidAttache())).Id!.Value;
        var mine = (await AttachesFor(Staff).ReadAsync(id))!;
        var theirs = (await AttachesFor(Staff).ReadAsync(id))!;
        theirs.Rank = "Brigadier";
        Assert.Equal(SaveStatus.Saved, (await AttachesFor(Staff).UpdateAsync(id, theirs)).Status);

        mine.FullName = "Jane Q. Example";
        var outcome = await AttachesFor(Staff).UpdateAsync(id, mine);

        Assert.Equal(SaveStatus.Conflict, outcome.Status);
        Assert.Equal("Brigadier", outcome.Current!.Rank);
        Assert.Equal("Jane Example", (await AttachesFor(Staff).ReadAsync(id))!.FullName);
        mine.Version = outcome.Current.Version;
        Assert.Equal(SaveStatus.Saved, (await AttachesFor(Staff).UpdateAsync(id, mine)).Status);
        Assert.Equal("Jane Q. Example", (await AttachesFor(Staff).ReadAsync(id))!.FullName);
    }

    [Fact]
    public async Task RefusesToDeleteAnAttacheWhoFiledReportsAndSaysHowMany()
    {
        var id = (await AttachesFor(Staff).CreateAsync(ValidAttache())).Id!.Value;
        await ReportsFor(Staff).CreateAsync(ValidReport(id));
        await ReportsFor(Staff).CreateAsync(ValidReport(id));
        var version = (await AttachesFor(Staff).ReadAsync(id))!.Version;

        var outcome = await AttachesFor(Staff).DeleteAsync(id, version);

        Assert.Equal(SaveStatus.Invalid, outcome.Status);
        Assert.Equal(["This attaché is named by 2 reports, so they were not deleted. Delete the reports or take the attaché off those records first."], outcome.Errors[SaveOutcome.RecordField]);
        Assert.Equal(2L, await _database.ScalarAsync<long>($"SELECT count(*) FROM attache_reports WHERE attache_id = {id}"));
    }

    [Fact]
    public async Task RefusesToDeleteAnAttacheNamedByAReportTheUserMayNotSee()
    {
        var id = (await AttachesFor(Staff).CreateAsync(ValidAttache())).Id!.Value;
        var secret = ValidReport(id);
        secret.Classification = Classification.Secret;
        await ReportsFor(Staff).CreateAsync(secret);
        var version = (await AttachesFor(RestrictedStaff).ReadAsync(id))!.Version;

        var outcome = await AttachesFor(RestrictedStaff).DeleteAsync(id, version);

        Assert.Equal(SaveStatus.Invalid, outcome.Status);
        Assert.Equal(["Other records still refer to this one, so it was not deleted."], outcome.Errors[SaveOutcome.RecordField]);
        Assert.Equal(1L, await _database.ScalarAsync<long>($"SELECT count(*) FROM attache_reports WHERE attache_id = {id}"));
    }

    [Fact]
    public async Task DeletesAnAttacheWithoutRecordsOnlyAtTheVersionSeen()
    {
        var id = (await AttachesFor(Staff).CreateAsync(ValidAttache())).Id!.Value;
        var seen = (await AttachesFor(Staff).ReadAsync(id))!;
        var changed = (await AttachesFor(Staff).ReadAsync(id))!;
        changed.Rank = "Brigadier";
        await AttachesFor(Staff).UpdateAsync(id, changed);

        var stale = await AttachesFor(Staff).DeleteAsync(id, seen.Version);
        Assert.Equal(SaveStatus.Conflict, stale.Status);

        Assert.Equal(SaveStatus.Saved, (await AttachesFor(Staff).DeleteAsync(id, stale.Current!.Version)).Status);
        Assert.Null(await AttachesFor(Staff).ReadAsync(id));
    }

    [Fact]
    public async Task CreatesChangesAndDeletesAReport()
    {
        var attache = (await AttachesFor(Staff).CreateAsync(ValidAttache())).Id!.Value;
        var form = (await ReportsFor(Staff).NewFormAsync(attache))!;
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), form.FiledOn);
        form.Title = "Harbour works at Brest";
        form.Body = "New quays for the frigates.";
        var id = (await ReportsFor(Staff).CreateAsync(form)).Id!.Value;

        var saved = (await ReportsFor(Staff).ReadAsync(id))!;
        saved.Kind = AttacheReportKind.VisitReport;
        Assert.Equal(SaveStatus.Saved, (await ReportsFor(Staff).UpdateAsync(id, saved)).Status);
        var updated = (await ReportsFor(Staff).ReadAsync(id))!;
        Assert.Equal((AttacheReportKind.VisitReport, attache), (updated.Kind, updated.AttacheId));

        Assert.Equal(SaveStatus.Saved, (await ReportsFor(Staff).DeleteAsync(id, updated.Version)).Status);
        Assert.Null(await ReportsFor(Staff).ReadAsync(id));
    }

    [Fact]
    public async Task ReportsEveryBrokenReportRuleBesideItsField()
    {
        var attache = (await AttachesFor(Staff).CreateAsync(ValidAttache())).Id!.Value;
        var early = ValidReport(attache);
        early.FiledOn = new DateOnly(2023, 12, 31);
        early.Title = "";
        early.Body = new string('x', AttacheReportForm.BodyMaxLength + 1);
        var future = ValidReport(attache);
        future.FiledOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);

        var earlyOutcome = await ReportsFor(Staff).CreateAsync(early);
        var futureOutcome = await ReportsFor(Staff).CreateAsync(future);

        Assert.Equal(["Body", "FiledOn", "Title"], earlyOutcome.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["The attaché's posting began on 1 Jan 2024; a report cannot be filed before that."], earlyOutcome.Errors["FiledOn"]);
        Assert.Equal(["A report cannot be filed in the future."], futureOutcome.Errors["FiledOn"]);
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM attache_reports"));
    }

    [Fact]
    public async Task CannotFileAReportForAnAttacheTheUserMayNotSee()
    {
        var form = ValidAttache();
        form.Classification = Classification.Secret;
        var secret = (await AttachesFor(Staff).CreateAsync(form)).Id!.Value;

        Assert.Null(await ReportsFor(RestrictedStaff).NewFormAsync(secret));
        var outcome = await ReportsFor(RestrictedStaff).CreateAsync(ValidReport(secret));
        Assert.Equal(["There is no such attaché."], outcome.Errors["AttacheId"]);
        Assert.Null(await AttachesFor(RestrictedStaff).ReadAsync(secret));
        Assert.Equal(SaveStatus.NotFound, (await AttachesFor(RestrictedStaff).DeleteAsync(secret, 0)).Status);
    }

    private static AttacheForm ValidAttache() => new()
    {
        FullName = " Jane Example ",
        Rank = "Colonel",
        Service = MilitaryService.Army,
        Post = AttachePost.Defence,
        SendingNation = "gbr",
        HostNation = "FRA",
        PostedFrom = new DateOnly(2024, 1, 1),
        Classification = Classification.Restricted,
        ReleasableToAlliances = ["nato"],
    };

    private static AttacheReportForm ValidReport(int attacheId) => new()
    {
        AttacheId = attacheId,
        Kind = AttacheReportKind.Assessment,
        Title = "Coastal defence review",
        Body = "The new radars cover the Channel approaches.",
        FiledOn = new DateOnly(2024, 6, 1),
        Classification = Classification.Restricted,
    };

    private AttacheEditor AttachesFor(CurrentUser user) => new(_database.FactoryFor(user));

    private AttacheReportEditor ReportsFor(CurrentUser user) => new(_database.FactoryFor(user), TimeProvider.System);
}
