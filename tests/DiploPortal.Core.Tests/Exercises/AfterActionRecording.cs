using DiploPortal.Core.Common;
using DiploPortal.Core.Exercises;
using DiploPortal.Core.Search;
using DiploPortal.Core.Security;
using DiploPortal.TestSupport;

namespace DiploPortal.Core.Tests.Exercises;

/// <summary>
/// Observations, lessons and recommendations against a real database: recorded, changed and deleted with their
/// audit entries, a stale edit reported, and an observation as classified as its exercise in every place it shows.
/// </summary>
public class AfterActionRecording : IAsyncLifetime
{
    private static readonly CurrentUser Planner = new("planner", Classification.Secret, "USA", ["NATO", "FVEY"]);
    private static readonly CurrentUser RestrictedPlanner = new("planner-restricted", Classification.Restricted, "FRA", ["NATO"]);

    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateWithReferenceDataAsync();
        await _database.ExecuteAsync("""
            INSERT INTO exercises (name, series_name, kind, status, host_nation_id, starts_on, ends_on, classification, is_demo)
            SELECT t.name, 'Cold Response', 'Field', t.status, (SELECT id FROM nations WHERE code = 'NOR'), t.day, t.day + 10, t.marking, false
            FROM (VALUES
              ('Cold Response 2023', 'Completed', DATE '2023-03-01', 'Restricted'),
              ('Cold Response 2024', 'Completed', DATE '2024-03-01', 'Secret'),
              ('Cold Response 2090', 'Approved', DATE '2090-03-01', 'Restricted')) AS t(name, status, day, marking);
            """);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task RecordsChangesAndDeletesAnObservationAndAuditsEachStep()
    {
        var exercise = await IdOfAsync("Cold Response 2023");
        var editor = EditorFor(Planner);

        var created = await editor.CreateAsync(Form(exercise, "Snow ploughs blocked the ferry ramp"));
        Assert.Equal(SaveStatus.Saved, created.Status);
        var id = created.Id!.Value;
        var item = Assert.Single(await LessonsFor(Planner).ForExerciseAsync(exercise));
        Assert.Equal(("Snow ploughs blocked the ferry ramp", "Keep ramps clear", "Bring a second plough", "planner"), (item.Observation, item.Lesson, item.Recommendation, item.RecordedBy));

        var form = (await editor.ReadAsync(id))!;
        form.Recommendation = "  ";
        Assert.Equal(SaveStatus.Saved, (await editor.UpdateAsync(id, form)).Status);
        Assert.Null((await editor.ReadAsync(id))!.Recommendation);

        var current = (await editor.ReadAsync(id))!;
        Assert.Equal(SaveStatus.Saved, (await editor.DeleteAsync(id, current.Version)).Status);
        Assert.Empty(await LessonsFor(Planner).ForExerciseAsync(exercise));
        Assert.Equal(3L, await _database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_entries WHERE entity_type = 'ExerciseObservation' AND entity_key = '{id}' AND actor = 'planner' AND action IN ('Created', 'Updated', 'Deleted')"));
    }

    [Fact]
    public async Task ReportsAStaleEditAndAStaleDeleteAsConflicts()
    {
        var exercise = await IdOfAsync("Cold Response 2023");
        var id = (await EditorFor(Planner).CreateAsync(Form(exercise, "Radios failed in the cold"))).Id!.Value;
        var mine = (await EditorFor(Planner).ReadAsync(id))!;
        var theirs = (await EditorFor(Planner).ReadAsync(id))!;
        theirs.Lesson = "Test radios at minus thirty";
        Assert.Equal(SaveStatus.Saved, (await EditorFor(Planner).UpdateAsync(id, theirs)).Status);

        mine.Lesson = "My lesson";
        var stale = await EditorFor(Planner).UpdateAsync(id, mine);
        var staleDelete = await EditorFor(Planner).DeleteAsync(id, mine.Version);

        Assert.Equal(SaveStatus.Conflict, stale.Status);
        Assert.Equal("Test radios at minus thirty", stale.Current!.Lesson);
        Assert.Equal(SaveStatus.Conflict, staleDelete.Status);
        Assert.Equal("Test radios at minus thirty", (await EditorFor(Planner).ReadAsync(id))!.Lesson);
    }

    [Fact]
    public async Task RefusesAnObservationBeforeTheExerciseHasRun()
    {
        var outcome = await EditorFor(Planner).CreateAsync(Form(await IdOfAsync("Cold Response 2090"), "Too early"));

        Assert.Equal(SaveStatus.Invalid, outcome.Status);
        Assert.Equal(["Observations are recorded once the exercise has started."], outcome.Errors[SaveOutcome.RecordField]);
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM exercise_observations"));
    }

    [Fact]
    public async Task TheDatabaseRefusesTextBeyondItsBound()
    {
        var exercise = await IdOfAsync("Cold Response 2023");

        var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => _database.ExecuteAsync(
            $"INSERT INTO exercise_observations (exercise_id, observation, recommendation, recorded_on) VALUES ({exercise}, 'x', repeat('r', {ObservationForm.TextMaxLength + 1}), DATE '2023-03-20')"));

        Assert.Equal("ck_exercise_observations_lengths", refused.ConstraintName);
    }

    [Fact]
    public async Task HidesTheObservationsOfASecretExerciseFromARestrictedPlannerEverywhere()
    {
        var secret = await IdOfAsync("Cold Response 2024");
        var open = await IdOfAsync("Cold Response 2023");
        var hidden = (await EditorFor(Planner).CreateAsync(Form(secret, "Submarine surfaced inside the fjord"))).Id!.Value;
        Assert.Equal(SaveStatus.Saved, (await EditorFor(Planner).CreateAsync(Form(open, "Fjord crossings took longer than planned"))).Status);

        // The section, the editor, the lessons page and the search box.
        Assert.Empty(await LessonsFor(RestrictedPlanner).ForExerciseAsync(secret));
        Assert.Null(await EditorFor(RestrictedPlanner).ReadAsync(hidden));
        Assert.Equal(SaveStatus.NotFound, (await EditorFor(RestrictedPlanner).UpdateAsync(hidden, Form(secret, "Overwritten"))).Status);
        Assert.Equal(SaveStatus.NotFound, (await EditorFor(RestrictedPlanner).DeleteAsync(hidden, 0)).Status);
        Assert.Equal(["The exercise does not exist, or you may not see it."],
            (await EditorFor(RestrictedPlanner).CreateAsync(Form(secret, "Added blind"))).Errors[SaveOutcome.RecordField]);
        var lessons = await LessonsFor(RestrictedPlanner).ListAsync(new LessonFilter("Cold Response", "fjord"));
        Assert.Equal(["Cold Response 2023"], lessons.Exercises.Select(e => e.Name));
        var found = await new SearchQueries(_database.FactoryFor(RestrictedPlanner)).SearchAsync("fjord", SearchKind.Observation, 20);
        Assert.Equal(1, found.CountOf(SearchKind.Observation).Count);
        Assert.Equal(open.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(found.Hits).ParentKey);

        // A planner cleared to Secret sees both, newest edition first.
        Assert.Equal(["Cold Response 2024", "Cold Response 2023"], (await LessonsFor(Planner).ListAsync(new LessonFilter("Cold Response", "fjord"))).Exercises.Select(e => e.Name));
        Assert.Equal(2, (await new SearchQueries(_database.FactoryFor(Planner)).SearchAsync("fjord", SearchKind.Observation, 20)).CountOf(SearchKind.Observation).Count);
    }

    [Fact]
    public async Task FindsLessonsAndRecommendationsFromTheSearchBox()
    {
        var exercise = await IdOfAsync("Cold Response 2023");
        var id = (await EditorFor(Planner).CreateAsync(Form(exercise, "Fuel ran short", "Pre-position bladders", "Contract a second tanker"))).Id!.Value;

        var byLesson = await new SearchQueries(_database.FactoryFor(Planner)).SearchAsync("bladders", null, 20);
        var byRecommendation = await new SearchQueries(_database.FactoryFor(Planner)).SearchAsync("tanker", null, 20);

        var hit = Assert.Single(byLesson.Hits);
        Assert.Equal((SearchKind.Observation, id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (hit.Kind, hit.Key));
        Assert.Equal("Cold Response 2023: Fuel ran short", SearchHighlight.Plain(hit.Title));
        Assert.Contains("Recommendation: Contract a second tanker", SearchHighlight.Plain(hit.Snippet), StringComparison.Ordinal);
        Assert.Equal(Classification.Restricted, hit.Classification);
        Assert.Equal(SearchKind.Observation, Assert.Single(byRecommendation.Hits).Kind);
    }

    [Fact]
    public async Task ListsTheSeriesNamesThePlannerMaySee()
    {
        await _database.ExecuteAsync("""
            INSERT INTO exercises (name, series_name, kind, status, host_nation_id, starts_on, ends_on, classification, is_demo)
            VALUES ('Hidden Trident', 'Trident', 'Naval', 'Completed', (SELECT id FROM nations WHERE code = 'NOR'), DATE '2024-01-01', DATE '2024-01-05', 'Secret', false);
            """);

        Assert.Equal(["Cold Response"], await LessonsFor(RestrictedPlanner).SeriesAsync());
        Assert.Equal(["Cold Response", "Trident"], await LessonsFor(Planner).SeriesAsync());
    }

    private static ObservationForm Form(int exerciseId, string observation, string? lesson = "Keep ramps clear", string? recommendation = "Bring a second plough") => new()
    {
        ExerciseId = exerciseId,
        Observation = observation,
        Lesson = lesson,
        Recommendation = recommendation,
        RecordedOn = new DateOnly(2024, 3, 20),
    };

    private async Task<int> IdOfAsync(string name) => await _database.ScalarAsync<int>($"SELECT id FROM exercises WHERE name = '{name}'");

    private ObservationEditor EditorFor(CurrentUser user) => new(_database.FactoryFor(user), TimeProvider.System);

    private LessonQueries LessonsFor(CurrentUser user) => new(_database.FactoryFor(user));
}
