using DiploPortal.Core.Common;
using DiploPortal.Core.Exercises.Deconfliction;
using DiploPortal.Core.Security;
using DiploPortal.TestSupport;

namespace DiploPortal.Core.Tests.Exercises.Deconfliction;

/// <summary>Administrators edit training areas and nation capacities: audited, stale edits refused, a used area kept.</summary>
public class ReferenceDataEditing : IAsyncLifetime
{
    private static readonly CurrentUser Admin = new("admin", Classification.Secret, "GBR", ["NATO"]);

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestPostgres.CreateWithReferenceDataAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AddsChangesAndDeletesATrainingAreaAndAuditsEachSave()
    {
        var editor = new TrainingAreaEditor(_database.FactoryFor(Admin));
        var id = (await editor.CreateAsync(new TrainingAreaForm { Name = " Test Range North ", Nation = "nor", Source = "https://example.org/range" })).Id!.Value;

        var form = (await editor.ReadAsync(id))!;
        Assert.Equal("Test Range North", form.Name);
        Assert.Equal("NOR", form.Nation);
        Assert.Contains(await editor.ListAsync(), r => r.Id == id && r.Nation == "Norway" && r.ExerciseCount == 0);
        form.Description = "Inland ranges.";
        Assert.Equal(SaveStatus.Saved, (await editor.UpdateAsync(id, form)).Status);

        var duplicate = await editor.CreateAsync(new TrainingAreaForm { Name = "Test Range North", Nation = "NOR" });
        Assert.Equal(["NOR already has a training area named Test Range North."], duplicate.Errors[nameof(TrainingAreaForm.Name)]);

        var version = (await editor.ReadAsync(id))!.Version;
        Assert.Equal(SaveStatus.Saved, (await editor.DeleteAsync(id, version)).Status);
        Assert.Equal(3L, await _database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_entries WHERE entity_type = 'TrainingArea' AND entity_key = '{id}' AND actor = 'admin'"));
    }

    [Fact]
    public async Task RefusesToDeleteATrainingAreaAnExerciseUsesWithAMessage()
    {
        var area = await _database.TrainingAreaAsync("NOR", "Test Range South");
        await _database.ExerciseAsync("Exercise Southern Range", new DateOnly(2030, 1, 7), new DateOnly(2030, 1, 11), area, Classification.Unclassified, ("NOR", 10), ("GBR", 10));
        var editor = new TrainingAreaEditor(_database.FactoryFor(Admin));

        var outcome = await editor.DeleteAsync(area, (await editor.ReadAsync(area))!.Version);

        Assert.Equal(SaveStatus.Invalid, outcome.Status);
        Assert.Equal(["Test Range South is the training area of 1 exercise; choose another area for it first."], outcome.Errors[SaveOutcome.RecordField]);
        Assert.NotNull(await editor.ReadAsync(area));
    }

    [Fact]
    public async Task ChangesACapacityFromAnAssumptionToASourcedFigure()
    {
        var editor = new NationCapacityEditor(_database.FactoryFor(Admin));
        var row = (await editor.ListAsync()).First(r => r.NationCode == "NOR");
        var form = (await editor.ReadAsync(row.Id))!;
        var stale = (await editor.ReadAsync(row.Id))!;

        form.IsAssumption = false;
        form.Personnel = 4200;
        form.Source = "Norwegian armed forces, annual report";
        form.Note = null;
        Assert.Equal(SaveStatus.Saved, (await editor.UpdateAsync(row.Id, form)).Status);

        var saved = (await editor.ListAsync()).Single(r => r.Id == row.Id);
        Assert.False(saved.IsAssumption);
        Assert.Equal(4200, saved.Personnel);
        Assert.Equal("Norwegian armed forces, annual report", saved.Source);
        stale.Ships = 99;
        Assert.Equal(SaveStatus.Conflict, (await editor.UpdateAsync(row.Id, stale)).Status);
        Assert.Equal(SaveStatus.Invalid, (await editor.CreateAsync(form)).Status);
        Assert.Equal(1L, await _database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_entries WHERE entity_type = 'NationCapacity' AND action = 'Updated' AND entity_key = '{row.Id}' AND actor = 'admin'"));
    }
}
