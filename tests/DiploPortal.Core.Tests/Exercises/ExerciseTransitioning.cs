using DiploPortal.Core.Common;
using DiploPortal.Core.Exercises;
using DiploPortal.Core.Security;
using DiploPortal.TestSupport;

namespace DiploPortal.Core.Tests.Exercises;

/// <summary>Moving exercises through their life cycle in the database: allowed and refused steps, stale versions, history, audit, visibility.</summary>
public class ExerciseTransitioning : IAsyncLifetime
{
    private static readonly CurrentUser Planner = new("planner", Classification.Secret, "USA", ["NATO", "FVEY"]);
    private static readonly CurrentUser RestrictedPlanner = new("planner-restricted", Classification.Restricted, "FRA", ["NATO"]);
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 9, 30, 0, TimeSpan.Zero);

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestPostgres.CreateWithReferenceDataAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task StartsANewExerciseProposedAndTakesItThroughPlanningToApproved()
    {
        var id = await CreateAsync(Classification.Restricted);
        var view = (await TransitionsFor(Planner).ReadAsync(id))!;
        Assert.Equal(ExerciseStatus.Proposed, view.Status);
        Assert.Equal(["Start planning", "Cancel…"], view.Actions.Select(a => a.Label));

        var planning = await TransitionsFor(Planner).TransitionAsync(id, ExerciseStatus.Planning, view.Version);
        Assert.Equal(SaveStatus.Saved, planning.Status);
        view = (await TransitionsFor(Planner).ReadAsync(id))!;
        Assert.Equal(SaveStatus.Saved, (await TransitionsFor(Planner).TransitionAsync(id, ExerciseStatus.Approved, view.Version, "Funding agreed")).Status);

        view = (await TransitionsFor(Planner).ReadAsync(id))!;
        Assert.Equal(ExerciseStatus.Approved, view.Status);
        Assert.Equal(new DateOnly(2026, 6, 15), view.StatusSetOn);
        Assert.Equal(
            [(ExerciseStatus.Planning, ExerciseStatus.Approved, "planner", "Funding agreed"), (ExerciseStatus.Proposed, ExerciseStatus.Planning, "planner", null)],
            view.History.Select(h => (h.From, h.To, h.ChangedBy, h.Reason)));
        Assert.All(view.History, h => Assert.Equal(Now.UtcDateTime, h.ChangedAt));
    }

    [Fact]
    public async Task RecordsEachTransitionInTheAuditTrail()
    {
        var id = await CreateAsync(Classification.Unclassified);
        var version = (await TransitionsFor(Planner).ReadAsync(id))!.Version;

        await TransitionsFor(Planner).TransitionAsync(id, ExerciseStatus.Cancelled, version, "Flooded ranges");

        Assert.Equal(1L, await _database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_entries WHERE entity_type = 'JointExercise' AND entity_key = '{id}' AND action = 'Updated' AND actor = 'planner' AND after->>'Status' = 'Cancelled'"));
        Assert.Equal(1L, await _database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_entries WHERE entity_type = 'ExerciseStatusChange' AND action = 'Created' AND actor = 'planner' AND after->>'Reason' = 'Flooded ranges'"));
        Assert.Equal(1L, await _database.ScalarAsync<long>(
            $"SELECT count(*) FROM exercise_status_changes WHERE exercise_id = {id} AND from_status = 'Proposed' AND to_status = 'Cancelled'"));
    }

    [Fact]
    public async Task RefusesASkippedStepInWordsAndWritesNothing()
    {
        var id = await CreateAsync(Classification.Unclassified);
        var version = (await TransitionsFor(Planner).ReadAsync(id))!.Version;

        var outcome = await TransitionsFor(Planner).TransitionAsync(id, ExerciseStatus.Completed, version);

        Assert.Equal(SaveStatus.Invalid, outcome.Status);
        Assert.Equal(
            ["An exercise that is proposed cannot become completed: the next step is planning (or it may be cancelled)."],
            outcome.Errors[SaveOutcome.RecordField]);
        Assert.Equal(0L, await _database.ScalarAsync<long>($"SELECT count(*) FROM exercise_status_changes WHERE exercise_id = {id}"));
        Assert.Equal(ExerciseStatus.Proposed, (await TransitionsFor(Planner).ReadAsync(id))!.Status);
    }

    [Fact]
    public async Task RefusesToCancelWithoutAReason()
    {
        var id = await CreateAsync(Classification.Unclassified);
        var version = (await TransitionsFor(Planner).ReadAsync(id))!.Version;

        var outcome = await TransitionsFor(Planner).TransitionAsync(id, ExerciseStatus.Cancelled, version, " ");

        Assert.Equal(SaveStatus.Invalid, outcome.Status);
        Assert.Equal(["Say why the exercise is cancelled."], outcome.Errors["Reason"]);
    }

    [Fact]
    public async Task ReportsAStaleVersionAsAConflictWithTheCurrentStatus()
    {
        var id = await CreateAsync(Classification.Unclassified);
        var read = (await TransitionsFor(Planner).ReadAsync(id))!.Version;
        Assert.Equal(SaveStatus.Saved, (await TransitionsFor(Planner).TransitionAsync(id, ExerciseStatus.Planning, read)).Status);

        var stale = await TransitionsFor(Planner).TransitionAsync(id, ExerciseStatus.Cancelled, read, "Budget cut");

        Assert.Equal(SaveStatus.Conflict, stale.Status);
        Assert.Equal(ExerciseStatus.Planning, stale.Current!.Status);
        Assert.Equal(1L, await _database.ScalarAsync<long>($"SELECT count(*) FROM exercise_status_changes WHERE exercise_id = {id}"));
    }

    [Fact]
    public async Task DoesNotFindAnExerciseThePlannerMayNotSee()
    {
        var id = await CreateAsync(Classification.Secret);

        Assert.Null(await TransitionsFor(RestrictedPlanner).ReadAsync(id));
        Assert.Equal(SaveStatus.NotFound, (await TransitionsFor(RestrictedPlanner).TransitionAsync(id, ExerciseStatus.Cancelled, 0, "Not mine")).Status);
        Assert.Equal("Proposed", await _database.ScalarAsync<string>($"SELECT status FROM exercises WHERE id = {id}"));
    }

    [Fact]
    public async Task CompletesAnExerciseOnlyAfterItsLastDay()
    {
        var id = await CreateAsync(Classification.Unclassified, starts: new DateOnly(2026, 6, 1), ends: new DateOnly(2026, 6, 15));
        foreach (var step in new[] { ExerciseStatus.Planning, ExerciseStatus.Approved, ExerciseStatus.InExecution })
        {
            var version = (await TransitionsFor(Planner).ReadAsync(id))!.Version;
            Assert.Equal(SaveStatus.Saved, (await TransitionsFor(Planner).TransitionAsync(id, step, version)).Status);
        }

        var early = await TransitionsFor(Planner).TransitionAsync(id, ExerciseStatus.Completed, (await TransitionsFor(Planner).ReadAsync(id))!.Version);
        var view = (await TransitionsFor(Planner, Now.AddDays(1)).ReadAsync(id))!;
        var onTime = await TransitionsFor(Planner, Now.AddDays(1)).TransitionAsync(id, ExerciseStatus.Completed, view.Version);

        Assert.Equal(["An exercise is completed once its last day, 15 June 2026, is past."], early.Errors[SaveOutcome.RecordField]);
        Assert.Equal(SaveStatus.Saved, onTime.Status);
        Assert.Equal(new DateOnly(2026, 6, 16), (await TransitionsFor(Planner).ReadAsync(id))!.StatusSetOn);
    }

    private async Task<int> CreateAsync(Classification classification, DateOnly? starts = null, DateOnly? ends = null)
    {
        var outcome = await new ExerciseEditor(_database.FactoryFor(Planner)).CreateAsync(new ExerciseForm
        {
            Name = "Northern Viking",
            Kind = ExerciseKind.Naval,
            HostNation = "NOR",
            StartsOn = starts ?? new DateOnly(2027, 3, 3),
            EndsOn = ends ?? new DateOnly(2027, 3, 14),
            Participants = [new() { Nation = "NOR", Role = ExerciseRole.Host }, new() { Nation = "USA" }],
            Classification = classification,
        });
        Assert.Equal(SaveStatus.Saved, outcome.Status);
        return outcome.Id!.Value;
    }

    private ExerciseTransitions TransitionsFor(CurrentUser user, DateTimeOffset? now = null) => new(_database.FactoryFor(user), new FixedTime(now ?? Now));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
