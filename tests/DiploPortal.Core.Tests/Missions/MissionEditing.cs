using DiploPortal.Core.Common;
using DiploPortal.Core.Missions;
using DiploPortal.Core.Security;
using DiploPortal.TestSupport;

namespace DiploPortal.Core.Tests.Missions;

/// <summary>Creating, changing and deleting missions: rules by field, clearance, the contributions' day copies, conflicts and deletes.</summary>
public class MissionEditing : IAsyncLifetime
{
    private static readonly CurrentUser Staff = new("staff", Classification.Secret, "GBR", ["NATO", "FVEY"]);
    private static readonly CurrentUser RestrictedStaff = new("staff-restricted", Classification.Restricted, "FRA", ["NATO"]);

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestPostgres.CreateWithReferenceDataAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task CreatesAMissionWithItsContributionsAndAuditsIt()
    {
        var outcome = await EditorFor(Staff).CreateAsync(ValidForm());

        Assert.Equal(SaveStatus.Saved, outcome.Status);
        var saved = (await EditorFor(Staff).ReadAsync(outcome.Id!.Value))!;
        Assert.Equal("Operation Open Door", saved.Name);
        Assert.Null(saved.EndsOn);
        Assert.Equal(["GBR:120:35.5", "JPN:40:0"], saved.Contributions.Select(c => FormattableString.Invariant($"{c.Nation}:{c.Personnel}:{c.SuppliesTonnes:0.##}")));
        Assert.Equal(1L, await _database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_entries WHERE entity_type = 'HumanitarianMission' AND action = 'Created' AND actor = 'staff' AND entity_key = '{outcome.Id}'"));
    }

    [Fact]
    public async Task KeepsTheContributionsCopyOfTheFirstDayWhenItChanges()
    {
        var id = (await EditorFor(Staff).CreateAsync(ValidForm())).Id!.Value;
        var form = (await EditorFor(Staff).ReadAsync(id))!;
        form.StartsOn = new DateOnly(2023, 2, 10);
        form.EndsOn = new DateOnly(2023, 5, 1);
        form.Contributions.RemoveAll(c => c.Nation == "JPN");
        form.Contributions.Add(new MissionContributionForm { Nation = "AZE", Personnel = 30 });

        Assert.Equal(SaveStatus.Saved, (await EditorFor(Staff).UpdateAsync(id, form)).Status);

        Assert.Equal("AZE,GBR", await _database.ScalarAsync<string>(
            $"SELECT string_agg(n.code, ',' ORDER BY n.code) FROM mission_contributions c JOIN nations n ON n.id = c.nation_id WHERE c.mission_id = {id} AND c.starts_on = DATE '2023-02-10'"));
        Assert.Equal(0L, await _database.ScalarAsync<long>($"SELECT count(*) FROM mission_contributions WHERE mission_id = {id} AND starts_on <> DATE '2023-02-10'"));
    }

    [Fact]
    public async Task ReportsEveryBrokenRuleBesideItsFieldAndWritesNothing()
    {
        var form = ValidForm();
        form.Name = "";
        form.AffectedNation = "ZZZ";
        form.EndsOn = new DateOnly(2023, 1, 1);
        form.PeopleAssisted = -5;
        form.Contributions = [new() { Nation = "GBR", Ships = -1 }, new() { Nation = "GBR" }, new() { Nation = "" }];
        form.ReleasableToAlliances = ["NOPE"];
        form.Crisis = (CrisisKind)42;

        var outcome = await EditorFor(Staff).CreateAsync(form);

        Assert.Equal(SaveStatus.Invalid, outcome.Status);
        Assert.Equal(["AffectedNation", "Contributions", "Crisis", "EndsOn", "Name", "PeopleAssisted", "ReleasableToAlliances"], outcome.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["People assisted cannot be below zero."], outcome.Errors["PeopleAssisted"]);
        Assert.Contains("GBR is named twice.", outcome.Errors["Contributions"]);
        Assert.Contains("GBR: amounts cannot be below zero.", outcome.Errors["Contributions"]);
        Assert.Contains("Choose a nation on every contribution line, or remove the line.", outcome.Errors["Contributions"]);
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM missions"));
    }

    [Fact]
    public async Task RefusesAMarkingAboveTheUsersClearanceWithAMessage()
    {
        var form = ValidForm();
        form.Classification = Classification.Confidential;

        var outcome = await EditorFor(RestrictedStaff).CreateAsync(form);

        Assert.Equal(["You are cleared to Restricted and cannot mark a record Confidential."], outcome.Errors["Classification"]);
    }

    [Fact]
    public async Task ReportsAConflictWithTheOtherVersionInsteadOfOverwritingIt()
    {
        var id = (await EditorFor(Staff).CreateAsync(ValidForm())).Id!.Value;
        var mine = (await EditorFor(Staff).ReadAsync(id))!;
        var theirs = (await EditorFor(Staff).ReadAsync(id))!;
        theirs.PeopleAssisted = 90_000;
        Assert.Equal(SaveStatus.Saved, (await EditorFor(Staff).UpdateAsync(id, theirs)).Status);

        mine.Summary = "My summary";
        var outcome = await EditorFor(Staff).UpdateAsync(id, mine);

        Assert.Equal(SaveStatus.Conflict, outcome.Status);
        Assert.Equal(90_000, outcome.Current!.PeopleAssisted);
        Assert.NotEqual("My summary", (await EditorFor(Staff).ReadAsync(id))!.Summary);
    }

    [Fact]
    public async Task DeletesOnlyTheVersionThatWasSeen()
    {
        var id = (await EditorFor(Staff).CreateAsync(ValidForm())).Id!.Value;
        var seen = (await EditorFor(Staff).ReadAsync(id))!;
        var changed = (await EditorFor(Staff).ReadAsync(id))!;
        changed.Name = "Changed meanwhile";
        await EditorFor(Staff).UpdateAsync(id, changed);

        var stale = await EditorFor(Staff).DeleteAsync(id, seen.Version);
        Assert.Equal(SaveStatus.Conflict, stale.Status);

        Assert.Equal(SaveStatus.Saved, (await EditorFor(Staff).DeleteAsync(id, stale.Current!.Version)).Status);
        Assert.Null(await EditorFor(Staff).ReadAsync(id));
        Assert.Equal(0L, await _database.ScalarAsync<long>($"SELECT count(*) FROM mission_contributions WHERE mission_id = {id}"));
    }

    [Fact]
    public async Task CannotReadChangeOrDeleteAMissionTheUserMayNotSee()
    {
        var form = ValidForm();
        form.Classification = Classification.Secret;
        var id = (await EditorFor(Staff).CreateAsync(form)).Id!.Value;

        Assert.Null(await EditorFor(RestrictedStaff).ReadAsync(id));
        Assert.Equal(SaveStatus.NotFound, (await EditorFor(RestrictedStaff).UpdateAsync(id, ValidForm())).Status);
        Assert.Equal(SaveStatus.NotFound, (await EditorFor(RestrictedStaff).DeleteAsync(id, 0)).Status);
    }

    private static MissionForm ValidForm() => new()
    {
        Name = "Operation Open Door",
        Kind = MissionKind.DisasterRelief,
        Crisis = CrisisKind.Earthquake,
        AffectedNation = "TUR",
        StartsOn = new DateOnly(2023, 2, 7),
        PeopleAssisted = 12_000,
        Summary = "Search and rescue teams and field hospitals after the earthquake.",
        Contributions =
        [
            new() { Nation = "GBR", Personnel = 120, Aircraft = 2, MedicalTeams = 3, SuppliesTonnes = 35.5m },
            new() { Nation = "jpn", Personnel = 40 },
        ],
        Classification = Classification.Restricted,
    };

    private MissionEditor EditorFor(CurrentUser user) => new(_database.FactoryFor(user));
}
