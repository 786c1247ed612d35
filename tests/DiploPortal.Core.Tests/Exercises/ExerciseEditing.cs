using DiploPortal.Core.Common;
using DiploPortal.Core.Exercises;
using DiploPortal.Core.Security;
using DiploPortal.TestSupport;

namespace DiploPortal.Core.Tests.Exercises;

/// <summary>Creating, changing and deleting exercises: rules by field, clearance, the participants' day copies, conflicts and deletes.</summary>
public class ExerciseEditing : IAsyncLifetime
{
    private static readonly CurrentUser Planner = new("planner", Classification.Secret, "USA", ["NATO", "FVEY"]);
    private static readonly CurrentUser RestrictedPlanner = new("planner-restricted", Classification.Restricted, "FRA", ["NATO"]);

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestPostgres.CreateWithReferenceDataAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task CreatesAnExerciseWithItsParticipantsAndAuditsIt()
    {
        var outcome = await EditorFor(Planner).CreateAsync(ValidForm());

        Assert.Equal(SaveStatus.Saved, outcome.Status);
        var saved = (await EditorFor(Planner).ReadAsync(outcome.Id!.Value))!;
        Assert.Equal("Northern Viking", saved.Name);
        Assert.Equal("NATO", saved.LeadAlliance);
        Assert.Equal(["NOR:Host:800", "USA:Participant:1200"], saved.Participants.Select(p => $"{p.Nation}:{p.Role}:{p.Personnel}"));
        Assert.Equal(1L, await _database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_entries WHERE entity_type = 'JointExercise' AND action = 'Created' AND actor = 'planner' AND entity_key = '{outcome.Id}'"));
    }

    [Fact]
    public async Task KeepsTheParticipantsCopyOfTheFirstDayWhenItChanges()
    {
        var id = (await EditorFor(Planner).CreateAsync(ValidForm())).Id!.Value;
        Assert.Equal(2L, await _database.ScalarAsync<long>($"SELECT count(*) FROM exercise_participants WHERE exercise_id = {id} AND starts_on = DATE '2025-03-03'"));

        // A new first day and a new participant in the same save.
        var form = (await EditorFor(Planner).ReadAsync(id))!;
        form.StartsOn = new DateOnly(2025, 4, 7);
        form.EndsOn = new DateOnly(2025, 4, 18);
        form.Participants.Add(new ExerciseParticipantForm { Nation = "DNK", Role = ExerciseRole.Observer });
        Assert.Equal(SaveStatus.Saved, (await EditorFor(Planner).UpdateAsync(id, form)).Status);

        Assert.Equal(3L, await _database.ScalarAsync<long>($"SELECT count(*) FROM exercise_participants WHERE exercise_id = {id} AND starts_on = DATE '2025-04-07'"));
        Assert.Equal(0L, await _database.ScalarAsync<long>($"SELECT count(*) FROM exercise_participants WHERE exercise_id = {id} AND starts_on <> DATE '2025-04-07'"));
    }

    [Fact]
    public async Task ReportsEveryBrokenRuleBesideItsFieldAndWritesNothing()
    {
        var form = ValidForm();
        form.Name = " ";
        form.EndsOn = new DateOnly(2025, 3, 1);
        form.LeadNation = "NOR";
        form.LeadAlliance = "NOPE";
        form.Participants = [new() { Nation = "NOR", Role = ExerciseRole.Participant }, new() { Nation = "ZZZ" }, new() { Nation = "USA", Role = ExerciseRole.Host, Ships = -1 }];
        form.ReleasableToNations = ["QQQ"];
        form.Kind = (ExerciseKind)99;

        var outcome = await EditorFor(Planner).CreateAsync(form);

        Assert.Equal(SaveStatus.Invalid, outcome.Status);
        Assert.Equal(["EndsOn", "Kind", "LeadAlliance", "Name", "Participants", "ReleasableToNations"], outcome.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("The last day comes before the first.", outcome.Errors["EndsOn"]);
        Assert.Contains("Name a lead nation or a lead alliance, not both.", outcome.Errors["LeadAlliance"]);
        Assert.Contains("There is no nation with the code ZZZ.", outcome.Errors["Participants"]);
        Assert.Contains("USA: forces cannot be below zero.", outcome.Errors["Participants"]);
        Assert.Contains("USA is not the host nation; only the host takes the role Host.", outcome.Errors["Participants"]);
        Assert.Contains("The host nation, NOR, takes part with the role Host: add it, or change its role.", outcome.Errors["Participants"]);
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM exercises"));
    }

    [Fact]
    public async Task WantsAHostAndAtLeastTwoNations()
    {
        var form = ValidForm();
        form.HostNation = null;
        form.Participants = [new() { Nation = "USA" }];
        form.StartsOn = null;

        var outcome = await EditorFor(Planner).CreateAsync(form);

        Assert.Equal(["Name the host nation."], outcome.Errors["HostNation"]);
        Assert.Equal(["Give the first day of the exercise."], outcome.Errors["StartsOn"]);
        Assert.Contains("A joint exercise has at least two nations taking part, the host included.", outcome.Errors["Participants"]);
    }

    [Fact]
    public async Task RefusesAMarkingAboveThePlannersClearanceWithAMessage()
    {
        var form = ValidForm();
        form.Classification = Classification.Secret;

        var outcome = await EditorFor(RestrictedPlanner).CreateAsync(form);

        Assert.Equal(["You are cleared to Restricted and cannot mark a record Secret."], outcome.Errors["Classification"]);
    }

    [Fact]
    public async Task ReportsAConflictWithTheOtherVersionInsteadOfOverwritingIt()
    {
        var id = (await EditorFor(Planner).CreateAsync(ValidForm())).Id!.Value;
        var mine = (await EditorFor(Planner).ReadAsync(id))!;
        var theirs = (await EditorFor(Planner).ReadAsync(id))!;
        theirs.Location = "Bergen";
        Assert.Equal(SaveStatus.Saved, (await EditorFor(Planner).UpdateAsync(id, theirs)).Status);

        mine.Scenario = "My scenario";
        var outcome = await EditorFor(Planner).UpdateAsync(id, mine);

        Assert.Equal(SaveStatus.Conflict, outcome.Status);
        Assert.Equal("Bergen", outcome.Current!.Location);
        Assert.Null((await EditorFor(Planner).ReadAsync(id))!.Scenario);
        mine.Version = outcome.Current.Version;
        Assert.Equal(SaveStatus.Saved, (await EditorFor(Planner).UpdateAsync(id, mine)).Status);
        Assert.Equal("My scenario", (await EditorFor(Planner).ReadAsync(id))!.Scenario);
    }

    [Fact]
    public async Task DeletesOnlyTheVersionThatWasSeenWithItsParticipants()
    {
        var id = (await EditorFor(Planner).CreateAsync(ValidForm())).Id!.Value;
        var seen = (await EditorFor(Planner).ReadAsync(id))!;
        var changed = (await EditorFor(Planner).ReadAsync(id))!;
        changed.Name = "Changed meanwhile";
        await EditorFor(Planner).UpdateAsync(id, changed);

        var stale = await EditorFor(Planner).DeleteAsync(id, seen.Version);
        Assert.Equal(SaveStatus.Conflict, stale.Status);
        Assert.Equal("Changed meanwhile", stale.Current!.Name);

        Assert.Equal(SaveStatus.Saved, (await EditorFor(Planner).DeleteAsync(id, stale.Current.Version)).Status);
        Assert.Null(await EditorFor(Planner).ReadAsync(id));
        Assert.Equal(0L, await _database.ScalarAsync<long>($"SELECT count(*) FROM exercise_participants WHERE exercise_id = {id}"));
    }

    [Fact]
    public async Task CannotReadChangeOrDeleteAnExerciseThePlannerMayNotSee()
    {
        var form = ValidForm();
        form.Classification = Classification.Secret;
        var id = (await EditorFor(Planner).CreateAsync(form)).Id!.Value;

        Assert.Null(await EditorFor(RestrictedPlanner).ReadAsync(id));
        Assert.Equal(SaveStatus.NotFound, (await EditorFor(RestrictedPlanner).UpdateAsync(id, ValidForm())).Status);
        Assert.Equal(SaveStatus.NotFound, (await EditorFor(RestrictedPlanner).DeleteAsync(id, 0)).Status);
    }

    private static ExerciseForm ValidForm() => new()
    {
        Name = " Northern Viking ",
        Kind = ExerciseKind.Naval,
        HostNation = "nor",
        Location = "Haakonsvern",
        StartsOn = new DateOnly(2025, 3, 3),
        EndsOn = new DateOnly(2025, 3, 14),
        LeadAlliance = "NATO",
        Objectives = "Anti-submarine warfare in the Norwegian Sea.",
        Participants =
        [
            new() { Nation = "NOR", Role = ExerciseRole.Host, Personnel = 800, Ships = 4 },
            new() { Nation = "usa", Role = ExerciseRole.Participant, Personnel = 1200, Aircraft = 6 },
        ],
        Classification = Classification.Restricted,
        ReleasableToAlliances = ["NATO"],
    };

    private ExerciseEditor EditorFor(CurrentUser user) => new(_database.FactoryFor(user));
}
