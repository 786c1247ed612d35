using DiploPortal.Core.Exercises;
using DiploPortal.TestSupport;
using Npgsql;

namespace DiploPortal.Core.Tests.Data;

/// <summary>The database keeps an exercise's status to its life cycle and dates: each refusal asserted by its constraint's or trigger's name.</summary>
public class ExerciseStatusDatabaseRules : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateWithReferenceDataAsync();
        await _database.ExecuteAsync($"""
            INSERT INTO exercises (name, kind, status, status_set_on, host_nation_id, starts_on, ends_on, classification, is_demo)
            VALUES ('Future Shield', 'Field', 'Proposed', '2026-01-05', {Thailand}, '2027-02-25', '2027-03-07', 'Unclassified', false),
                   ('Running Shield', 'Field', 'InExecution', '2026-03-01', {Thailand}, '2026-03-01', '2026-03-20', 'Unclassified', false);
            """);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private const string Thailand = "(SELECT id FROM nations WHERE code = 'THA')";

    [Fact]
    public Task RefusesAStatusThatSkipsAStep() => AssertRefused(
        "UPDATE exercises SET status = 'Approved' WHERE name = 'Future Shield'", LifecycleSql.TransitionTrigger);

    [Fact]
    public Task RefusesToReopenACancelledExercise() => AssertRefused(
        "UPDATE exercises SET status = 'Cancelled' WHERE name = 'Future Shield'; UPDATE exercises SET status = 'Planning' WHERE name = 'Future Shield'",
        LifecycleSql.TransitionTrigger);

    [Fact]
    public Task RefusesACompletedExerciseWhoseLastDayIsNotPast() => AssertRefused(
        "UPDATE exercises SET status = 'Completed', status_set_on = '2026-03-20' WHERE name = 'Running Shield'", "ck_exercises_completed_after_end");

    [Fact]
    public Task RefusesExecutionBeforeTheFirstDay() => AssertRefused(
        "UPDATE exercises SET status = 'Planning' WHERE name = 'Future Shield'; UPDATE exercises SET status = 'Approved' WHERE name = 'Future Shield'; "
        + "UPDATE exercises SET status = 'InExecution', status_set_on = '2027-02-24' WHERE name = 'Future Shield'",
        "ck_exercises_in_execution_started");

    [Fact]
    public Task RefusesAHistoryStepToTheSameStatus() => AssertRefused(
        "INSERT INTO exercise_status_changes (exercise_id, from_status, to_status, changed_at, changed_by) "
        + "SELECT id, 'Proposed', 'Proposed', now(), 'planner' FROM exercises WHERE name = 'Future Shield'",
        "ck_exercise_status_changes_step");

    [Fact]
    public Task RefusesALeadTimeBeyondTenYears() => AssertRefused(
        "UPDATE milestone_lead_times SET days = -4000 WHERE kind = 'ConceptDevelopment'", "ck_milestone_lead_times_days");

    [Fact]
    public async Task AllowsTheStepsOfTheLifeCycleAndKeepingTheSameStatus()
    {
        await _database.ExecuteAsync("UPDATE exercises SET status = 'Completed', status_set_on = '2026-03-21' WHERE name = 'Running Shield'");
        await _database.ExecuteAsync("UPDATE exercises SET status = 'Completed', name = 'Running Shield 26' WHERE name = 'Running Shield'");

        Assert.Equal("Completed", await _database.ScalarAsync<string>("SELECT status FROM exercises WHERE name = 'Running Shield 26'"));
    }

    [Fact]
    public async Task TakesAPastExerciseInsertedAsCompletedOnTheDayOfImport()
    {
        await _database.ExecuteAsync($"""
            INSERT INTO exercises (name, kind, status, host_nation_id, starts_on, ends_on, classification, is_demo)
            VALUES ('Team Spirit 1989', 'Field', 'Completed', {Thailand}, '1989-03-01', '1989-03-20', 'Unclassified', false)
            """);

        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT count(*) FROM exercises WHERE name = 'Team Spirit 1989' AND status_set_on = CURRENT_DATE"));
    }

    [Fact]
    public async Task SeedsTheStandardLeadTimes() =>
        Assert.Equal("ConceptDevelopment:-365,InitialPlanningConference:-270,MainPlanningConference:-180,FinalPlanningConference:-60,Execution:0,AfterActionReview:30",
            await _database.ScalarAsync<string>("SELECT string_agg(kind || ':' || days, ',' ORDER BY days < 0 DESC, days) FROM milestone_lead_times"));

    private async Task AssertRefused(string sql, string constraint)
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => _database.ExecuteAsync(sql));
        Assert.Equal(constraint, error.ConstraintName);
    }
}
