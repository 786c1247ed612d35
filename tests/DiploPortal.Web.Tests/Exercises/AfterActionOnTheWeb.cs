using System.Net;
using DiploPortal.Web.Tests.Accounts;

namespace DiploPortal.Web.Tests.Exercises;

/// <summary>
/// The after-action section, its editor and the lessons-by-series page for signed-in users: only planners reach the
/// editor, and the observations of a Secret exercise are absent for a Restricted reader on every page.
/// </summary>
public class AfterActionOnTheWeb(AccountsPortal portal) : IClassFixture<AccountsPortal>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.Database.ExecuteAsync("""
        INSERT INTO exercises (name, series_name, kind, status, host_nation_id, starts_on, ends_on, classification, is_demo)
        SELECT t.name, 'Arctic Owl', 'Field', 'Completed', (SELECT id FROM nations WHERE code = 'NOR'), t.day, t.day + 9, t.marking, false
        FROM (VALUES
            ('Arctic Owl 2023', DATE '2023-02-01', 'Restricted'),
            ('Arctic Owl 2024', DATE '2024-02-01', 'Secret')
        ) AS t(name, day, marking)
        WHERE NOT EXISTS (SELECT 1 FROM exercises WHERE series_name = 'Arctic Owl');
        INSERT INTO exercise_observations (exercise_id, observation, lesson, recommendation, recorded_on)
        SELECT e.id, t.observation, t.lesson, t.recommendation, e.ends_on + 3
        FROM exercises e JOIN (VALUES
            ('Arctic Owl 2023', 'Tents froze to the ground', 'Carry ground sheets', 'Issue sheets with the kit list'),
            ('Arctic Owl 2024', 'Sonar picked up the visiting submarine', 'Share sonar pictures', 'Agree a sonar exchange')
        ) AS t(name, observation, lesson, recommendation) ON t.name = e.name
        WHERE NOT EXISTS (SELECT 1 FROM exercise_observations);
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("planner", true)]
    [InlineData("staff", false)]
    [InlineData("analyst", false)]
    public async Task OpensTheObservationEditorToPlannersOnly(string userName, bool allowed)
    {
        using var client = await SignedInAsync(userName);
        var exercise = await IdOfAsync("Arctic Owl 2023");
        var observation = await portal.Database.ScalarAsync<int>($"SELECT id FROM exercise_observations WHERE exercise_id = {exercise}");

        using var create = await client.GetAsync(new Uri($"/exercises/{exercise}/observations/new", UriKind.Relative));
        using var edit = await client.GetAsync(new Uri($"/exercises/{exercise}/observations/{observation}/edit", UriKind.Relative));
        var detail = await client.GetStringAsync(new Uri($"/exercises/{exercise}", UriKind.Relative));

        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Contains("Tents froze to the ground", detail, StringComparison.Ordinal);
        Assert.Equal(allowed, detail.Contains("Record an observation", StringComparison.Ordinal));
        if (allowed)
        {
            Assert.Contains("Tents froze to the ground", await edit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnswersAnObservationOfAHiddenExerciseLikeOneThatDoesNotExist()
    {
        using var client = await SignedInAsync("planner");
        var secret = await IdOfAsync("Arctic Owl 2024");
        var open = await IdOfAsync("Arctic Owl 2023");
        var hidden = await portal.Database.ScalarAsync<int>($"SELECT id FROM exercise_observations WHERE exercise_id = {secret}");

        // The address names another exercise than the observation's own.
        using var elsewhere = await client.GetAsync(new Uri($"/exercises/{open}/observations/{hidden}/edit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    [Fact]
    public async Task ListsLessonsBySeriesOnlyFromExercisesTheReaderMaySee()
    {
        var restricted = await PageAsync("analyst-restricted", "/exercises/lessons?series=Arctic%20Owl");
        var cleared = await PageAsync("analyst", "/exercises/lessons?series=Arctic%20Owl");

        Assert.Contains("Lessons from Arctic Owl exercises", restricted, StringComparison.Ordinal);
        Assert.Contains("Issue sheets with the kit list", restricted, StringComparison.Ordinal);
        Assert.DoesNotContain("sonar", restricted, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Arctic Owl 2024", restricted, StringComparison.Ordinal);
        Assert.True(cleared.IndexOf("Arctic Owl 2024", StringComparison.Ordinal) < cleared.IndexOf("Arctic Owl 2023", StringComparison.Ordinal),
            "The newest edition comes first.");
        Assert.Contains("Agree a sonar exchange", cleared, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiltersLessonsByWords()
    {
        var html = await PageAsync("analyst", "/exercises/lessons?series=Arctic%20Owl&q=sonar");

        Assert.Contains("Agree a sonar exchange", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Tents froze", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinksTheExerciseToTheLessonsOfItsSeries()
    {
        var html = await PageAsync("analyst", $"/exercises/{await IdOfAsync("Arctic Owl 2023")}");

        Assert.Contains("Lessons from earlier Arctic Owl exercises", html, StringComparison.Ordinal);
        Assert.Contains("/exercises/lessons?series=Arctic%20Owl", html, StringComparison.Ordinal);
    }

    private async Task<int> IdOfAsync(string name) =>
        await portal.Database.ScalarAsync<int>($"SELECT id FROM exercises WHERE name = '{name}'");

    private async Task<string> PageAsync(string userName, string path)
    {
        using var client = await SignedInAsync(userName);
        return await client.GetStringAsync(new Uri(path, UriKind.Relative));
    }

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = portal.CreateBrowserClient();
        await AccountsPortal.SignInAsync(client, userName);
        return client;
    }
}
