using DiploPortal.Core.Common;
using DiploPortal.Core.Exercises;
using DiploPortal.Core.Security;
using DiploPortal.TestSupport;

namespace DiploPortal.Core.Tests.Exercises;

/// <summary>Liaison attachés edited with the exercise: added and removed by id, audited, hidden attachés refused and kept.</summary>
public class LiaisonEditing : IAsyncLifetime
{
    private static readonly CurrentUser Planner = new("planner", Classification.Secret, "USA", ["NATO", "FVEY"]);
    private static readonly CurrentUser RestrictedPlanner = new("planner-restricted", Classification.Restricted, "FRA", ["NATO"]);

    private TestDatabase _database = null!;
    private int _adams;
    private int _baker;
    private int _secret;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateWithReferenceDataAsync();
        _adams = await AttacheAsync("Adams", "Unclassified");
        _baker = await AttacheAsync("Baker", "Unclassified");
        _secret = await AttacheAsync("Cole", "Secret");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AddsAndRemovesLiaisonsAndAuditsEach()
    {
        var form = ValidForm();
        form.LiaisonAttacheIds = [_baker, _adams];
        var id = (await EditorFor(Planner).CreateAsync(form)).Id!.Value;

        var saved = (await EditorFor(Planner).ReadAsync(id))!;
        Assert.Equal(new[] { _adams, _baker }, saved.LiaisonAttacheIds);

        saved.LiaisonAttacheIds.Remove(_adams);
        Assert.Equal(SaveStatus.Saved, (await EditorFor(Planner).UpdateAsync(id, saved)).Status);

        Assert.Equal(new[] { _baker }, (await EditorFor(Planner).ReadAsync(id))!.LiaisonAttacheIds);
        Assert.Equal(2L, await _database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_entries WHERE entity_type = 'ExerciseLiaison' AND action = 'Created' AND actor = 'planner'"));
        Assert.Equal(1L, await _database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_entries WHERE entity_type = 'ExerciseLiaison' AND action = 'Deleted' AND actor = 'planner'"));
    }

    [Fact]
    public async Task RefusesAnAttacheThePlannerMayNotSeeAsNoSuchAttache()
    {
        var form = ValidForm();
        form.LiaisonAttacheIds = [_secret];

        var outcome = await EditorFor(RestrictedPlanner).CreateAsync(form);

        Assert.Equal(SaveStatus.Invalid, outcome.Status);
        Assert.Equal(["There is no such attaché."], outcome.Errors[nameof(ExerciseForm.LiaisonAttacheIds)]);
        Assert.DoesNotContain(await EditorFor(RestrictedPlanner).LiaisonChoicesAsync(CancellationToken.None), a => a.Id == _secret);
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM exercises"));
    }

    [Fact]
    public async Task KeepsTheLiaisonsHiddenFromThePlannerWhoSaves()
    {
        var form = ValidForm();
        form.LiaisonAttacheIds = [_adams, _secret];
        var id = (await EditorFor(Planner).CreateAsync(form)).Id!.Value;

        var seen = (await EditorFor(RestrictedPlanner).ReadAsync(id))!;
        Assert.Equal(new[] { _adams }, seen.LiaisonAttacheIds);
        seen.LiaisonAttacheIds = [_baker];
        Assert.Equal(SaveStatus.Saved, (await EditorFor(RestrictedPlanner).UpdateAsync(id, seen)).Status);

        Assert.Equal(new[] { _baker, _secret }, (await EditorFor(Planner).ReadAsync(id))!.LiaisonAttacheIds);
    }

    [Fact]
    public async Task RefusesRepeatsAndTooManyLiaisons()
    {
        var form = ValidForm();
        form.LiaisonAttacheIds = [_adams, _adams];
        Assert.Equal(["Each liaison attaché is listed once."], (await EditorFor(Planner).CreateAsync(form)).Errors[nameof(ExerciseForm.LiaisonAttacheIds)]);

        form.LiaisonAttacheIds = [.. Enumerable.Range(1, ExerciseForm.LiaisonsMax + 1)];
        Assert.Equal([$"An exercise has at most {ExerciseForm.LiaisonsMax} liaison attachés."], (await EditorFor(Planner).CreateAsync(form)).Errors[nameof(ExerciseForm.LiaisonAttacheIds)]);
    }

    private async Task<int> AttacheAsync(string name, string classification) => await _database.ScalarAsync<int>($"""
        INSERT INTO attaches (full_name, rank, service, post, sending_nation_id, host_nation_id, posted_from, classification, is_demo)
        VALUES ('{name}', 'Colonel', 'Army', 'Defence', (SELECT id FROM nations WHERE code = 'GBR'), (SELECT id FROM nations WHERE code = 'NOR'),
                DATE '2020-01-01', '{classification}', false)
        RETURNING id
        """);

    private static ExerciseForm ValidForm() => new()
    {
        Name = "Northern Viking",
        Kind = ExerciseKind.Naval,
        Status = ExerciseStatus.Planning,
        HostNation = "NOR",
        StartsOn = new DateOnly(2025, 3, 3),
        EndsOn = new DateOnly(2025, 3, 14),
        LeadAlliance = "NATO",
        Participants =
        [
            new() { Nation = "NOR", Role = ExerciseRole.Host, Personnel = 800 },
            new() { Nation = "USA", Role = ExerciseRole.Participant, Personnel = 1200 },
        ],
        Classification = Classification.Restricted,
        ReleasableToAlliances = ["NATO"],
    };

    private ExerciseEditor EditorFor(CurrentUser user) => new(_database.FactoryFor(user));
}
