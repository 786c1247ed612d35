using DiploPortal.Core.Common;
using DiploPortal.Core.Exercises.Deconfliction;
using DiploPortal.Core.Security;
using DiploPortal.TestSupport;
using static DiploPortal.Core.Tests.Exercises.Deconfliction.DeconflictionRuleCases;

namespace DiploPortal.Core.Tests.Exercises.Deconfliction;

/// <summary>
/// The check over the database (<see cref="ExerciseDeconfliction"/>): it finds what the rules need, and only among
/// the records the planner may see; a hidden record is never named or counted.
/// </summary>
public class DeconflictionCheck : IAsyncLifetime
{
    private static readonly CurrentUser SecretPlanner = new("planner", Classification.Secret, "USA", ["NATO"]);
    private static readonly CurrentUser RestrictedPlanner = new("planner-restricted", Classification.Restricted, "USA", ["NATO"]);

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestPostgres.CreateWithReferenceDataAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ReportsASecretExerciseInTheSameAreaToASecretPlannerOnly()
    {
        var area = await _database.TrainingAreaAsync("DEU", "Test Range");
        var hidden = await _database.ExerciseAsync("Secret Anvil", March(12), March(18), area, Classification.Secret, ("DEU", 100), ("POL", 100));
        var candidate = Candidate(10, 20, area: area);

        var seen = await CheckAs(SecretPlanner, candidate);
        var unseen = await CheckAs(RestrictedPlanner, candidate);

        var conflict = Assert.Single(seen, c => c.Kind == ConflictKind.TrainingAreaDoubleBooked);
        Assert.Equal([hidden], conflict.ExerciseIds);
        Assert.Contains("Secret Anvil", conflict.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(unseen, c => c.Kind == ConflictKind.TrainingAreaDoubleBooked);
        Assert.DoesNotContain(unseen, c => c.ExerciseIds.Contains(hidden) || c.Message.Contains("Secret Anvil", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CountsOnlyVisibleExercisesTowardsANationsCapacity()
    {
        await _database.SetCapacityAsync("USA", 10_000);
        var visible = await _database.ExerciseAsync("Open Shield", March(10), March(20), null, Classification.Unclassified, ("USA", 4000), ("NOR", 10));
        var hidden = await _database.ExerciseAsync("Secret Shield", March(10), March(20), null, Classification.Secret, ("USA", 4000), ("NOR", 10));
        var candidate = Candidate(10, 20, forces: [Forces("USA", 5000), Forces("NOR", 10)]);

        var secret = Assert.Single(await CheckAs(SecretPlanner, candidate), c => c.Kind == ConflictKind.OverCapacity);
        var restricted = await CheckAs(RestrictedPlanner, candidate);

        Assert.Equal([visible, hidden], secret.ExerciseIds);
        Assert.Contains("13,000 personnel", secret.Message, StringComparison.Ordinal);
        // Without the hidden exercise the sum (9,000) fits: the restricted planner is told nothing.
        Assert.DoesNotContain(restricted, c => c.Kind == ConflictKind.OverCapacity);
    }

    [Fact]
    public async Task SkipsCancelledExercisesAndTheExerciseItself()
    {
        var area = await _database.TrainingAreaAsync("DEU", "Test Range");
        var itself = await _database.ExerciseAsync("Itself", March(10), March(20), area, Classification.Unclassified, ("DEU", 100), ("POL", 100));
        var cancelled = await _database.ExerciseAsync("Called Off", March(10), March(20), area, Classification.Unclassified, ("DEU", 100), ("POL", 100));
        await _database.ExecuteAsync($"UPDATE exercises SET status = 'Cancelled' WHERE id = {cancelled}");

        Assert.Empty(await CheckAs(SecretPlanner, Candidate(10, 20, area: area, id: itself)));
    }

    [Fact]
    public async Task WarnsOfAVisibleMissionOnlyAndSeesTheSeededCapacities()
    {
        await _database.MissionAsync("Flood relief", March(1), null, Classification.Unclassified, "NOR");
        await _database.MissionAsync("Secret relief", March(1), null, Classification.Secret, "USA");

        var conflicts = await CheckAs(RestrictedPlanner, Candidate(10, 20, forces: [Forces("NOR", 100), Forces("USA", 20_000)]));

        var mission = Assert.Single(conflicts, c => c.Kind == ConflictKind.OverlapsHumanitarianMission);
        Assert.Equal(["NOR"], mission.NationCodes);
        var capacity = Assert.Single(conflicts, c => c.Kind == ConflictKind.OverCapacity);
        Assert.StartsWith("USA is over an assumed capacity", capacity.Message, StringComparison.Ordinal);
    }

    private Task<IReadOnlyList<ExerciseConflict>> CheckAs(CurrentUser user, ExerciseSchedule candidate) =>
        new ExerciseDeconfliction(_database.FactoryFor(user)).CheckAsync(candidate, CancellationToken.None);
}
