using DiploPortal.Core.Exercises.Deconfliction;

namespace DiploPortal.Core.Tests.Exercises.Deconfliction;

/// <summary>Schedules for the plain rule tests: days in March 2027 unless said.</summary>
internal static class DeconflictionRuleCases
{
    public static DateOnly March(int day) => new(2027, 3, day);

    public static ExerciseSchedule Candidate(int from, int to, int? area = null, int? id = null, ScheduledForces[]? forces = null, ScheduledMilestone[]? milestones = null) =>
        new(id, March(from), March(to), area, forces ?? [Forces("NOR", 1000), Forces("USA", 1000)], milestones ?? []);

    public static ScheduledExercise Other(int id, string name, int from, int to, int? area = null, params ScheduledForces[] forces) =>
        new(id, name, March(from), March(to), area, forces);

    public static ScheduledForces Forces(string nation, int personnel, int ships = 0, int aircraft = 0) => new(nation, personnel, ships, aircraft);

    public static ForceCapacity Capacity(string nation, int personnel, int ships = 100, int aircraft = 100, bool assumption = false) =>
        new(nation, personnel, ships, aircraft, assumption);
}
