using DiploPortal.Core.Common;
using DiploPortal.Core.Engagements;
using DiploPortal.Core.Exercises;
using DiploPortal.Core.Missions;
using DiploPortal.Core.Security;
using DiploPortal.TestSupport;

namespace DiploPortal.Core.Tests.Assessments;

/// <summary>Deleting an engagement, exercise or mission never takes its assessments with it, seen or not.</summary>
public class AssessedRecordDeletes : IAsyncLifetime
{
    private static readonly CurrentUser Staff = new("staff", Classification.Restricted, "FRA", ["NATO"]);

    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateWithReferenceDataAsync();
        await _database.ExecuteAsync("""
            INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, releasable_to_nations, is_demo) VALUES
              ('Seen assessment', 'StaffTalks', 'FaceToFace', '2024-01-01', 'Talks', 'Positive', 'Unclassified', '{}', false),
              ('Hidden assessment', 'StaffTalks', 'FaceToFace', '2024-01-02', 'Talks', 'Positive', 'Unclassified', '{}', false),
              ('No assessment', 'StaffTalks', 'FaceToFace', '2024-01-03', 'Talks', 'Positive', 'Unclassified', '{}', false);
            INSERT INTO exercises (name, kind, status, host_nation_id, starts_on, ends_on, objectives, classification, is_demo)
            VALUES ('Hidden assessment', 'Field', 'Planning', (SELECT id FROM nations WHERE code = 'FRA'), '2024-10-01', '2024-10-10', 'Training', 'Unclassified', false);
            INSERT INTO missions (name, kind, crisis, affected_nation_id, starts_on, people_assisted, summary, classification, is_demo)
            VALUES ('Seen assessment', 'DisasterRelief', 'Flood', (SELECT id FROM nations WHERE code = 'PAK'), '2024-11-01', 100, 'Relief', 'Unclassified', false);
            INSERT INTO assessments (engagement_id, exercise_id, mission_id, assessed_on, assessed_by, evidence, classification, releasable_to_nations, is_demo) VALUES
              ((SELECT id FROM engagements WHERE title = 'Seen assessment'), NULL, NULL, '2024-02-01', 'Analyst', 'Open', 'Unclassified', '{}', false),
              ((SELECT id FROM engagements WHERE title = 'Seen assessment'), NULL, NULL, '2024-02-02', 'Analyst', 'Open', 'Unclassified', '{}', false),
              ((SELECT id FROM engagements WHERE title = 'Hidden assessment'), NULL, NULL, '2024-02-01', 'Analyst', 'Covert', 'Secret', '{GBR}', false),
              (NULL, (SELECT id FROM exercises WHERE name = 'Hidden assessment'), NULL, '2024-11-01', 'Analyst', 'Covert', 'Secret', '{}', false),
              (NULL, NULL, (SELECT id FROM missions WHERE name = 'Seen assessment'), '2024-12-01', 'Analyst', 'Open', 'Unclassified', '{}', false);
            """);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task RefusesToDeleteAnEngagementWithAssessmentsAndSaysHowMany()
    {
        var id = await IdAsync("engagements", "title", "Seen assessment");
        var editor = new EngagementEditor(_database.FactoryFor(Staff), TimeProvider.System);

        var outcome = await editor.DeleteAsync(id, (await editor.ReadAsync(id))!.Version);

        Assert.Equal(SaveStatus.Invalid, outcome.Status);
        Assert.Equal("This engagement has 2 assessments, so it was not deleted: assessments are never deleted with their subject.", Assert.Single(outcome.Errors[SaveOutcome.RecordField]));
        Assert.Equal(2L, await _database.ScalarAsync<long>($"SELECT count(*) FROM assessments WHERE engagement_id = {id}"));
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'Deleted'"));
    }

    [Fact]
    public async Task KeepsAnEngagementWhoseOnlyAssessmentThePersonCannotSeeWithoutNamingIt()
    {
        var id = await IdAsync("engagements", "title", "Hidden assessment");
        var editor = new EngagementEditor(_database.FactoryFor(Staff), TimeProvider.System);

        var outcome = await editor.DeleteAsync(id, (await editor.ReadAsync(id))!.Version);

        Assert.Equal(SaveStatus.Invalid, outcome.Status);
        var message = Assert.Single(outcome.Errors[SaveOutcome.RecordField]);
        Assert.DoesNotContain("assessment", message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1L, await _database.ScalarAsync<long>($"SELECT count(*) FROM assessments WHERE engagement_id = {id}"));
        Assert.NotNull(await editor.ReadAsync(id));
    }

    [Fact]
    public async Task KeepsExercisesAndMissionsWithAssessmentsToo()
    {
        var exerciseId = await IdAsync("exercises", "name", "Hidden assessment");
        var missionId = await IdAsync("missions", "name", "Seen assessment");
        var exercises = new ExerciseEditor(_database.FactoryFor(Staff));
        var missions = new MissionEditor(_database.FactoryFor(Staff));

        var exercise = await exercises.DeleteAsync(exerciseId, (await exercises.ReadAsync(exerciseId))!.Version);
        var mission = await missions.DeleteAsync(missionId, (await missions.ReadAsync(missionId))!.Version);

        Assert.Equal(SaveStatus.Invalid, exercise.Status);
        Assert.Equal(SaveStatus.Invalid, mission.Status);
        Assert.Equal("This mission has 1 assessment, so it was not deleted: assessments are never deleted with their subject.", Assert.Single(mission.Errors[SaveOutcome.RecordField]));
        Assert.Equal(5L, await _database.ScalarAsync<long>("SELECT count(*) FROM assessments"));
    }

    [Fact]
    public async Task DeletesARecordWithoutAssessments()
    {
        var id = await IdAsync("engagements", "title", "No assessment");
        var editor = new EngagementEditor(_database.FactoryFor(Staff), TimeProvider.System);

        Assert.Equal(SaveStatus.Saved, (await editor.DeleteAsync(id, (await editor.ReadAsync(id))!.Version)).Status);
    }

    [Fact]
    public async Task TheDatabaseRefusesADeleteThatWouldRemoveAssessments()
    {
        var id = await IdAsync("engagements", "title", "Hidden assessment");

        var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => _database.ExecuteAsync($"DELETE FROM engagements WHERE id = {id}"));

        Assert.Equal(Npgsql.PostgresErrorCodes.ForeignKeyViolation, refused.SqlState);
    }

    private Task<int> IdAsync(string table, string column, string value) =>
        _database.ScalarAsync<int>($"SELECT id FROM {table} WHERE {column} = '{value}'");
}
