using DiploPortal.Core.Common;
using DiploPortal.Core.Exercises;
using DiploPortal.Core.Security;
using DiploPortal.TestSupport;

namespace DiploPortal.Core.Tests.Exercises;

/// <summary>Milestones saved with the exercise's form, its status left to transitions, and the lead times administrators change.</summary>
public class ExerciseMilestoneEditing : IAsyncLifetime
{
    private static readonly CurrentUser Planner = new("planner", Classification.Secret, "USA", ["NATO", "FVEY"]);

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestPostgres.CreateWithReferenceDataAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task SavesProposedMilestonesWithTheExerciseAndMovesThem()
    {
        var form = Form();
        form.Milestones = [.. MilestonePlan.Propose(form.StartsOn!.Value, form.EndsOn!.Value, MilestoneLeadTime.Defaults)];
        var id = (await Editor.CreateAsync(form)).Id!.Value;

        var read = (await Editor.ReadAsync(id))!;
        read.StartsOn = read.StartsOn!.Value.AddDays(7);
        read.EndsOn = read.EndsOn!.Value.AddDays(7);
        read.Milestones = [.. MilestonePlan.Shift(read.Milestones, 7)];
        read.Milestones[0].Notes = "Concept agreed in Oslo.";
        Assert.Equal(SaveStatus.Saved, (await Editor.UpdateAsync(id, read)).Status);

        var saved = (await Editor.ReadAsync(id))!;
        Assert.Equal(6, saved.Milestones.Count);
        Assert.Equal((MilestoneKind.ConceptDevelopment, new DateOnly(2026, 3, 10), "Concept agreed in Oslo."), (saved.Milestones[0].Kind, saved.Milestones[0].PlannedOn!.Value, saved.Milestones[0].Notes));
        Assert.Equal(new DateOnly(2027, 3, 10), saved.Milestones.Single(m => m.Kind == MilestoneKind.Execution).PlannedOn);
    }

    [Fact]
    public async Task RefusesTwoMilestonesOfAKindOrOneWithoutADayOrWithANul()
    {
        var form = Form();
        form.Milestones =
        [
            new() { Kind = MilestoneKind.MainPlanningConference, PlannedOn = new DateOnly(2026, 9, 1) },
            new() { Kind = MilestoneKind.MainPlanningConference, PlannedOn = new DateOnly(2026, 9, 2), Notes = "Oslo\0" },
            new() { Kind = MilestoneKind.AfterActionReview },
        ];

        var outcome = await Editor.CreateAsync(form);

        Assert.Equal(SaveStatus.Invalid, outcome.Status);
        Assert.Equal(
            [FormRules.NulMessage, "Milestone 3: give the planned day.", "Milestones 1 and 2 are of the same kind: keep one of each kind."],
            outcome.Errors[nameof(ExerciseForm.Milestones)]);
    }

    [Fact]
    public async Task LeavesTheStatusToTransitions()
    {
        var id = (await Editor.CreateAsync(Form())).Id!.Value;
        var read = (await Editor.ReadAsync(id))!;
        Assert.Equal(ExerciseStatus.Proposed, read.Status);

        read.Status = ExerciseStatus.Approved;
        read.Location = "Bergen";
        Assert.Equal(SaveStatus.Saved, (await Editor.UpdateAsync(id, read)).Status);

        Assert.Equal("Proposed", await _database.ScalarAsync<string>($"SELECT status FROM exercises WHERE id = {id}"));
    }

    [Fact]
    public async Task ChangesALeadTimeAuditedAndRefusesAStaleOne()
    {
        var leadTimes = new MilestoneLeadTimes(_database.FactoryFor(new CurrentUser("admin", Classification.Secret, "USA", [])));
        var lines = await leadTimes.ListAsync();
        var stale = lines.Select(l => l with { }).ToList();
        lines.Single(l => l.Kind == MilestoneKind.FinalPlanningConference).Days = -45;

        Assert.Empty(await leadTimes.SaveAsync(lines));
        stale.Single(l => l.Kind == MilestoneKind.FinalPlanningConference).Days = -50;
        var conflict = await leadTimes.SaveAsync(stale);

        Assert.Equal(["Someone changed this lead time since you read it: reload to see theirs."], conflict[nameof(MilestoneKind.FinalPlanningConference)]);
        Assert.Equal(-45, (await leadTimes.ForProposalAsync()).Single(l => l.Kind == MilestoneKind.FinalPlanningConference).Days);
        Assert.Equal(1L, await _database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_entries WHERE entity_type = 'MilestoneLeadTime' AND action = 'Updated' AND actor = 'admin' AND after->>'Days' = '-45'"));
    }

    private ExerciseEditor Editor => new(_database.FactoryFor(Planner));

    private static ExerciseForm Form() => new()
    {
        Name = "Northern Viking",
        Kind = ExerciseKind.Naval,
        HostNation = "NOR",
        StartsOn = new DateOnly(2027, 3, 3),
        EndsOn = new DateOnly(2027, 3, 14),
        Participants = [new() { Nation = "NOR", Role = ExerciseRole.Host }, new() { Nation = "USA" }],
        Classification = Classification.Unclassified,
    };
}
