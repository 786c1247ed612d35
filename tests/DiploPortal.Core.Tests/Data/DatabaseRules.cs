using DiploPortal.Core.Engagements;
using DiploPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DiploPortal.Core.Tests.Data;

/// <summary>
/// Each rule that protects the data is enforced by PostgreSQL itself: one test per rule, each
/// asserting that the database refuses a violating row by the constraint's name.
/// </summary>
public class DatabaseRules : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateWithReferenceDataAsync();
        await _database.ExecuteAsync("""
            INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, is_demo)
            VALUES ('Staff talks on maritime security', 'StaffTalks', 'FaceToFace', '2025-03-04', '', 'Positive', 'Unclassified', false);
            INSERT INTO exercises (name, kind, status, host_nation_id, starts_on, ends_on, classification, is_demo)
            VALUES ('Cobra Gold 2025', 'Field', 'Completed', (SELECT id FROM nations WHERE code = 'THA'), '2025-02-25', '2025-03-07', 'Unclassified', false);
            INSERT INTO missions (name, kind, crisis, affected_nation_id, starts_on, people_assisted, summary, classification, is_demo)
            VALUES ('Earthquake relief', 'DisasterRelief', 'Earthquake', (SELECT id FROM nations WHERE code = 'TUR'), '2023-02-07', 1000, '', 'Unclassified', false);
            INSERT INTO assessments (engagement_id, assessed_on, assessed_by, evidence, classification, is_demo)
            VALUES ((SELECT min(id) FROM engagements), '2025-04-01', 'Analyst', '', 'Unclassified', false);
            """);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public Task RefusesADuplicateNationCode() => AssertRefused(
        "INSERT INTO nations (code, iso2, iso3, name, region, successors) VALUES ('FRA', 'FX', 'FXX', 'France again', 'Europe', '{}')",
        "ix_nations_code");

    [Fact]
    public Task RefusesAnAlpha2CodeThatIsNotTwoCapitalLetters() => AssertRefused(
        "INSERT INTO nations (code, iso2, iso3, name, region, successors) VALUES ('XXA', 'x1', 'XXA', 'Nowhere', 'Europe', '{}')",
        "ck_nations_iso2");

    [Fact]
    public Task RefusesAnAlpha3CodeThatIsNotThreeCapitalLetters() => AssertRefused(
        "INSERT INTO nations (code, iso2, iso3, name, region, successors) VALUES ('XXB', 'XB', 'XB', 'Nowhere', 'Europe', '{}')",
        "ck_nations_iso3");

    [Fact]
    public Task RefusesTwoCurrentNationsWithTheSameAlpha2Code() => AssertRefused(
        "INSERT INTO nations (code, iso2, iso3, name, region, successors) VALUES ('XXC', 'FR', 'XXC', 'Another France', 'Europe', '{}')",
        "ix_nations_iso2");

    [Fact]
    public Task RefusesAFormerStateThatEndedBeforeItBegan() => AssertRefused(
        "INSERT INTO nations (code, iso2, iso3, name, region, successors, existed_from, existed_until) VALUES ('XXHH', 'XH', 'XXH', 'Backwards', 'Europe', '{}', '1990-01-01', '1980-01-01')",
        "ck_nations_existed");

    [Fact]
    public Task RefusesADuplicateAllianceAcronym() => AssertRefused(
        "INSERT INTO alliances (acronym, name, kind, founded_on) VALUES ('NATO', 'Another NATO', 'CollectiveDefence', '2000-01-01')",
        "ix_alliances_acronym");

    [Fact]
    public Task RefusesAnAllianceDissolvedBeforeItWasFounded() => AssertRefused(
        "INSERT INTO alliances (acronym, name, kind, founded_on, dissolved_on) VALUES ('XPACT', 'Backwards pact', 'DefencePact', '2000-01-01', '1999-01-01')",
        "ck_alliances_dissolved");

    [Fact]
    public Task RefusesAnUnknownAllianceKind() => AssertRefused(
        "INSERT INTO alliances (acronym, name, kind, founded_on) VALUES ('XKIND', 'Odd pact', 'Friendship', '2000-01-01')",
        "ck_alliances_kind");

    [Fact]
    public Task RefusesAMembershipThatEndsBeforeItBegins() => AssertRefused(
        $"{MembershipInsert("AUKUS", "FRA")} VALUES ({Alliance("AUKUS")}, {Nation("FRA")}, 'Member', '2022-01-01', '2021-01-01')",
        "ck_alliance_memberships_left");

    [Fact]
    public Task RefusesOverlappingMembershipPeriodsOfOneNation() => AssertRefused(
        $"{MembershipInsert("NATO", "FRA")} VALUES ({Alliance("NATO")}, {Nation("FRA")}, 'Member', '1966-03-07', '1967-01-01')",
        "ex_alliance_memberships_no_overlap");

    [Fact]
    public Task RefusesAMembershipOfAnUnknownNation() => AssertRefused(
        $"{MembershipInsert("NATO", "?")} VALUES ({Alliance("NATO")}, -1, 'Member', '2000-01-01', NULL)",
        "fk_alliance_memberships_nations_nation_id");

    [Fact]
    public Task RefusesASuspensionEndingBeforeItStarts() => AssertRefused(
        $"INSERT INTO alliance_memberships (alliance_id, nation_id, role, joined_on, suspended_from, suspended_until) VALUES ({Alliance("AUKUS")}, {Nation("JPN")}, 'Partner', '2024-01-01', '2025-01-01', '2024-06-01')",
        "ck_alliance_memberships_suspended_until");

    [Fact]
    public Task RefusesAnAttacheWhosePostingEndsBeforeItBegins() => AssertRefused(
        $"{AttacheInsert} VALUES ('Col. A. Example', 'Colonel', 'Army', 'Defence', {Nation("FRA")}, {Nation("JPN")}, '2024-01-01', '2023-01-01', 'Unclassified', false)",
        "ck_attaches_posting");

    [Fact]
    public Task RefusesAnAttachePostedToTheirOwnNation() => AssertRefused(
        $"{AttacheInsert} VALUES ('Col. A. Example', 'Colonel', 'Army', 'Defence', {Nation("FRA")}, {Nation("FRA")}, '2024-01-01', NULL, 'Unclassified', false)",
        "ck_attaches_nations");

    [Fact]
    public Task RefusesAnUnknownClassification() => AssertRefused(
        "INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, is_demo) VALUES ('Talks', 'StaffTalks', 'FaceToFace', '2025-01-01', '', 'Positive', 'TopSecretish', false)",
        "ck_engagements_classification");

    [Fact]
    public Task RefusesAnUnknownEngagementChannel() => AssertRefused(
        "INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, is_demo) VALUES ('Talks', 'StaffTalks', 'CarrierPigeon', '2025-01-01', '', 'Positive', 'Unclassified', false)",
        "ck_engagements_channel");

    [Fact]
    public Task RefusesAnEngagementWithABlankTitle() => AssertRefused(
        "INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, is_demo) VALUES ('   ', 'StaffTalks', 'FaceToFace', '2025-01-01', '', 'Positive', 'Unclassified', false)",
        "ck_engagements_title");

    [Fact]
    public Task RefusesAnExerciseThatEndsBeforeItStarts() => AssertRefused(
        $"INSERT INTO exercises (name, kind, status, host_nation_id, starts_on, ends_on, classification, is_demo) VALUES ('Backwards', 'Field', 'Planning', {Nation("THA")}, '2025-03-07', '2025-02-25', 'Unclassified', false)",
        "ck_exercises_dates");

    [Fact]
    public Task RefusesAnExerciseLedByBothANationAndAnAlliance() => AssertRefused(
        $"INSERT INTO exercises (name, kind, status, host_nation_id, lead_nation_id, lead_alliance_id, starts_on, ends_on, classification, is_demo) VALUES ('Two leads', 'Field', 'Planning', {Nation("POL")}, {Nation("USA")}, {Alliance("NATO")}, '2025-03-01', '2025-03-07', 'Unclassified', false)",
        "ck_exercises_lead");

    [Fact]
    public Task RefusesNegativeCommittedForces() => AssertRefused(
        $"INSERT INTO exercise_participants (exercise_id, nation_id, role, personnel, units, ships, aircraft) VALUES ((SELECT min(id) FROM exercises), {Nation("USA")}, 'Participant', -5, 0, 0, 0)",
        "ck_exercise_participants_forces");

    [Fact]
    public async Task RefusesTheSameMilestoneTwiceForOneExercise()
    {
        await _database.ExecuteAsync(
            "INSERT INTO exercise_milestones (exercise_id, kind, planned_on) VALUES ((SELECT min(id) FROM exercises), 'MainPlanningConference', '2024-09-01')");

        await AssertRefused(
            "INSERT INTO exercise_milestones (exercise_id, kind, planned_on) VALUES ((SELECT min(id) FROM exercises), 'MainPlanningConference', '2024-10-01')",
            "ix_exercise_milestones_exercise_id_kind");
    }

    [Fact]
    public Task RefusesAMissionThatEndsBeforeItStarts() => AssertRefused(
        $"INSERT INTO missions (name, kind, crisis, affected_nation_id, starts_on, ends_on, people_assisted, summary, classification, is_demo) VALUES ('Backwards', 'MedicalAid', 'Epidemic', {Nation("SLE")}, '2015-01-01', '2014-01-01', 0, '', 'Unclassified', false)",
        "ck_missions_dates");

    [Fact]
    public Task RefusesANegativeNumberOfPeopleAssisted() => AssertRefused(
        $"INSERT INTO missions (name, kind, crisis, affected_nation_id, starts_on, people_assisted, summary, classification, is_demo) VALUES ('Negative', 'MedicalAid', 'Epidemic', {Nation("SLE")}, '2015-01-01', -1, '', 'Unclassified', false)",
        "ck_missions_people_assisted");

    [Fact]
    public Task RefusesNegativeContributions() => AssertRefused(
        $"INSERT INTO mission_contributions (mission_id, nation_id, personnel, aircraft, ships, medical_teams, supplies_tonnes) VALUES ((SELECT min(id) FROM missions), {Nation("JPN")}, 10, 1, 0, 1, -2.5)",
        "ck_mission_contributions_amounts");

    [Fact]
    public Task RefusesAnAssessmentOfTwoSubjectsAtOnce() => AssertRefused(
        "INSERT INTO assessments (engagement_id, exercise_id, assessed_on, assessed_by, evidence, classification, is_demo) VALUES ((SELECT min(id) FROM engagements), (SELECT min(id) FROM exercises), '2025-04-01', 'Analyst', '', 'Unclassified', false)",
        "ck_assessments_subject");

    [Fact]
    public Task RefusesAnAssessmentOfNothing() => AssertRefused(
        "INSERT INTO assessments (assessed_on, assessed_by, evidence, classification, is_demo) VALUES ('2025-04-01', 'Analyst', '', 'Unclassified', false)",
        "ck_assessments_subject");

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public Task RefusesAnIndicatorScoreOutsideOneToFive(int score) => AssertRefused(
        $"INSERT INTO indicator_scores (assessment_id, indicator, score) VALUES ((SELECT min(id) FROM assessments), 'Goodwill', {score})",
        "ck_indicator_scores_score");

    [Fact]
    public Task RefusesToDeleteANationThatRecordsStillName() => AssertRefused(
        "DELETE FROM nations WHERE code = 'THA'",
        "fk_exercises_nations_host_nation_id");

    [Fact]
    public async Task RefusesAStaleEditOfARecordSomeoneElseChanged()
    {
        await using var mine = _database.CreateContext();
        await using var theirs = _database.CreateContext();
        var myCopy = await mine.Engagements.OrderBy(e => e.Id).FirstAsync();
        var theirCopy = await theirs.Engagements.OrderBy(e => e.Id).FirstAsync();

        theirCopy.Outcome = EngagementOutcome.Negative;
        await theirs.SaveChangesAsync();

        myCopy.Outcome = EngagementOutcome.Neutral;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => mine.SaveChangesAsync());

        await using var check = _database.CreateContext();
        Assert.Equal(EngagementOutcome.Negative, (await check.Engagements.OrderBy(e => e.Id).FirstAsync()).Outcome);
    }

    private const string AttacheInsert =
        "INSERT INTO attaches (full_name, rank, service, post, sending_nation_id, host_nation_id, posted_from, posted_until, classification, is_demo)";

    private static string MembershipInsert(string alliance, string nation) =>
        $"INSERT INTO alliance_memberships (alliance_id, nation_id, role, joined_on, left_on) /* {alliance} {nation} */";

    private static string Nation(string code) => $"(SELECT id FROM nations WHERE code = '{code}')";

    private static string Alliance(string acronym) => $"(SELECT id FROM alliances WHERE acronym = '{acronym}')";

    private async Task AssertRefused(string sql, string constraint)
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => _database.ExecuteAsync(sql));
        Assert.Equal(constraint, error.ConstraintName);
    }
}
