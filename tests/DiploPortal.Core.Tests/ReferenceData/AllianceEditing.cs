using DiploPortal.Core.Alliances;
using DiploPortal.Core.Common;
using DiploPortal.Core.Security;
using DiploPortal.TestSupport;

namespace DiploPortal.Core.Tests.ReferenceData;

/// <summary>Administrators keeping alliances and their membership periods: rules by field, conflicts, and deletes refused while records depend on an alliance.</summary>
public class AllianceEditing : IAsyncLifetime
{
    private static readonly CurrentUser Admin = new("admin", Classification.Secret, "GBR", ["NATO", "FVEY"]);

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestPostgres.CreateWithReferenceDataAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task CreatesAnAllianceWithItsMembershipPeriodsAndAuditsIt()
    {
        var outcome = await Editor().CreateAsync(NewPact());

        Assert.Equal(SaveStatus.Saved, outcome.Status);
        var saved = await Editor().ReadAsync(outcome.Id!.Value);
        Assert.NotNull(saved);
        Assert.Equal("NORPACT", saved.Acronym);
        Assert.Equal(["FIN", "NOR", "SWE"], saved.Members.Select(m => m.Nation).Order(StringComparer.Ordinal));
        Assert.Equal(1L, await _database.ScalarAsync<long>($"SELECT count(*) FROM audit_entries WHERE entity_type = 'Alliance' AND action = 'Created' AND entity_key = '{outcome.Id}'"));
        Assert.Equal(3L, await _database.ScalarAsync<long>($"SELECT count(*) FROM alliance_memberships WHERE alliance_id = {outcome.Id}"));
    }

    [Fact]
    public async Task ReportsEveryBrokenRuleBesideItsFieldAndWritesNothing()
    {
        var form = NewPact();
        form.Acronym = "NATO";
        form.Name = " ";
        form.DissolvedOn = form.FoundedOn!.Value.AddDays(-1);
        form.Members =
        [
            new MembershipForm { Nation = "NOR", JoinedOn = new DateOnly(2024, 1, 1) },
            new MembershipForm { Nation = "NOR", JoinedOn = new DateOnly(2024, 6, 1) },
            new MembershipForm { Nation = "ZZZ", JoinedOn = new DateOnly(2024, 1, 1) },
            new MembershipForm { Nation = "SWE", JoinedOn = new DateOnly(2024, 3, 1), LeftOn = new DateOnly(2024, 2, 1) },
            new MembershipForm { Nation = "FIN", JoinedOn = new DateOnly(2020, 1, 1) },
        ];

        var outcome = await Editor().CreateAsync(form);

        Assert.Equal(SaveStatus.Invalid, outcome.Status);
        Assert.Contains("already the acronym", MessagesOf(outcome, nameof(AllianceForm.Acronym)), StringComparison.Ordinal);
        Assert.Contains(nameof(AllianceForm.Name), outcome.Errors.Keys);
        Assert.Contains(nameof(AllianceForm.DissolvedOn), outcome.Errors.Keys);
        Assert.Contains("overlaps another one (row 1)", MessagesOf(outcome, AllianceForm.MemberField(1, nameof(MembershipForm.JoinedOn))), StringComparison.Ordinal);
        Assert.Contains("no nation with the code ZZZ", MessagesOf(outcome, AllianceForm.MemberField(2, nameof(MembershipForm.Nation))), StringComparison.Ordinal);
        Assert.Contains("leaves after the day it joined", MessagesOf(outcome, AllianceForm.MemberField(3, nameof(MembershipForm.LeftOn))), StringComparison.Ordinal);
        Assert.Contains("before the alliance was founded", MessagesOf(outcome, AllianceForm.MemberField(4, nameof(MembershipForm.JoinedOn))), StringComparison.Ordinal);
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM alliances WHERE name = ' '"));
    }

    [Fact]
    public async Task KeepsTheAcronymAndPeriodsNotChangedAndRecordsALeaving()
    {
        var id = (await Editor().CreateAsync(NewPact())).Id!.Value;
        var form = (await Editor().ReadAsync(id))!;
        form.Acronym = "RENAMED";
        form.Members.Single(m => m.Nation == "NOR").LeftOn = new DateOnly(2025, 1, 1);
        var sweden = await _database.ScalarAsync<int>($"SELECT m.id FROM alliance_memberships m JOIN nations n ON n.id = m.nation_id WHERE m.alliance_id = {id} AND n.code = 'SWE'");

        Assert.Equal(SaveStatus.Saved, (await Editor().UpdateAsync(id, form)).Status);

        Assert.Equal("NORPACT", await _database.ScalarAsync<string>($"SELECT acronym FROM alliances WHERE id = {id}"));
        Assert.Equal(new DateOnly(2025, 1, 1), await _database.ScalarAsync<DateOnly>($"SELECT m.left_on FROM alliance_memberships m JOIN nations n ON n.id = m.nation_id WHERE m.alliance_id = {id} AND n.code = 'NOR'"));
        Assert.Equal(sweden, await _database.ScalarAsync<int>($"SELECT m.id FROM alliance_memberships m JOIN nations n ON n.id = m.nation_id WHERE m.alliance_id = {id} AND n.code = 'SWE'"));
    }

    [Fact]
    public async Task AStaleEditIsAConflictWithTheVersionNowSaved()
    {
        var id = (await Editor().CreateAsync(NewPact())).Id!.Value;
        var mine = (await Editor().ReadAsync(id))!;
        var theirs = (await Editor().ReadAsync(id))!;
        theirs.Headquarters = "Oslo";
        Assert.Equal(SaveStatus.Saved, (await Editor().UpdateAsync(id, theirs)).Status);

        mine.Headquarters = "Stockholm";
        var outcome = await Editor().UpdateAsync(id, mine);

        Assert.Equal(SaveStatus.Conflict, outcome.Status);
        Assert.Equal("Oslo", outcome.Current!.Headquarters);
        Assert.Equal("Oslo", await _database.ScalarAsync<string>($"SELECT headquarters FROM alliances WHERE id = {id}"));
    }

    [Fact]
    public async Task RefusesToDeleteAnAllianceThatMembersOrRecordsStillName()
    {
        var nato = await _database.ScalarAsync<int>("SELECT id FROM alliances WHERE acronym = 'NATO'");
        var natoVersion = (await Editor().ReadAsync(nato))!.Version;
        var refused = await Editor().DeleteAsync(nato, natoVersion);
        Assert.Equal(SaveStatus.Invalid, refused.Status);
        Assert.Contains("membership periods", refused.Errors[AllianceEditor.DeleteField][0], StringComparison.Ordinal);

        // An empty alliance still named by an engagement's caveat is refused.
        var empty = NewPact();
        empty.Members = [];
        var id = (await Editor().CreateAsync(empty)).Id!.Value;
        await _database.ExecuteAsync("""
            INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, releasable_to_alliances, is_demo)
            VALUES ('Caveated talks', 'StaffTalks', 'FaceToFace', '2024-05-01', '', 'Pending', 'Secret', ARRAY['NORPACT'], false)
            """);
        var named = await Editor().DeleteAsync(id, (await Editor().ReadAsync(id))!.Version);
        Assert.Equal(SaveStatus.Invalid, named.Status);
        Assert.Contains("Records still name NORPACT", named.Errors[AllianceEditor.DeleteField][0], StringComparison.Ordinal);

        await _database.ExecuteAsync("DELETE FROM engagements WHERE title = 'Caveated talks'");
        Assert.Equal(SaveStatus.Saved, (await Editor().DeleteAsync(id, (await Editor().ReadAsync(id))!.Version)).Status);
        Assert.Equal(0L, await _database.ScalarAsync<long>($"SELECT count(*) FROM alliances WHERE id = {id}"));
    }

    private static string MessagesOf(SaveOutcome<AllianceForm> outcome, string field) => string.Join(" ", outcome.Errors[field]);

    private static AllianceForm NewPact() => new()
    {
        Acronym = "norpact",
        Name = "Nordic Defence Pact",
        Kind = AllianceKind.DefencePact,
        FoundedOn = new DateOnly(2023, 1, 1),
        Headquarters = "Helsinki",
        Members =
        [
            new MembershipForm { Nation = "FIN", Role = MembershipRole.FoundingMember, JoinedOn = new DateOnly(2023, 1, 1) },
            new MembershipForm { Nation = "nor", Role = MembershipRole.FoundingMember, JoinedOn = new DateOnly(2023, 1, 1) },
            new MembershipForm { Nation = "SWE", Role = MembershipRole.Member, JoinedOn = new DateOnly(2024, 3, 7) },
        ],
    };

    private AllianceEditor Editor() => new(_database.FactoryFor(Admin));
}
