using DiploPortal.Core.Common;
using DiploPortal.Core.Exercises;
using DiploPortal.Core.Security;
using DiploPortal.TestSupport;

namespace DiploPortal.Core.Tests.Exercises.Deconfliction;

/// <summary>The editor's save path runs the check: hard conflicts block, warnings need a reason, an override is audited.</summary>
public class ConflictsOnSave : IAsyncLifetime
{
    private static readonly CurrentUser Planner = new("planner", Classification.Secret, "USA", ["NATO"]);

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestPostgres.CreateWithReferenceDataAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task RefusesToBookATrainingAreaAnOverlappingExerciseUses()
    {
        var area = await _database.TrainingAreaAsync("NOR", "Test Range");
        await _database.ExerciseAsync("Cold Response", new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 12), area, Classification.Unclassified, ("NOR", 100), ("USA", 100));
        var form = Form(area);
        form.OverrideReason = "Hard conflicts cannot be overridden.";

        var outcome = await Editor().CreateAsync(form);

        Assert.Equal(SaveStatus.Invalid, outcome.Status);
        Assert.Equal(
            ["Hard conflict: The training area is already booked by Cold Response from 2027-03-01 to 2027-03-12, on days of this exercise."],
            outcome.Errors[ExerciseForm.ConflictsField]);
        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT count(*) FROM exercises"));
    }

    [Fact]
    public async Task WantsAReasonForAWarningThenSavesAndAuditsTheOverride()
    {
        await _database.SetCapacityAsync("USA", 1000);
        var other = await _database.ExerciseAsync("Cobra Gold", new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 12), null, Classification.Unclassified, ("USA", 800), ("NOR", 10));
        var form = Form(area: null);

        var refused = await Editor().CreateAsync(form);

        Assert.Equal(SaveStatus.Invalid, refused.Status);
        Assert.Equal(
            ["Warning: USA is over an assumed capacity on 2027-03-10 (this exercise with Cobra Gold): 1,300 personnel committed, capacity 1,000."],
            refused.Errors[ExerciseForm.ConflictsField]);
        Assert.Equal(["Give a reason to save despite the warning; it is recorded in the audit trail."], refused.Errors[nameof(ExerciseForm.OverrideReason)]);

        form.OverrideReason = "  USA confirmed it can field both.  ";
        var saved = await Editor().CreateAsync(form);

        Assert.Equal(SaveStatus.Saved, saved.Status);
        Assert.Equal(1L, await _database.ScalarAsync<long>(
            $"SELECT count(*) FROM exercise_conflict_overrides WHERE exercise_id = {saved.Id} AND related_exercise_id = {other} AND kind = 'OverCapacity' " +
            "AND nation_codes = ARRAY['USA'] AND reason = 'USA confirmed it can field both.'"));
        Assert.Equal(1L, await _database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_entries WHERE entity_type = 'ExerciseConflictOverride' AND action = 'Created' AND actor = 'planner' " +
            "AND after->>'Reason' = 'USA confirmed it can field both.'"));
    }

    [Fact]
    public async Task RefusesANulOrAnOverlongReason()
    {
        var form = Form(area: null);
        form.OverrideReason = "because\0";

        var nul = await Editor().CreateAsync(form);
        form.OverrideReason = new string('x', 1001);
        var overlong = await Editor().CreateAsync(form);

        Assert.Contains(nameof(ExerciseForm.OverrideReason), nul.Errors.Keys);
        Assert.Contains(nameof(ExerciseForm.OverrideReason), overlong.Errors.Keys);
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM exercises"));
    }

    private static ExerciseForm Form(int? area) => new()
    {
        Name = "Northern Anvil",
        Kind = ExerciseKind.Field,
        HostNation = "NOR",
        StartsOn = new DateOnly(2027, 3, 10),
        EndsOn = new DateOnly(2027, 3, 20),
        TrainingAreaId = area,
        Participants =
        [
            new() { Nation = "NOR", Role = ExerciseRole.Host, Personnel = 200 },
            new() { Nation = "USA", Personnel = 500 },
        ],
    };

    private ExerciseEditor Editor() => new(_database.FactoryFor(Planner));
}
