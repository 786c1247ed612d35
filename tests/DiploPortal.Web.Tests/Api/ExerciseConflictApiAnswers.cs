using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DiploPortal.Core.Common;
using DiploPortal.Core.Exercises;
using DiploPortal.Core.Exercises.Deconfliction;
using DiploPortal.Web.Tests.Accounts;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Web.Tests.Api;

/// <summary>GET /api/exercises/conflicts: planners only, a bounded period, each visible conflict once.</summary>
public class ExerciseConflictApiAnswers(AccountsPortal portal) : IClassFixture<AccountsPortal>
{
    [Theory]
    [InlineData("staff")]
    [InlineData("analyst")]
    public async Task IsForbiddenToAnyoneButPlanners(string userName)
    {
        using var client = await ClientAsync(userName);

        using var response = await client.GetAsync(new Uri("/api/exercises/conflicts?from=2031-01-01&to=2031-12-31", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("from=2031-01-01", "from")]
    [InlineData("from=2031-02-01&to=2031-01-01", "to")]
    [InlineData("from=2031-01-01&to=2033-01-01", "to")]
    public async Task RefusesAMissingReversedOrTooLongPeriod(string query, string parameter)
    {
        using var client = await ClientAsync("planner");

        using var response = await client.GetAsync(new Uri("/api/exercises/conflicts?" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task ListsTwoExercisesInOneTrainingAreaOnceWithTheirNamesAndSeverity()
    {
        int first, second;
        await using (var db = portal.Database.CreateContext())
        {
            var nor = await db.Nations.Where(n => n.Code == "NOR").Select(n => n.Id).SingleAsync();
            var swe = await db.Nations.Where(n => n.Code == "SWE").Select(n => n.Id).SingleAsync();
            var area = new TrainingArea { Name = "API Test Range", NationId = nor, Source = "test" };
            db.TrainingAreas.Add(area);
            await db.SaveChangesAsync();
            JointExercise Exercise(string name, int day) => new()
            {
                Name = name,
                HostNationId = nor,
                StartsOn = new DateOnly(2031, 5, day),
                EndsOn = new DateOnly(2031, 5, day + 5),
                TrainingAreaId = area.Id,
                Classification = Classification.Unclassified,
                Participants = [new() { NationId = nor, Role = ExerciseRole.Host }, new() { NationId = swe, Role = ExerciseRole.Participant }],
            };
            var a = Exercise("Api Anvil", 1);
            var b = Exercise("Api Hammer", 4);
            db.Exercises.AddRange(a, b);
            await db.SaveChangesAsync();
            (first, second) = (a.Id, b.Id);
        }

        using var client = await ClientAsync("planner");
        var conflicts = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/exercises/conflicts?from=2031-05-01&to=2031-05-31", UriKind.Relative));

        var conflict = Assert.Single(conflicts.EnumerateArray());
        Assert.Equal("TrainingAreaDoubleBooked", conflict.GetProperty("kind").GetString());
        Assert.Equal("Hard", conflict.GetProperty("severity").GetString());
        Assert.Equal(
            [$"{first}:Api Anvil", $"{second}:Api Hammer"],
            conflict.GetProperty("exercises").EnumerateArray().Select(e => $"{e.GetProperty("id").GetInt32()}:{e.GetProperty("name").GetString()}"));
    }

    [Fact]
    public async Task IsDescribedInTheOpenApiDocument()
    {
        using var client = await ClientAsync("planner");

        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Contains("/api/exercises/conflicts", document, StringComparison.Ordinal);
        Assert.Contains("ListExerciseConflicts", document, StringComparison.Ordinal);
    }

    private async Task<HttpClient> ClientAsync(string userName)
    {
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await ApiTokens.IssueAsync(client, userName));
        return client;
    }
}
