using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using DiploPortal.Core.Common;
using DiploPortal.Core.Feeds;
using DiploPortal.Core.Security;
using DiploPortal.Web.Accounts;
using DiploPortal.Web.Feeds;
using DiploPortal.Web.Tests.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace DiploPortal.Web.Tests.Feeds;

/// <summary>
/// The per-exercise .ics files and the subscription feeds, read back by ical.js (an independent parser): all-day
/// events with an exclusive end, stable UIDs, milestones as events, DTSTAMP in UTC and no time zone needed; a feed
/// holds only what its owner may see at the time of the poll; revoked and unknown tokens answer 404.
/// </summary>
public class CalendarFilesParsedByIcalJs(AccountsPortal portal) : IClassFixture<AccountsPortal>, IAsyncLifetime
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public async Task InitializeAsync() => await portal.Database.ExecuteAsync("""
        INSERT INTO exercises (name, series_name, kind, status, host_nation_id, location, starts_on, ends_on, classification, releasable_to_alliances, is_demo)
        SELECT t.name, t.series, t.kind, t.status, (SELECT id FROM nations WHERE code = t.host), t.place, current_date + t.offset_days, current_date + t.offset_days + 9, t.marking, '{}'::text[], false
        FROM (VALUES
            ('Exercise Northern Lantern', 'Lantern', 'Field', 'Planning', 'FRA', 'Camp de Mailly', 30, 'Unclassified'),
            ('Exercise Quiet Harbour', NULL, 'Naval', 'Approved', 'FRA', 'Toulon', 60, 'Secret'),
            ('Exercise Restricted Dune', NULL, 'Air', 'Proposed', 'FRA', NULL, 90, 'Restricted'),
            ('Exercise Long Ago', NULL, 'Field', 'Completed', 'FRA', NULL, -800, 'Unclassified'),
            ('Exercise Elsewhere', NULL, 'Field', 'Planning', 'NOR', NULL, 40, 'Unclassified')
        ) AS t(name, series, kind, status, host, place, offset_days, marking)
        WHERE NOT EXISTS (SELECT 1 FROM exercises);
        INSERT INTO exercise_participants (exercise_id, nation_id, role, personnel, units, ships, aircraft)
        SELECT e.id, e.host_nation_id, 'Host', 300, 1, 0, 0 FROM exercises e
        ON CONFLICT DO NOTHING;
        INSERT INTO exercise_participants (exercise_id, nation_id, role, personnel, units, ships, aircraft)
        SELECT e.id, (SELECT id FROM nations WHERE code = 'DEU'), 'Participant', 120, 1, 0, 0 FROM exercises e WHERE e.name = 'Exercise Northern Lantern'
        ON CONFLICT DO NOTHING;
        INSERT INTO exercise_milestones (exercise_id, kind, planned_on)
        SELECT e.id, m.kind, e.starts_on - m.before_days FROM exercises e, (VALUES ('MainPlanningConference', 20), ('FinalPlanningConference', 7)) AS m(kind, before_days)
        WHERE e.name = 'Exercise Northern Lantern' AND NOT EXISTS (SELECT 1 FROM exercise_milestones);
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task WritesAnExerciseAsAllDayEventsWithItsMilestones()
    {
        var id = await IdOfAsync("Exercise Northern Lantern");
        using var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, "planner");

        using var response = await client.GetAsync(new Uri($"/exercises/{id}.ics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        var calendar = await IcalJs.ParseAsync(text);
        var again = await IcalJs.ParseAsync(await client.GetStringAsync(new Uri($"/exercises/{id}.ics", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("2.0", calendar.Version);
        Assert.Equal(0, calendar.Timezones);
        Assert.Equal(3, calendar.Events.Count);
        var exercise = Assert.Single(calendar.Events, e => e.Uid == $"exercise-{id}@diploportal");
        Assert.Equal("Exercise Northern Lantern", exercise.Summary);
        Assert.True(exercise.Start.IsDate);
        Assert.True(exercise.End.IsDate);
        Assert.Equal(Day(Today.AddDays(30)), exercise.Start.Value);
        // Ten days, the last one 39 days from now: the end is the day after it (RFC 5545's exclusive end).
        Assert.Equal(Day(Today.AddDays(40)), exercise.End.Value);
        Assert.Equal("Camp de Mailly, France", exercise.Location);
        Assert.Contains("Participants: France, Germany", exercise.Description, StringComparison.Ordinal);
        Assert.Contains("Host: France", exercise.Description, StringComparison.Ordinal);
        Assert.Contains("Field exercise, planning", exercise.Description, StringComparison.Ordinal);
        Assert.EndsWith($"/exercises/{id}", exercise.Url, StringComparison.Ordinal);
        Assert.NotNull(exercise.Dtstamp);
        Assert.True(exercise.Dtstamp.Utc);
        Assert.False(exercise.Dtstamp.IsDate);
        Assert.True(exercise.LastModified?.Utc);
        var conference = Assert.Single(calendar.Events, e => e.Summary == "Main planning conference: Exercise Northern Lantern");
        Assert.True(conference.Start.IsDate);
        Assert.Equal(Day(Today.AddDays(10)), conference.Start.Value);
        Assert.Equal(Day(Today.AddDays(11)), conference.End.Value);
        Assert.Contains(calendar.Events, e => e.Summary == "Final planning conference: Exercise Northern Lantern" && e.Start.Value == Day(Today.AddDays(23)));
        // The same exercise keeps the same UIDs, so a calendar program updates rather than duplicates.
        Assert.Equal(calendar.Events.Select(e => e.Uid).Order(StringComparer.Ordinal), again.Events.Select(e => e.Uid).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task MarksAClassifiedExerciseAndRefusesItToWhoMayNotSeeIt()
    {
        var id = await IdOfAsync("Exercise Quiet Harbour");
        using var cleared = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(cleared, "analyst");
        using var restricted = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(restricted, "analyst-restricted");

        var calendar = await IcalJs.ParseAsync(await cleared.GetStringAsync(new Uri($"/exercises/{id}.ics", UriKind.Relative)));
        using var refused = await restricted.GetAsync(new Uri($"/exercises/{id}.ics", UriKind.Relative));

        var exercise = Assert.Single(calendar.Events);
        Assert.Equal("(SECRET) Exercise Quiet Harbour", exercise.Summary);
        Assert.StartsWith("Classification: SECRET", exercise.Description, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("Quiet Harbour", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersTheApiCalendarAddressWithABearerToken()
    {
        var visible = await IdOfAsync("Exercise Restricted Dune");
        var hidden = await IdOfAsync("Exercise Quiet Harbour");
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiTokens.IssueAsync(client, "analyst-restricted"));

        using var file = await client.GetAsync(new Uri($"/api/exercises/{visible}.ics", UriKind.Relative));
        using var refused = await client.GetAsync(new Uri($"/api/exercises/{hidden}.ics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        var calendar = await IcalJs.ParseAsync(await file.Content.ReadAsStringAsync());
        Assert.Equal("(RESTRICTED) Exercise Restricted Dune", Assert.Single(calendar.Events).Summary);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task FeedHoldsOnlyWhatItsOwnerMaySeeInTheWindow()
    {
        var owner = await portal.CreateAccountAsync(PortalRole.Planner, Classification.Restricted, "FRA");
        var feed = await CreateFeedAsync(owner, new FeedScope(FeedScopeKind.Nation, "FRA"), "France's exercises");
        using var anonymous = portal.CreateClient();

        using var response = await anonymous.GetAsync(new Uri(feed.Path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var calendar = await IcalJs.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("France's exercises", calendar.Name);
        Assert.Contains("at most 2000", calendar.Description, StringComparison.Ordinal);
        var summaries = calendar.Events.Select(e => e.Summary).ToList();
        Assert.Contains("Exercise Northern Lantern", summaries);
        Assert.Contains("(RESTRICTED) Exercise Restricted Dune", summaries);
        Assert.Contains("Main planning conference: Exercise Northern Lantern", summaries);
        Assert.DoesNotContain(summaries, s => s!.Contains("Quiet Harbour", StringComparison.Ordinal));
        Assert.DoesNotContain(summaries, s => s!.Contains("Long Ago", StringComparison.Ordinal));
        Assert.DoesNotContain(summaries, s => s!.Contains("Elsewhere", StringComparison.Ordinal));
        Assert.All(calendar.Events, e => Assert.True(e.Start.IsDate && e.End.IsDate));
        Assert.All(calendar.Events, e => Assert.True(e.Dtstamp?.Utc));
    }

    [Fact]
    public async Task FeedFollowsTheOwnersClearanceAtEachPoll()
    {
        var owner = await portal.CreateAccountAsync(PortalRole.Planner, Classification.Secret, "FRA");
        var feed = await CreateFeedAsync(owner, new FeedScope(FeedScopeKind.Nation, "FRA"), "France");
        using var anonymous = portal.CreateClient();

        var before = await IcalJs.ParseAsync(await anonymous.GetStringAsync(new Uri(feed.Path, UriKind.Relative)));
        await portal.Database.ExecuteAsync($"UPDATE users SET clearance = 'Restricted' WHERE id = {owner.Id}");
        var after = await IcalJs.ParseAsync(await anonymous.GetStringAsync(new Uri(feed.Path, UriKind.Relative)));

        Assert.Contains(before.Events, e => e.Summary == "(SECRET) Exercise Quiet Harbour");
        Assert.DoesNotContain(after.Events, e => e.Summary!.Contains("Quiet Harbour", StringComparison.Ordinal));
        Assert.Contains(after.Events, e => e.Summary == "Exercise Northern Lantern");
    }

    [Fact]
    public async Task FeedOfATimelineViewSelectsAsTheTimelineDoes()
    {
        var owner = await portal.CreateAccountAsync(PortalRole.Planner, Classification.Secret, "FRA");
        var scope = FeedScope.Read(null, null, "?kind=Field&series=lantern", [], out var problem);
        Assert.Null(problem);
        var feed = await CreateFeedAsync(owner, scope!, "Lantern field exercises");
        using var anonymous = portal.CreateClient();

        var calendar = await IcalJs.ParseAsync(await anonymous.GetStringAsync(new Uri(feed.Path, UriKind.Relative)));

        // Milestones are named "Kind: exercise"; the exercises themselves are the rest.
        Assert.Equal(["Exercise Northern Lantern"], calendar.Events.Where(e => !e.Summary!.Contains(':', StringComparison.Ordinal)).Select(e => e.Summary));
        Assert.Equal("/exercises/timeline?series=lantern&kind=Field", scope!.TimelineAddress);
    }

    [Fact]
    public async Task RevokedUnknownAndLockedFeedsAnswerTheSame404()
    {
        var owner = await portal.CreateAccountAsync(PortalRole.Planner, Classification.Secret, "FRA");
        var revoked = await CreateFeedAsync(owner, new FeedScope(FeedScopeKind.Nation, "FRA"), "Soon revoked");
        var lockedOwner = await portal.CreateAccountAsync(PortalRole.Planner, Classification.Secret, "FRA");
        var locked = await CreateFeedAsync(lockedOwner, new FeedScope(FeedScopeKind.Alliance, "NATO"), "Locked owner's");
        using var anonymous = portal.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(revoked.Path, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(locked.Path, UriKind.Relative))).StatusCode);

        using (var scope = portal.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<PortalUserState>().ActAsSystem();
            Assert.True(await scope.ServiceProvider.GetRequiredService<CalendarFeeds>().RevokeAsync(owner.Id, revoked.Id));
        }

        await portal.Database.ExecuteAsync($"UPDATE users SET lockout_enabled = true, lockout_end = 'infinity' WHERE id = {lockedOwner.Id}");
        using var afterRevoke = await anonymous.GetAsync(new Uri(revoked.Path, UriKind.Relative));
        using var afterLock = await anonymous.GetAsync(new Uri(locked.Path, UriKind.Relative));
        using var unknown = await anonymous.GetAsync(new Uri(CalendarFeeds.PathOf(CalendarFeeds.TokenPrefix + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), UriKind.Relative));
        using var notAToken = await anonymous.GetAsync(new Uri("/feeds/whatever.ics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, afterRevoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterLock.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notAToken.StatusCode);
        Assert.Equal(await afterRevoke.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        // Revocation is audited; the token's hash never enters the trail.
        Assert.True(await portal.Database.ScalarAsync<long>($"SELECT count(*) FROM audit_entries WHERE entity_type = 'FeedSubscription' AND action = 'Updated' AND entity_key = '{revoked.Id}'") >= 1);
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE entity_type = 'FeedSubscription' AND (after::text LIKE '%token_hash%' OR after::text LIKE '%TokenHash%')"));
    }

    [Theory]
    [InlineData("FR", null, null, true)]
    [InlineData("SUHH", null, null, true)]
    [InlineData("XXX", null, null, false)]
    [InlineData(null, "nato", null, true)]
    [InlineData(null, "NOPE", null, false)]
    [InlineData(null, null, "kind=Sleeping", false)]
    [InlineData("FRA", "NATO", null, false)]
    public void ReadsAScopeOrSaysWhyNot(string? nation, string? alliance, string? view, bool read)
    {
        var scope = FeedScope.Read(nation, alliance, view, ["NATO", "EU"], out var problem);

        Assert.Equal(read, scope is not null);
        Assert.Equal(read, problem is null);
    }

    private async Task<NewCalendarFeed> CreateFeedAsync(PortalUser owner, FeedScope scope, string name)
    {
        using var serviceScope = portal.Services.CreateScope();
        serviceScope.ServiceProvider.GetRequiredService<PortalUserState>().ActAsSystem();
        return await serviceScope.ServiceProvider.GetRequiredService<CalendarFeeds>().CreateAsync(owner.Id, name, scope);
    }

    private async Task<int> IdOfAsync(string name) =>
        await portal.Database.ScalarAsync<int>($"SELECT id FROM exercises WHERE name = '{name.Replace("'", "''", StringComparison.Ordinal)}'");

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
