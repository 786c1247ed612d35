using DiploPortal.Core.Common;
using DiploPortal.Core.Exercises;
using DiploPortal.Core.Exercises.Deconfliction;
using DiploPortal.Core.Missions;
using DiploPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Tests.Exercises.Deconfliction;

/// <summary>Records for the deconfliction tests, stored directly (as the system) so the editor's own check does not refuse them.</summary>
internal static class DeconflictionSeeds
{
    public static async Task<int> TrainingAreaAsync(this TestDatabase database, string nation, string name)
    {
        await using var db = database.CreateContext();
        var area = new TrainingArea { Name = name, NationId = await db.Nations.Where(n => n.Code == nation).Select(n => n.Id).SingleAsync(), Source = "test" };
        db.TrainingAreas.Add(area);
        await db.SaveChangesAsync();
        return area.Id;
    }

    public static async Task<int> ExerciseAsync(
        this TestDatabase database, string name, DateOnly from, DateOnly to, int? area, Classification classification, params (string Nation, int Personnel)[] participants)
    {
        await using var db = database.CreateContext();
        var codes = participants.Select(p => p.Nation).ToList();
        var nations = await db.Nations.Where(n => codes.Contains(n.Code)).ToDictionaryAsync(n => n.Code, n => n.Id);
        var exercise = new JointExercise
        {
            Name = name,
            HostNationId = nations[participants[0].Nation],
            StartsOn = from,
            EndsOn = to,
            TrainingAreaId = area,
            Classification = classification,
            Participants = participants.Select((p, i) => new ExerciseParticipant
            {
                NationId = nations[p.Nation],
                Role = i == 0 ? ExerciseRole.Host : ExerciseRole.Participant,
                Personnel = p.Personnel,
            }).ToList(),
        };
        db.Exercises.Add(exercise);
        await db.SaveChangesAsync();
        return exercise.Id;
    }

    public static async Task<int> MissionAsync(this TestDatabase database, string name, DateOnly from, DateOnly? to, Classification classification, params string[] contributors)
    {
        await using var db = database.CreateContext();
        var nations = await db.Nations.Where(n => contributors.Contains(n.Code)).Select(n => n.Id).ToListAsync();
        var mission = new HumanitarianMission
        {
            Name = name,
            AffectedNationId = nations[0],
            StartsOn = from,
            EndsOn = to,
            Summary = "Relief.",
            Classification = classification,
            Contributions = nations.Select(id => new MissionContribution { NationId = id, Personnel = 100 }).ToList(),
        };
        db.Missions.Add(mission);
        await db.SaveChangesAsync();
        return mission.Id;
    }

    public static Task SetCapacityAsync(this TestDatabase database, string nation, int personnel) =>
        database.ExecuteAsync($"UPDATE nation_capacities SET personnel = {personnel} WHERE nation_id = (SELECT id FROM nations WHERE code = '{nation}')");
}
