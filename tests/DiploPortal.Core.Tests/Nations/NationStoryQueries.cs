using DiploPortal.Core.Common;
using DiploPortal.Core.Engagements;
using DiploPortal.Core.Exercises;
using DiploPortal.Core.Nations;
using DiploPortal.Core.Security;
using DiploPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using StoryQueries = DiploPortal.Core.Nations.NationStoryQueries;

namespace DiploPortal.Core.Tests.Nations;

/// <summary>
/// The nation page's story against a real database: every section, the timeline's order and paging
/// across record kinds, the bounds, and that nothing the user may not see shows anywhere.
/// </summary>
public class NationStoryQueries : IAsyncLifetime
{
    private static readonly CurrentUser RestrictedFrench = new("analyst-restricted", Classification.Restricted, "FRA", ["NATO"]);
    private static readonly DateOnly Today = new(2025, 6, 30);

    // Records a Restricted French analyst may not see: Secret, or released only to Five Eyes or to the United States.
    private static readonly string[] HiddenTitles =
    [
        "Secret talks", "Five Eyes call", "US only talks",
        "Col. Hidden Secret", "Col. Hidden Caveat",
        "Exercise Secret", "Exercise Five Eyes",
        "Mission Secret", "Mission US only",
    ];

    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateWithReferenceDataAsync();
        await _database.ExecuteAsync("""
            CREATE FUNCTION pg_temp.n(text) RETURNS int LANGUAGE sql AS $$ SELECT id FROM nations WHERE code = $1 $$;

            INSERT INTO engagements (title, kind, channel, occurred_on, host_nation_id, summary, outcome, classification, releasable_to_nations, releasable_to_alliances, is_demo) VALUES
              ('Paris staff talks', 'StaffTalks', 'FaceToFace', '2025-06-01', pg_temp.n('FRA'), '', 'Positive', 'Unclassified', '{}', '{}', false),
              ('Washington dialogue', 'BilateralDialogue', 'FaceToFace', '2025-06-01', pg_temp.n('USA'), '', 'Positive', 'Restricted', '{}', '{}', false),
              ('Hosted summit', 'Conference', 'FaceToFace', '2025-05-15', pg_temp.n('FRA'), '', 'Positive', 'Unclassified', '{}', '{}', false),
              ('Secret talks', 'StaffTalks', 'SecureDigitalPlatform', '2025-05-20', NULL, '', 'Pending', 'Secret', '{}', '{}', false),
              ('Five Eyes call', 'CrisisHotlineCall', 'Hotline', '2025-05-21', NULL, '', 'Pending', 'Restricted', '{}', '{FVEY}', false),
              ('US only talks', 'StaffTalks', 'Teleconference', '2025-05-22', NULL, '', 'Pending', 'Restricted', '{USA}', '{}', false),
              ('Planned talks', 'StaffTalks', 'Teleconference', '2025-07-15', NULL, '', 'Pending', 'Unclassified', '{}', '{}', false);
            -- Seventy routine engagements, two a week from 6 January 2023 to 1 September 2023 (ties on every day).
            INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, is_demo)
            SELECT 'Routine talks ' || lpad(i::text, 2, '0'),
                   (ARRAY['StaffTalks', 'BilateralDialogue', 'PortVisit'])[1 + i % 3],
                   'Teleconference', DATE '2023-01-06' + (i / 2) * 7, '', 'Neutral', 'Unclassified', false
            FROM generate_series(0, 69) AS i;

            INSERT INTO engagement_participants (engagement_id, nation_id, is_lead)
            SELECT id, pg_temp.n('FRA'), title = 'Paris staff talks' FROM engagements WHERE title <> 'Hosted summit';
            INSERT INTO engagement_participants (engagement_id, nation_id, is_lead)
            SELECT id, pg_temp.n('USA'), title <> 'Paris staff talks' FROM engagements;
            -- France hosted this one without taking part.
            INSERT INTO engagement_participants (engagement_id, nation_id, is_lead)
            SELECT id, pg_temp.n('DEU'), false FROM engagements WHERE title = 'Hosted summit';

            INSERT INTO attaches (full_name, rank, service, post, sending_nation_id, host_nation_id, posted_from, posted_until, classification, releasable_to_nations, is_demo) VALUES
              ('Col. Dupont', 'Colonel', 'Army', 'Defence', pg_temp.n('FRA'), pg_temp.n('USA'), '2023-09-01', NULL, 'Unclassified', '{}', false),
              ('Col. Smith', 'Colonel', 'Navy', 'Naval', pg_temp.n('USA'), pg_temp.n('FRA'), '2022-08-01', '2025-05-31', 'Restricted', '{}', false),
              ('Col. Hidden Secret', 'Colonel', 'Army', 'Defence', pg_temp.n('FRA'), pg_temp.n('DEU'), '2024-02-01', NULL, 'Secret', '{}', false),
              ('Col. Hidden Caveat', 'Colonel', 'Army', 'Defence', pg_temp.n('DEU'), pg_temp.n('FRA'), '2024-03-01', '2025-01-31', 'Restricted', '{USA}', false);

            INSERT INTO exercises (name, kind, status, host_nation_id, lead_nation_id, starts_on, ends_on, classification, releasable_to_alliances, is_demo) VALUES
              ('Atlantic Shield', 'Naval', 'Completed', pg_temp.n('FRA'), pg_temp.n('FRA'), '2025-06-01', '2025-06-10', 'Unclassified', '{}', false),
              ('Pacific Dawn', 'Field', 'Completed', pg_temp.n('JPN'), NULL, '2025-03-01', '2025-03-05', 'Unclassified', '{}', false),
              ('Led From Afar', 'CommandPost', 'Completed', pg_temp.n('USA'), pg_temp.n('FRA'), '2024-11-01', '2024-11-03', 'Restricted', '{}', false),
              ('Autumn Resolve', 'Field', 'Approved', pg_temp.n('DEU'), NULL, '2025-09-01', '2025-09-12', 'Unclassified', '{}', false),
              ('Exercise Secret', 'Cyber', 'Completed', pg_temp.n('DEU'), NULL, '2025-04-01', '2025-04-02', 'Secret', '{}', false),
              ('Exercise Five Eyes', 'Air', 'Completed', pg_temp.n('GBR'), NULL, '2025-04-03', '2025-04-04', 'Restricted', '{FVEY}', false);
            INSERT INTO exercise_participants (exercise_id, nation_id, role, personnel, units, ships, aircraft)
            SELECT id, pg_temp.n('FRA'), CASE name WHEN 'Atlantic Shield' THEN 'Host' WHEN 'Pacific Dawn' THEN 'Observer' ELSE 'Participant' END, 100, 1, 0, 0
            FROM exercises WHERE name <> 'Led From Afar';
            INSERT INTO exercise_participants (exercise_id, nation_id, role, personnel, units, ships, aircraft)
            SELECT id, pg_temp.n('USA'), 'Participant', 200, 2, 1, 1 FROM exercises;

            INSERT INTO missions (name, kind, crisis, affected_nation_id, starts_on, ends_on, people_assisted, summary, classification, releasable_to_nations, is_demo) VALUES
              ('Flood relief', 'DisasterRelief', 'Flood', pg_temp.n('FRA'), '2025-04-01', '2025-04-20', 1200, '', 'Unclassified', '{}', false),
              ('Quake aid', 'MedicalAid', 'Earthquake', pg_temp.n('JPN'), '2025-02-01', NULL, 5000, '', 'Unclassified', '{}', false),
              ('Mission Secret', 'MedicalAid', 'Epidemic', pg_temp.n('FRA'), '2025-03-10', NULL, 10, '', 'Secret', '{}', false),
              ('Mission US only', 'LogisticalSupport', 'Conflict', pg_temp.n('JPN'), '2025-03-11', NULL, 10, '', 'Restricted', '{USA}', false);
            INSERT INTO mission_contributions (mission_id, nation_id, personnel, aircraft, ships, medical_teams, supplies_tonnes)
            SELECT id, pg_temp.n('USA'), 100, 1, 0, 1, 10 FROM missions WHERE name = 'Flood relief';
            INSERT INTO mission_contributions (mission_id, nation_id, personnel, aircraft, ships, medical_teams, supplies_tonnes)
            SELECT id, pg_temp.n('FRA'), 50, 0, 1, 2, 5 FROM missions WHERE name IN ('Quake aid', 'Mission US only');
            """);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task TellsAttachesSentAndReceivedWithTheOtherNationAndWhoServesNow()
    {
        var story = await StoryAsync("FRA");

        var sent = Assert.Single(story.Sent.Newest);
        Assert.Equal(("Colonel", "Col. Dupont", "USA", "United States"), (sent.Rank, sent.FullName, sent.OtherNationCode, sent.OtherNationName));
        Assert.Equal((new DateOnly(2023, 9, 1), (DateOnly?)null), (sent.PostedFrom, sent.PostedUntil));
        Assert.Equal((1, 1), (story.Sent.Count.Value, story.Sent.Serving.Value));

        var received = Assert.Single(story.Received.Newest);
        Assert.Equal(("Col. Smith", "USA", Classification.Restricted), (received.FullName, received.OtherNationCode, received.Classification));
        Assert.Equal((1, 0), (story.Received.Count.Value, story.Received.Serving.Value));
    }

    [Fact]
    public async Task TellsExercisesHostedLedOrTakenPartInWithThePartAndTheNextOnes()
    {
        var story = await StoryAsync("FRA");

        Assert.Equal(4, story.Exercises.Count.Value);
        var next = Assert.Single(story.Exercises.Upcoming);
        Assert.Equal(("Autumn Resolve", NationPart.Participant, "DEU"), (next.Name, next.Part, next.HostNationCode));
        Assert.Equal(
            [("Atlantic Shield", NationPart.Host), ("Pacific Dawn", NationPart.Observer), ("Led From Afar", NationPart.Lead)],
            story.Exercises.Recent.Select(e => (e.Name, e.Part)));
        Assert.Equal(ExerciseStatus.Completed, story.Exercises.Recent[0].Status);
    }

    [Fact]
    public async Task TellsMissionsForTheNationsCrisesAndThoseItContributedTo()
    {
        var story = await StoryAsync("FRA");

        Assert.Equal(["Flood relief"], story.Missions.Affecting.Select(m => m.Name));
        Assert.Equal(1, story.Missions.AffectingCount.Value);
        var contributed = Assert.Single(story.Missions.Contributed);
        Assert.Equal(("Quake aid", "JPN", NationPart.Contributor), (contributed.Name, contributed.AffectedNationCode, contributed.Part));
        Assert.Equal(1, story.Missions.ContributedCount.Value);
    }

    [Fact]
    public async Task CountsEngagementsTakenPartInOrHostedByKind()
    {
        var story = await StoryAsync("FRA");

        // 70 routine talks, Paris, Washington, the hosted summit and the planned talks.
        Assert.Equal(new CappedCount(74, false), story.Engagements.Total);
        Assert.Null(story.Engagements.CountedSince);
        var byKind = story.Engagements.ByKind.ToDictionary(k => k.Kind, k => k.Count);
        Assert.Equal(24 + 1 + 1, byKind[EngagementKind.StaffTalks]);
        Assert.Equal(23 + 1, byKind[EngagementKind.BilateralDialogue]);
        Assert.Equal(23, byKind[EngagementKind.PortVisit]);
        Assert.Equal(1, byKind[EngagementKind.Conference]);
        Assert.Equal(74, story.Engagements.ByKind.Sum(k => k.Count));
    }

    [Fact]
    public async Task CountsEngagementsByKindOverTheNewestWindowWhenThereAreMore()
    {
        await _database.ExecuteAsync($"""
            INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, is_demo)
            SELECT 'Bulk ' || i, CASE WHEN i % 2 = 0 THEN 'StaffTalks' ELSE 'PortVisit' END, 'Teleconference',
                   DATE '2020-01-01' + i, '', 'Neutral', 'Unclassified', false
            FROM generate_series(1, {StoryQueries.EngagementWindow + 10}) AS i;
            INSERT INTO engagement_participants (engagement_id, nation_id, is_lead)
            SELECT id, (SELECT id FROM nations WHERE code = 'CAN'), true FROM engagements WHERE title LIKE 'Bulk %';
            """);

        var story = await StoryAsync("CAN");

        Assert.Equal(new CappedCount(StoryQueries.EngagementWindow, true), story.Engagements.Total);
        Assert.Equal($"{StoryQueries.EngagementWindow}+", story.Engagements.Total.Text);
        Assert.Equal(StoryQueries.EngagementWindow, story.Engagements.ByKind.Sum(k => k.Count));
        // The newest of days 1 .. window + 10 after 1 January 2020 start on day 11.
        Assert.Equal(new DateOnly(2020, 1, 1).AddDays(11), story.Engagements.CountedSince);
    }

    [Fact]
    public async Task StopsCountingAtTheCap()
    {
        await _database.ExecuteAsync($"""
            INSERT INTO attaches (full_name, rank, service, post, sending_nation_id, host_nation_id, posted_from, classification, is_demo)
            SELECT 'Officer ' || i, 'Major', 'Army', 'Assistant', (SELECT id FROM nations WHERE code = 'ITA'), (SELECT id FROM nations WHERE code = 'ESP'),
                   DATE '2010-01-01' + i, 'Unclassified', false
            FROM generate_series(1, {StoryQueries.CountCap + 5}) AS i;
            -- Half hosted, half taken part in: neither source alone passes the cap, the two together do.
            INSERT INTO exercises (name, kind, status, host_nation_id, starts_on, ends_on, classification, is_demo)
            SELECT 'Drill ' || i, 'Field', 'Completed', (SELECT id FROM nations WHERE code = CASE WHEN i % 2 = 0 THEN 'ITA' ELSE 'ESP' END),
                   DATE '2015-01-01' + i, DATE '2015-01-01' + i, 'Unclassified', false
            FROM generate_series(1, {StoryQueries.CountCap + 5}) AS i;
            INSERT INTO exercise_participants (exercise_id, nation_id, role, personnel, units, ships, aircraft)
            SELECT id, (SELECT id FROM nations WHERE code = 'ITA'), 'Participant', 1, 1, 0, 0
            FROM exercises WHERE name LIKE 'Drill %' AND host_nation_id = (SELECT id FROM nations WHERE code = 'ESP');
            """);

        var story = await StoryAsync("ITA");

        Assert.Equal(new CappedCount(StoryQueries.CountCap, true), story.Sent.Count);
        Assert.Equal($"{StoryQueries.CountCap}+", story.Sent.Count.Text);
        Assert.Equal(StoryQueries.NewestCount, story.Sent.Newest.Count);
        Assert.Equal("Officer " + (StoryQueries.CountCap + 5), story.Sent.Newest[0].FullName);
        Assert.Equal(new CappedCount(StoryQueries.CountCap, true), story.Exercises.Count);
        Assert.Equal(new CappedCount(0, false), story.Received.Count);
    }

    [Fact]
    public async Task TimelineIsNewestFirstAcrossKindsWithTiesOnOneDayInKindOrder()
    {
        var page = (await StoryAsync("FRA")).Timeline;

        Assert.Equal(StoryQueries.TimelinePageSize, page.Events.Count);
        Assert.NotNull(page.Older);
        Assert.All(page.Events, e => Assert.True(e.On <= Today, $"{e.Title} on {e.On} is after today"));
        Assert.Equal(
            [
                (new DateOnly(2025, 6, 1), NationEventKind.Engagement, "Washington dialogue"),
                (new DateOnly(2025, 6, 1), NationEventKind.Engagement, "Paris staff talks"),
                (new DateOnly(2025, 6, 1), NationEventKind.ExerciseStarted, "Atlantic Shield"),
                (new DateOnly(2025, 5, 31), NationEventKind.AttachePostingEnded, "Colonel Col. Smith"),
                (new DateOnly(2025, 5, 15), NationEventKind.Engagement, "Hosted summit"),
                (new DateOnly(2025, 4, 1), NationEventKind.MissionStarted, "Flood relief"),
                (new DateOnly(2025, 3, 1), NationEventKind.ExerciseStarted, "Pacific Dawn"),
                (new DateOnly(2025, 2, 1), NationEventKind.MissionStarted, "Quake aid"),
                (new DateOnly(2024, 11, 1), NationEventKind.ExerciseStarted, "Led From Afar"),
            ],
            page.Events.Take(9).Select(e => (e.On, e.Kind, e.Title)));
        // The part the nation had, and the other side where there is one.
        Assert.Equal(NationPart.Participant, page.Events[0].Part);
        Assert.Equal("United States", page.Events[0].OtherName);
        // Paris: led and hosted, named once, as host (the first part in NationPart's order).
        Assert.Equal(NationPart.Host, page.Events[1].Part);
        Assert.Equal(NationPart.Host, page.Events[2].Part);
        Assert.Equal((NationPart.Receiver, "USA"), (page.Events[3].Part, page.Events[3].OtherCode));
        Assert.Equal(NationPart.Host, page.Events[4].Part);
        Assert.Equal((NationPart.Contributor, "JPN"), (page.Events[7].Part, page.Events[7].OtherCode));
        Assert.Equal(NationPart.Lead, page.Events[8].Part);
    }

    [Fact]
    public async Task TimelinePagesThroughEveryEventOnceWithoutGapsDownToTheAllianceJoin()
    {
        var queries = QueriesFor(RestrictedFrench);
        var all = (await queries.TimelineAsync("FRA", null, pageSize: 1_000))!.Events;

        var paged = new List<NationEvent>();
        var page = await queries.TimelineAsync("FRA", null, pageSize: 7);
        paged.AddRange(page!.Events);
        while (page.Older is { } older)
        {
            page = await queries.TimelineAsync("FRA", older, pageSize: 7);
            Assert.NotNull(page);
            Assert.InRange(page.Events.Count, 1, 7);
            paged.AddRange(page.Events);
        }

        Assert.Equal(all, paged);
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(all.OrderByDescending(e => e.On).ThenByDescending(e => e.Kind).ThenByDescending(e => e.RecordId), all);
        // 73 engagements up to today (the planned talks are not yet), 4 exercises that started, 2 missions,
        // 2 postings started and 1 ended, and France joining NATO.
        Assert.Equal(73, all.Count(e => e.Kind == NationEventKind.Engagement));
        Assert.Equal(3, all.Count(e => e.Kind == NationEventKind.ExerciseStarted));
        Assert.Equal(2, all.Count(e => e.Kind == NationEventKind.MissionStarted));
        Assert.Equal(2, all.Count(e => e.Kind == NationEventKind.AttachePostingStarted));
        Assert.Equal(1, all.Count(e => e.Kind == NationEventKind.AttachePostingEnded));
        var joined = Assert.Single(all, e => e.Kind == NationEventKind.AllianceJoined);
        Assert.Equal((new DateOnly(1949, 8, 24), "NATO"), (joined.On, joined.OtherCode));
        Assert.Same(joined, all[^1]);
        // An engagement and an attaché's posting on 1 September 2023: the engagements come first.
        Assert.Equal(
            [NationEventKind.Engagement, NationEventKind.Engagement, NationEventKind.AttachePostingStarted],
            all.Where(e => e.On == new DateOnly(2023, 9, 1)).Select(e => e.Kind));
    }

    [Fact]
    public async Task LeavesOutEveryRecordTheUserMayNotSeeFromEverySectionCountAndTheTimeline()
    {
        var story = await StoryAsync("FRA");
        var timeline = (await QueriesFor(RestrictedFrench).TimelineAsync("FRA", null, pageSize: 1_000))!.Events;

        var shown = story.Sent.Newest.Concat(story.Received.Newest).Select(a => a.FullName)
            .Concat(story.Exercises.Upcoming.Concat(story.Exercises.Recent).Select(e => e.Name))
            .Concat(story.Missions.Affecting.Concat(story.Missions.Contributed).Select(m => m.Name))
            .Concat(timeline.Select(e => e.Title))
            .ToList();
        foreach (var hidden in HiddenTitles)
        {
            Assert.DoesNotContain(shown, title => title.Contains(hidden, StringComparison.Ordinal));
        }

        Assert.Equal((1, 1, 4, 1, 1, 74), (story.Sent.Count.Value, story.Received.Count.Value, story.Exercises.Count.Value,
            story.Missions.AffectingCount.Value, story.Missions.ContributedCount.Value, story.Engagements.Total.Value));
        Assert.DoesNotContain(story.Engagements.ByKind, k => k.Kind == EngagementKind.CrisisHotlineCall);

        // The hidden records are there: someone cleared for everything sees them in each count.
        var all = await new StoryQueries(_database.Factory, new FixedClock(Today)).StoryAsync("FRA");
        Assert.Equal((2, 2, 6, 2, 2, 77), (all!.Sent.Count.Value, all.Received.Count.Value, all.Exercises.Count.Value,
            all.Missions.AffectingCount.Value, all.Missions.ContributedCount.Value, all.Engagements.Total.Value));
        var everything = (await new StoryQueries(_database.Factory, new FixedClock(Today)).TimelineAsync("FRA", null, pageSize: 1_000))!.Events;
        Assert.Contains(everything, e => e.Title == "Secret talks");
        Assert.Contains(everything, e => e.Title == "Colonel Col. Hidden Caveat");
    }

    [Fact]
    public async Task AnEngagementMovedToAnotherDayMovesOnTheTimeline()
    {
        await using (var db = _database.CreateContext())
        {
            var paris = await db.Engagements.SingleAsync(e => e.Title == "Paris staff talks");
            paris.OccurredOn = new DateOnly(2025, 6, 20);
            await db.SaveChangesAsync();
        }

        var first = (await StoryAsync("FRA")).Timeline.Events[0];

        Assert.Equal(("Paris staff talks", new DateOnly(2025, 6, 20)), (first.Title, first.On));
    }

    [Fact]
    public async Task AnExerciseOrMissionMovedToAnotherDayMovesOnTheTimelineAndInItsSection()
    {
        await using (var db = _database.CreateContext())
        {
            var exercise = await db.Exercises.SingleAsync(e => e.Name == "Pacific Dawn");
            exercise.StartsOn = new DateOnly(2025, 6, 25);
            exercise.EndsOn = new DateOnly(2025, 6, 28);
            var mission = await db.Missions.SingleAsync(m => m.Name == "Quake aid");
            mission.StartsOn = new DateOnly(2025, 6, 26);
            await db.SaveChangesAsync();
        }

        var story = await StoryAsync("FRA");

        Assert.Equal(
            [("Quake aid", new DateOnly(2025, 6, 26)), ("Pacific Dawn", new DateOnly(2025, 6, 25))],
            story.Timeline.Events.Take(2).Select(e => (e.Title, e.On)));
        Assert.Equal("Pacific Dawn", story.Exercises.Recent[0].Name);
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("MjAyNS0wNi0wMS9Ob3Bl.12")]
    public async Task StartsTheTimelineAtTheTopForACursorItCannotRead(string text)
    {
        var queries = QueriesFor(RestrictedFrench);
        var top = await queries.TimelineAsync("FRA", null, pageSize: 5);

        var page = await queries.TimelineAsync("FRA", Cursor.Parse(text), pageSize: 5);

        Assert.Equal(top!.Events, page!.Events);
    }

    [Fact]
    public async Task FindsNoStoryForANationThatDoesNotExist()
    {
        Assert.Null(await QueriesFor(RestrictedFrench).StoryAsync("XXX"));
        Assert.Null(await QueriesFor(RestrictedFrench).TimelineAsync("XXX", null));
    }

    [Fact]
    public async Task FindsTheNationByItsAlphaTwoCodeAsThePageDoes()
    {
        var story = await QueriesFor(RestrictedFrench).StoryAsync("fr");

        Assert.Equal("FRA", story!.Details.Nation.Code);
    }

    private async Task<NationStory> StoryAsync(string code) =>
        await QueriesFor(RestrictedFrench).StoryAsync(code) ?? throw new InvalidOperationException($"No nation {code}.");

    private StoryQueries QueriesFor(CurrentUser user) => new(_database.FactoryFor(user), new FixedClock(Today));

    /// <summary>A clock at noon UTC on one day, so that "today" and "upcoming" do not move with the calendar.</summary>
    private sealed class FixedClock(DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
    }
}
