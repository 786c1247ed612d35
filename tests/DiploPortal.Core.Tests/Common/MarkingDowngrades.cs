using DiploPortal.Core.Common;
using DiploPortal.Core.Engagements;
using DiploPortal.Core.Security;
using DiploPortal.TestSupport;

namespace DiploPortal.Core.Tests.Common;

/// <summary>Lowering a marking or widening releasability is a deliberate save: a reason, and its own audit entry.</summary>
public class MarkingDowngrades : IAsyncLifetime
{
    private static readonly CurrentUser Staff = new("staff", Classification.Secret, "GBR", ["NATO", "FVEY"]);

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestPostgres.CreateWithReferenceDataAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData(Classification.Secret, "GBR", "", Classification.Restricted, "GBR", "", true)]
    [InlineData(Classification.Secret, "GBR", "", Classification.Secret, "", "", true)]
    [InlineData(Classification.Secret, "GBR", "", Classification.Secret, "GBR,USA", "", true)]
    [InlineData(Classification.Secret, "GBR", "", Classification.Secret, "GBR", "NATO", true)]
    [InlineData(Classification.Secret, "GBR,USA", "", Classification.Secret, "GBR", "", false)]
    [InlineData(Classification.Restricted, "", "", Classification.Secret, "GBR", "", false)]
    [InlineData(Classification.Restricted, "", "", Classification.Restricted, "", "", false)]
    [InlineData(Classification.Secret, "", "NATO", Classification.Secret, "", "NATO", false)]
    public void ADowngradeIsALowerClassificationOrCaveatsThatAdmitSomeoneNew(
        Classification before, string beforeNations, string beforeAlliances, Classification after, string afterNations, string afterAlliances, bool downgrade)
    {
        var change = new MarkingChange(
            new RecordMarking(before, Codes(beforeNations), Codes(beforeAlliances)),
            new RecordMarking(after, Codes(afterNations), Codes(afterAlliances)));

        Assert.Equal(downgrade, change.IsDowngrade);
    }

    [Fact]
    public void AsksForAReasonOnceAndBoundsIt()
    {
        var change = new MarkingChange(new RecordMarking(Classification.Secret, ["GBR"], []), new RecordMarking(Classification.Unclassified, [], []));
        var missing = new FieldErrors();
        var tooLong = new FieldErrors();
        var given = new FieldErrors();

        MarkingRules.CheckDowngrade(missing, change, "  ");
        MarkingRules.CheckDowngrade(tooLong, change, new string('x', MarkingRules.DowngradeReasonMaxLength + 1));
        MarkingRules.CheckDowngrade(given, change, "Released by the originator");

        Assert.Equal(
            "This save lowers the classification from Secret to Unclassified and removes every releasability caveat. To confirm, give the reason for the downgrade and save again.",
            Assert.Single(missing.ToDictionary()[MarkingRules.DowngradeReasonField]));
        Assert.True(tooLong.Any);
        Assert.False(given.Any);
    }

    [Fact]
    public async Task RefusesADowngradeWithoutAReasonAndWritesNothing()
    {
        var id = await CreateSecretAsync();
        var form = (await Editor().ReadAsync(id))!;
        form.Classification = Classification.Unclassified;

        var outcome = await Editor().UpdateAsync(id, form);

        Assert.Equal(SaveStatus.Invalid, outcome.Status);
        Assert.Contains(MarkingRules.DowngradeReasonField, outcome.Errors.Keys);
        Assert.Equal(Classification.Secret, (await Editor().ReadAsync(id))!.Classification);
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action IN ('Updated', 'Downgraded')"));
    }

    [Fact]
    public async Task SavesADowngradeWithItsReasonAndAuditsTheOldAndNewMarking()
    {
        var id = await CreateSecretAsync();
        var form = (await Editor().ReadAsync(id))!;
        form.Classification = Classification.Restricted;
        form.ReleasableToNations = [];
        form.DowngradeReason = "  Declassified by the originator ";

        Assert.Equal(SaveStatus.Saved, (await Editor().UpdateAsync(id, form)).Status);

        var where = $"FROM audit_entries WHERE action = 'Downgraded' AND entity_type = 'Engagement' AND entity_key = '{id}' AND actor = 'staff'";
        Assert.Equal("Secret", await _database.ScalarAsync<string>($"SELECT before->>'Classification' {where}"));
        Assert.Equal("[\"GBR\"]", await _database.ScalarAsync<string>($"SELECT (before->'ReleasableToNations')::text {where}"));
        Assert.Equal("Restricted", await _database.ScalarAsync<string>($"SELECT after->>'Classification' {where}"));
        Assert.Equal("Declassified by the originator", await _database.ScalarAsync<string>($"SELECT after->>'Reason' {where}"));
        Assert.Equal(1L, await _database.ScalarAsync<long>($"SELECT count(*) FROM audit_entries WHERE action = 'Updated' AND entity_key = '{id}'"));
    }

    [Fact]
    public async Task NeedsNoReasonToRaiseOrNarrowAMarking()
    {
        var id = await CreateSecretAsync();
        var form = (await Editor().ReadAsync(id))!;
        form.Title = "Renamed";

        Assert.Equal(SaveStatus.Saved, (await Editor().UpdateAsync(id, form)).Status);
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'Downgraded'"));
    }

    private async Task<int> CreateSecretAsync()
    {
        var outcome = await Editor().CreateAsync(new EngagementForm
        {
            Title = "Channel talks",
            Kind = EngagementKind.StaffTalks,
            Channel = CommunicationChannel.FaceToFace,
            OccurredOn = new DateOnly(2025, 3, 4),
            Summary = "Talks.",
            Outcome = EngagementOutcome.Positive,
            Participants = ["GBR", "FRA"],
            Classification = Classification.Secret,
            ReleasableToNations = ["GBR"],
        });
        return outcome.Id!.Value;
    }

    private EngagementEditor Editor() => new(_database.FactoryFor(Staff), TimeProvider.System);

    private static string[] Codes(string codes) => codes.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
