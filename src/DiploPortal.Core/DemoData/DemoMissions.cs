using System.Globalization;
using DiploPortal.Core.Data;
using DiploPortal.Core.Missions;
using Npgsql;

namespace DiploPortal.Core.DemoData;

internal sealed record ContributionRow(DemoNation Nation, int Personnel, int Aircraft, int Ships, int MedicalTeams, decimal SuppliesTonnes);

internal sealed record MissionPlan(
    int Id, string Name, MissionKind Kind, CrisisKind Crisis, DemoNation Affected, DateOnly StartsOn, DateOnly? EndsOn,
    int PeopleAssisted, string Summary, Marking Marking, IReadOnlyList<ContributionRow> Contributions);

/// <summary>Humanitarian missions for crises of the kinds that strike the nations they plausibly strike.</summary>
internal static class DemoMissions
{
    private const string Columns =
        "id, name, kind, crisis, affected_nation_id, starts_on, ends_on, people_assisted, summary, " + BinaryCopy.MarkingColumns;

    private const string ContributionColumns = "mission_id, nation_id, personnel, aircraft, ships, medical_teams, supplies_tonnes, starts_on";

    private static readonly (CrisisKind Crisis, int Weight, string[] Nations)[] Crises =
    [
        (CrisisKind.Earthquake, 18, ["TUR", "SYR", "NPL", "HTI", "JPN", "IDN", "MAR", "AFG", "ECU", "MEX", "ITA", "PAK", "PHL", "NZL", "CHL", "PER", "IRN", "MMR"]),
        (CrisisKind.Tsunami, 5, ["IDN", "JPN", "TON", "PHL", "CHL", "LKA", "THA", "PNG", "WSM"]),
        (CrisisKind.Flood, 22, ["PAK", "BGD", "LBY", "IND", "NGA", "MOZ", "MWI", "SOM", "KEN", "CHN", "BRA", "DEU", "SDN", "NPL"]),
        (CrisisKind.Cyclone, 20, ["MOZ", "MMR", "BGD", "PHL", "VUT", "FJI", "MDG", "IND", "HTI", "CUB", "TON", "WSM", "DMA", "BHS", "VNM"]),
        (CrisisKind.Epidemic, 12, ["COD", "GIN", "LBR", "SLE", "YEM", "HTI", "MWI", "ZMB", "NGA", "UGA", "PNG"]),
        (CrisisKind.Conflict, 15, ["SYR", "YEM", "UKR", "SDN", "SSD", "SOM", "AFG", "IRQ", "LBN", "MLI", "ETH", "HTI", "COD", "MMR"]),
        (CrisisKind.Famine, 8, ["SOM", "ETH", "YEM", "SDN", "SSD", "MDG", "AFG", "NER", "KEN"]),
    ];

    private static readonly string[] OperationNames =
    [
        "Lifeline", "Safe Harbour", "Helping Hand", "Relief Bridge", "Open Door", "Steady Hand", "Good Neighbour",
        "Fair Wind", "Renewal", "Resilience", "Southern Cross", "Silver Lining",
    ];

    public static List<MissionPlan> Generate(DemoRun run, int count)
    {
        var rng = run.RandomFor(5);
        var world = run.World;
        var weights = Crises.Select(c => c.Weight).ToArray();
        var drafts = new List<(CrisisKind Crisis, DemoNation Affected, DateOnly Start, int Days, List<DemoNation> Contributors)>(count);
        while (drafts.Count < count)
        {
            var (crisis, _, codes) = Crises[rng.Weighted(weights)];
            if (world.Find(rng.Pick(codes)) is not { } affected)
            {
                continue;
            }

            var start = run.HistoryStart.AddDays(rng.Next(run.DaysOfHistory - 3));
            var days = crisis switch
            {
                CrisisKind.Epidemic => rng.Between(60, 240),
                CrisisKind.Conflict => rng.Between(90, 365),
                CrisisKind.Famine => rng.Between(60, 300),
                _ => rng.Between(14, 90),
            };
            var nations = new List<DemoNation> { affected };
            world.AddPartners(rng, nations, 1 + rng.Weighted([10, 15, 20, 18, 14, 10, 8, 5]) + 1);
            if (nations.Count < 2)
            {
                continue;
            }

            drafts.Add((crisis, affected, start, days, nations.Skip(1).ToList()));
        }

        var missions = new List<MissionPlan>(count);
        foreach (var d in drafts.OrderBy(d => d.Start))
        {
            var kind = d.Crisis switch
            {
                CrisisKind.Epidemic => MissionKind.MedicalAid,
                CrisisKind.Conflict or CrisisKind.Famine => rng.Chance(0.65) ? MissionKind.LogisticalSupport : MissionKind.MedicalAid,
                _ => (MissionKind)rng.Weighted([70, 15, 15]),
            };
            var end = d.Start.AddDays(d.Days);
            DateOnly? endsOn = end < run.Anchor ? end : null;
            var noun = CrisisNoun(rng, d.Crisis, d.Affected);
            var year = d.Start.Year.ToString(CultureInfo.InvariantCulture);
            var name = rng.Chance(0.5)
                ? $"{d.Affected.Name} {noun} {(d.Crisis is CrisisKind.Conflict or CrisisKind.Famine ? "response" : "relief")} {year}"
                : $"Operation {rng.Pick(OperationNames)} ({d.Affected.Name} {noun}, {year})";
            var contributions = d.Contributors.Select(n => Contribution(rng, kind, n)).ToList();
            var people = (int)(Scale(rng, d.Crisis) * (0.5 + (contributions.Count / 8.0)));
            var first = rng.Pick(DemoText.MissionTasks);
            var second = rng.Pick(DemoText.MissionTasks);
            var tasks = first == second ? first : $"{first} and {second}";
            var closing = endsOn is { } ended
                ? $"The mission ended on {ended.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} after {d.Days.ToString(CultureInfo.InvariantCulture)} days."
                : "The mission is ongoing.";
            var summary =
                $"{Nations(contributions.Count)} supported {d.Affected.Name} after the {noun}. Tasks included {tasks}; "
                + $"{contributions.Sum(c => c.Personnel).ToString("N0", CultureInfo.InvariantCulture)} personnel deployed in all. {closing}";
            var lead = contributions[0].Nation;
            var created = run.Stamp(rng, d.Start.AddDays(rng.Between(0, 3)));
            var updated = run.Stamp(rng, endsOn ?? run.Anchor.AddDays(-rng.Between(1, 10)));
            var marking = run.Mark(rng, DemoRun.DrawClassification(rng), lead, [.. d.Contributors, d.Affected], created, updated);
            missions.Add(new MissionPlan(
                run.Missions.Next(), name, kind, d.Crisis, d.Affected, d.Start, endsOn, people, summary, marking, contributions));
        }

        return missions;
    }

    public static List<AssessmentRow> Assess(DemoRun run, IReadOnlyList<MissionPlan> missions)
    {
        var rng = run.RandomFor(6);
        var rows = new List<AssessmentRow>();
        foreach (var mission in missions)
        {
            if (mission.EndsOn is { } end && rng.Chance(0.6))
            {
                var assessedOn = run.Clamp(end.AddDays(rng.Between(30, 120)));
                rows.Add(DemoAssessments.Mission(run, rng, mission.Id, rng.Pick(mission.Contributions).Nation, assessedOn, mission.Marking));
            }
        }

        return rows;
    }

    public static async Task<(int Missions, int Contributions)> WriteAsync(
        NpgsqlConnection connection, IReadOnlyList<MissionPlan> missions, CancellationToken cancellationToken)
    {
        ulong written;
        await using (var importer = await BinaryCopy.BeginAsync(connection, "missions", Columns, cancellationToken))
        {
            foreach (var m in missions)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteIntAsync(m.Id, cancellationToken);
                await importer.WriteTextAsync(m.Name, cancellationToken);
                await importer.WriteEnumAsync(m.Kind, cancellationToken);
                await importer.WriteEnumAsync(m.Crisis, cancellationToken);
                await importer.WriteIntAsync(m.Affected.Id, cancellationToken);
                await importer.WriteDateAsync(m.StartsOn, cancellationToken);
                await importer.WriteDateAsync(m.EndsOn, cancellationToken);
                await importer.WriteIntAsync(m.PeopleAssisted, cancellationToken);
                await importer.WriteTextAsync(m.Summary, cancellationToken);
                await importer.WriteMarkingAsync(m.Marking, isDemo: true, cancellationToken);
            }

            written = await importer.CompleteAsync(cancellationToken);
        }

        await using var contributions = await BinaryCopy.BeginAsync(connection, "mission_contributions", ContributionColumns, cancellationToken);
        foreach (var m in missions)
        {
            foreach (var c in m.Contributions)
            {
                await contributions.StartRowAsync(cancellationToken);
                await contributions.WriteIntAsync(m.Id, cancellationToken);
                await contributions.WriteIntAsync(c.Nation.Id, cancellationToken);
                await contributions.WriteIntAsync(c.Personnel, cancellationToken);
                await contributions.WriteIntAsync(c.Aircraft, cancellationToken);
                await contributions.WriteIntAsync(c.Ships, cancellationToken);
                await contributions.WriteIntAsync(c.MedicalTeams, cancellationToken);
                await contributions.WriteAsync(c.SuppliesTonnes, NpgsqlTypes.NpgsqlDbType.Numeric, cancellationToken);
                await contributions.WriteDateAsync(m.StartsOn, cancellationToken);
            }
        }

        return ((int)written, (int)await contributions.CompleteAsync(cancellationToken));
    }

    private static ContributionRow Contribution(Random rng, MissionKind kind, DemoNation nation)
    {
        var scale = nation.Weight >= 12 ? 2.0 : nation.Weight >= 4 ? 1.0 : 0.4;
        int Scaled(int min, int max) => (int)(rng.Between(min, max) * scale);
        decimal Tonnes(double min, double max) => Math.Round((decimal)((min + (rng.NextDouble() * (max - min))) * scale), 2);
        return kind switch
        {
            MissionKind.MedicalAid => new(nation, Math.Max(5, Scaled(10, 200)), Scaled(0, 2), rng.Chance(0.1) ? 1 : 0, Math.Max(1, Scaled(1, 6)), Tonnes(2, 150)),
            MissionKind.LogisticalSupport => new(nation, Math.Max(10, Scaled(20, 400)), Math.Max(1, Scaled(1, 5)), Scaled(0, 2), rng.Chance(0.3) ? 1 : 0, Tonnes(50, 2500)),
            _ => new(nation, Math.Max(10, Scaled(20, 600)), Scaled(0, 4), Scaled(0, 2), Scaled(0, 3), Tonnes(10, 800)),
        };
    }

    private static double Scale(Random rng, CrisisKind crisis)
    {
        var (min, max) = crisis switch
        {
            CrisisKind.Earthquake => (5_000, 400_000),
            CrisisKind.Tsunami => (2_000, 150_000),
            CrisisKind.Flood => (10_000, 800_000),
            CrisisKind.Cyclone => (5_000, 500_000),
            CrisisKind.Epidemic => (2_000, 200_000),
            CrisisKind.Conflict => (10_000, 900_000),
            _ => (20_000, 1_500_000),
        };
        return min + (rng.NextDouble() * (max - min));
    }

    private static string CrisisNoun(Random rng, CrisisKind crisis, DemoNation affected) => crisis switch
    {
        CrisisKind.Earthquake => "earthquake",
        CrisisKind.Tsunami => "tsunami",
        CrisisKind.Flood => "floods",
        CrisisKind.Cyclone when affected.Region == "Americas" => "hurricane",
        CrisisKind.Cyclone when affected.SubRegion is "Eastern Asia" or "South-eastern Asia" => "typhoon",
        CrisisKind.Cyclone => "cyclone",
        CrisisKind.Epidemic when affected.Region == "Africa" => rng.Pick(["cholera outbreak", "Ebola outbreak", "measles outbreak"]),
        CrisisKind.Epidemic => rng.Pick(["cholera outbreak", "dengue epidemic", "measles outbreak"]),
        CrisisKind.Conflict => "displacement crisis",
        _ => "drought and food crisis",
    };

    private static string Nations(int count) => count switch
    {
        1 => "One nation",
        _ => $"{count.ToString(CultureInfo.InvariantCulture)} nations",
    };
}
