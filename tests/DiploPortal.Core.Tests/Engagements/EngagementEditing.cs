using DiploPortal.Core.Common;
using DiploPortal.Core.Engagements;
using DiploPortal.Core.Security;
using DiploPortal.TestSupport;

namespace DiploPortal.Core.Tests.Engagements;

/// <summary>Creating, changing and deleting engagements: rules by field, clearance, conflicts and the audit trail.</summary>
public class EngagementEditing : IAsyncLifetime
{
    private static readonly CurrentUser Staff = new("staff", Classification.Secret, "GBR", ["NATO", "FVEY"]);
    private static readonly CurrentUser RestrictedStaff = new("staff-restricted", Classification.Restricted, "FRA", ["NATO"]);

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestPostgres.CreateWithReferenceDataAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task CreatesAnEngagementWithItsLeadAndAuditsIt()
    {
        var outcome = await EditorFor(Staff).CreateAsync(ValidForm());

        Assert.Equal(SaveStatus.Saved, outcome.Status);
        var saved = await EditorFor(Staff).ReadAsync(outcome.Id!.Value);
        Assert.NotNull(saved);
        Assert.Equal("Maritime staff talks", saved.Title);
        Assert.Equal(["GBR", "FRA"], saved.Participants);
        Assert.Equal(1L, await _database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_entries WHERE entity_type = 'Engagement' AND action = 'Created' AND actor = 'staff' AND entity_key = '{outcome.Id}'"));
        Assert.True(await _database.ScalarAsync<bool>(
            $"SELECT is_lead FROM engagement_participants WHERE engagement_id = {outcome.Id} AND nation_id = (SELECT id FROM nations WHERE code = 'GBR')"));
    }

    [Fact]
    public async Task ReportsEveryBrokenRuleBesideItsFieldAndWritesNothing()
    {
        var form = ValidForm();
        form.Title = "  ";
        form.OccurredOn = null;
        form.HostNation = "XXX";
        form.Participants = ["FRA", "ZZZ", "FRA"];
        form.Location = new string('x', EngagementForm.LocationMaxLength + 1);
        form.ReleasableToAlliances = ["NOPE"];
        form.Kind = (EngagementKind)99;

        var outcome = await EditorFor(Staff).CreateAsync(form);

        Assert.Equal(SaveStatus.Invalid, outcome.Status);
        Assert.Equal(
            ["HostNation", "Kind", "Location", "OccurredOn", "Participants", "ReleasableToAlliances", "Title"],
            outcome.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("There is no nation with the code ZZZ.", outcome.Errors["Participants"]);
        Assert.Contains("FRA is named twice.", outcome.Errors["Participants"]);
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM engagements"));
    }

    [Fact]
    public async Task KeepsAFutureEngagementPending()
    {
        var form = ValidForm();
        form.OccurredOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);
        form.Outcome = EngagementOutcome.Positive;

        var outcome = await EditorFor(Staff).CreateAsync(form);

        Assert.Equal(["An engagement that has not happened yet can only be pending."], outcome.Errors["Outcome"]);
    }

    [Fact]
    public async Task RefusesAMarkingAboveTheUsersClearanceWithAMessage()
    {
        var form = ValidForm();
        form.Classification = Classification.Secret;

        var outcome = await EditorFor(RestrictedStaff).CreateAsync(form);

        Assert.Equal(SaveStatus.Invalid, outcome.Status);
        Assert.Contains("cleared to Restricted", outcome.Errors["Classification"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportsAConflictWithTheOtherVersionInsteadOfOverwritingIt()
    {
        var id = (await EditorFor(Staff).CreateAsync(ValidForm())).Id!.Value;
        var mine = (await EditorFor(Staff).ReadAsync(id))!;
        var theirs = (await EditorFor(Staff).ReadAsync(id))!;

        theirs.Title = "Their title";
        Assert.Equal(SaveStatus.Saved, (await EditorFor(Staff).UpdateAsync(id, theirs)).Status);
        mine.Summary = "My summary";
        var outcome = await EditorFor(Staff).UpdateAsync(id, mine);

        Assert.Equal(SaveStatus.Conflict, outcome.Status);
        Assert.Equal("Their title", outcome.Current!.Title);
        var stored = (await EditorFor(Staff).ReadAsync(id))!;
        Assert.Equal("Their title", stored.Title);
        Assert.NotEqual("My summary", stored.Summary);

        // Choosing to keep mine after seeing theirs saves over it, deliberately.
        mine.Version = outcome.Current.Version;
        Assert.Equal(SaveStatus.Saved, (await EditorFor(Staff).UpdateAsync(id, mine)).Status);
        Assert.Equal("My summary", (await EditorFor(Staff).ReadAsync(id))!.Summary);
    }

    [Fact]
    public async Task UpdatesParticipantsAndRecordsBeforeAndAfter()
    {
        var id = (await EditorFor(Staff).CreateAsync(ValidForm())).Id!.Value;
        var form = (await EditorFor(Staff).ReadAsync(id))!;
        form.Participants = ["FRA", "DEU"];
        form.Outcome = EngagementOutcome.Negative;

        Assert.Equal(SaveStatus.Saved, (await EditorFor(Staff).UpdateAsync(id, form)).Status);

        Assert.Equal(["FRA", "DEU"], (await EditorFor(Staff).ReadAsync(id))!.Participants);
        Assert.Equal("Positive", await _database.ScalarAsync<string>(
            $"SELECT before->>'Outcome' FROM audit_entries WHERE entity_type = 'Engagement' AND action = 'Updated' AND entity_key = '{id}'"));
    }

    [Fact]
    public async Task DeletesOnlyTheVersionThatWasSeen()
    {
        var id = (await EditorFor(Staff).CreateAsync(ValidForm())).Id!.Value;
        var seen = (await EditorFor(Staff).ReadAsync(id))!;
        var changed = (await EditorFor(Staff).ReadAsync(id))!;
        changed.Title = "Changed meanwhile";
        await EditorFor(Staff).UpdateAsync(id, changed);

        var stale = await EditorFor(Staff).DeleteAsync(id, seen.Version);
        Assert.Equal(SaveStatus.Conflict, stale.Status);
        Assert.Equal("Changed meanwhile", stale.Current!.Title);

        Assert.Equal(SaveStatus.Saved, (await EditorFor(Staff).DeleteAsync(id, stale.Current.Version)).Status);
        Assert.Null(await EditorFor(Staff).ReadAsync(id));
        Assert.Equal(SaveStatus.NotFound, (await EditorFor(Staff).DeleteAsync(id, stale.Current.Version)).Status);
    }

    [Fact]
    public async Task CannotReadOrChangeARecordTheUserMayNotSee()
    {
        var form = ValidForm();
        form.Classification = Classification.Secret;
        var id = (await EditorFor(Staff).CreateAsync(form)).Id!.Value;

        Assert.Null(await EditorFor(RestrictedStaff).ReadAsync(id));
        Assert.Equal(SaveStatus.NotFound, (await EditorFor(RestrictedStaff).UpdateAsync(id, ValidForm())).Status);
        Assert.Equal(SaveStatus.NotFound, (await EditorFor(RestrictedStaff).DeleteAsync(id, 0)).Status);
    }

    private static EngagementForm ValidForm() => new()
    {
        Title = "  Maritime staff talks ",
        Kind = EngagementKind.StaffTalks,
        Channel = CommunicationChannel.FaceToFace,
        OccurredOn = new DateOnly(2025, 3, 4),
        HostNation = "fra",
        Location = "Brest",
        Summary = "Search and rescue cooperation in the Channel.",
        Outcome = EngagementOutcome.Positive,
        Participants = ["GBR", "FRA"],
        Classification = Classification.Restricted,
        ReleasableToAlliances = ["NATO"],
    };

    private EngagementEditor EditorFor(CurrentUser user) => new(_database.FactoryFor(user), TimeProvider.System);
}
