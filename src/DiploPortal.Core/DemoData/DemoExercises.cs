using System.Globalization;
using DiploPortal.Core.Data;
using DiploPortal.Core.Exercises;
using Npgsql;

namespace DiploPortal.Core.DemoData;

internal sealed record ExerciseParticipantRow(DemoNation Nation, ExerciseRole Role, int Personnel, int Units, int Ships, int Aircraft);

internal sealed record MilestoneRow(MilestoneKind Kind, DateOnly PlannedOn, DateOnly? CompletedOn, string? Notes);

internal sealed record ObservationRow(string Observation, string? Lesson, string? Recommendation, DateOnly RecordedOn);

internal sealed class ExercisePlan
{
    public int Id { get; set; }

    public required string Name { get; init; }

    public string? SeriesName { get; init; }

    public ExerciseKind Kind { get; init; }

    public ExerciseStatus Status { get; set; }

    /// <summary>The day the status was reached, never after the anchor (the database checks it against the dates).</summary>
    public DateOnly StatusSetOn { get; set; }

    public required DemoNation Host { get; init; }

    public required string Location { get; init; }

    public DateOnly StartsOn { get; init; }

    public DateOnly EndsOn { get; init; }

    public DemoNation? LeadNation { get; init; }

    public DemoAlliance? LeadAlliance { get; init; }

    public required string Objectives { get; init; }

    public required string Scenario { get; init; }

    public Marking Marking { get; set; }

    public List<ExerciseParticipantRow> Participants { get; } = [];

    public List<MilestoneRow> Milestones { get; } = [];

    public List<ObservationRow> Observations { get; } = [];

    public List<DemoAttache> Liaisons { get; } = [];

    public DemoNation Lead => LeadNation ?? Host;
}

/// <summary>
/// Joint exercises: editions of real series (RIMPAC, Cobra Gold, BALTOPS...) on their usual calendar,
/// topped up with code-named bilateral and small multilateral exercises when more are asked for.
/// Status, milestones and observations follow from the dates and the anchor.
/// </summary>
internal static class DemoExercises
{
    private const string Columns =
        "id, name, series_name, kind, status, status_set_on, host_nation_id, location, starts_on, ends_on, lead_nation_id, lead_alliance_id, objectives, scenario, "
        + BinaryCopy.MarkingColumns;

    private static readonly DateOnly PandemicStart = new(2020, 3, 15);
    private static readonly DateOnly PandemicEnd = new(2020, 12, 31);

    public static List<ExercisePlan> Generate(DemoRun run, AttacheRoster roster, int count)
    {
        var rng = run.RandomFor(3);
        var editions = new List<(ExerciseSeries Series, DateOnly StartsOn)>();
        for (var year = run.HistoryStart.Year; year <= run.PlanningHorizon.Year; year++)
        {
            foreach (var series in ExerciseSeries.All)
            {
                var start = new DateOnly(year, series.Month, series.Day).AddDays(rng.Between(-5, 5));
                if (series.RunsIn(year) && start >= run.HistoryStart && start <= run.PlanningHorizon)
                {
                    editions.Add((series, start));
                }
            }
        }

        Shuffle(rng, editions);
        var plans = new List<ExercisePlan>(count);
        foreach (var (series, start) in editions.Take(Math.Min(editions.Count, (int)(count * 0.7))))
        {
            if (FromSeries(run, rng, series, start) is { } plan)
            {
                plans.Add(plan);
            }
        }

        while (plans.Count < count)
        {
            plans.Add(CodeNamed(run, rng, roster));
        }

        plans = plans.OrderBy(p => p.StartsOn).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        foreach (var plan in plans)
        {
            plan.Id = run.Exercises.Next();
            Complete(run, rng, roster, plan);
        }

        return plans;
    }

    public static List<AssessmentRow> Assess(DemoRun run, IReadOnlyList<ExercisePlan> plans)
    {
        var rng = run.RandomFor(4);
        var rows = new List<AssessmentRow>();
        foreach (var plan in plans)
        {
            if (plan.Status == ExerciseStatus.Completed && rng.Chance(0.58))
            {
                var assessedOn = run.Clamp(plan.EndsOn.AddDays(rng.Between(30, 90)));
                rows.Add(DemoAssessments.Exercise(run, rng, plan.Id, plan.Lead, plan.LeadAlliance, assessedOn, plan.Marking));
            }
        }

        return rows;
    }

    public static async Task<ExerciseCounts> WriteAsync(NpgsqlConnection connection, IReadOnlyList<ExercisePlan> plans, DemoRun run, CancellationToken cancellationToken)
    {
        ulong exercises, participants, milestones, observations, liaisons;
        await using (var importer = await BinaryCopy.BeginAsync(connection, "exercises", Columns, cancellationToken))
        {
            foreach (var p in plans)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteIntAsync(p.Id, cancellationToken);
                await importer.WriteTextAsync(p.Name, cancellationToken);
                await importer.WriteTextAsync(p.SeriesName, cancellationToken);
                await importer.WriteEnumAsync(p.Kind, cancellationToken);
                await importer.WriteEnumAsync(p.Status, cancellationToken);
                await importer.WriteDateAsync(p.StatusSetOn, cancellationToken);
                await importer.WriteIntAsync(p.Host.Id, cancellationToken);
                await importer.WriteTextAsync(p.Location, cancellationToken);
                await importer.WriteDateAsync(p.StartsOn, cancellationToken);
                await importer.WriteDateAsync(p.EndsOn, cancellationToken);
                await importer.WriteIntAsync(p.LeadNation?.Id, cancellationToken);
                await importer.WriteIntAsync(p.LeadAlliance?.Id, cancellationToken);
                await importer.WriteTextAsync(p.Objectives, cancellationToken);
                await importer.WriteTextAsync(p.Scenario, cancellationToken);
                await importer.WriteMarkingAsync(p.Marking, isDemo: true, cancellationToken);
            }

            exercises = await importer.CompleteAsync(cancellationToken);
        }

        await using (var importer = await BinaryCopy.BeginAsync(
            connection, "exercise_participants", "exercise_id, nation_id, role, personnel, units, ships, aircraft, starts_on", cancellationToken))
        {
            foreach (var p in plans)
            {
                foreach (var part in p.Participants)
                {
                    await importer.StartRowAsync(cancellationToken);
                    await importer.WriteIntAsync(p.Id, cancellationToken);
                    await importer.WriteIntAsync(part.Nation.Id, cancellationToken);
                    await importer.WriteEnumAsync(part.Role, cancellationToken);
                    await importer.WriteIntAsync(part.Personnel, cancellationToken);
                    await importer.WriteIntAsync(part.Units, cancellationToken);
                    await importer.WriteIntAsync(part.Ships, cancellationToken);
                    await importer.WriteIntAsync(part.Aircraft, cancellationToken);
                    await importer.WriteDateAsync(p.StartsOn, cancellationToken);
                }
            }

            participants = await importer.CompleteAsync(cancellationToken);
        }

        await using (var importer = await BinaryCopy.BeginAsync(
            connection, "exercise_milestones", "id, exercise_id, kind, planned_on, completed_on, notes", cancellationToken))
        {
            foreach (var p in plans)
            {
                foreach (var m in p.Milestones)
                {
                    await importer.StartRowAsync(cancellationToken);
                    await importer.WriteIntAsync(run.ExerciseMilestones.Next(), cancellationToken);
                    await importer.WriteIntAsync(p.Id, cancellationToken);
                    await importer.WriteEnumAsync(m.Kind, cancellationToken);
                    await importer.WriteDateAsync(m.PlannedOn, cancellationToken);
                    await importer.WriteDateAsync(m.CompletedOn, cancellationToken);
                    await importer.WriteTextAsync(m.Notes, cancellationToken);
                }
            }

            milestones = await importer.CompleteAsync(cancellationToken);
        }

        await using (var importer = await BinaryCopy.BeginAsync(
            connection, "exercise_observations", "id, exercise_id, observation, lesson, recommendation, recorded_on", cancellationToken))
        {
            foreach (var p in plans)
            {
                foreach (var o in p.Observations)
                {
                    await importer.StartRowAsync(cancellationToken);
                    await importer.WriteIntAsync(run.ExerciseObservations.Next(), cancellationToken);
                    await importer.WriteIntAsync(p.Id, cancellationToken);
                    await importer.WriteTextAsync(o.Observation, cancellationToken);
                    await importer.WriteTextAsync(o.Lesson, cancellationToken);
                    await importer.WriteTextAsync(o.Recommendation, cancellationToken);
                    await importer.WriteDateAsync(o.RecordedOn, cancellationToken);
                }
            }

            observations = await importer.CompleteAsync(cancellationToken);
        }

        await using (var importer = await BinaryCopy.BeginAsync(connection, "exercise_liaisons", "exercise_id, attache_id", cancellationToken))
        {
            foreach (var p in plans)
            {
                foreach (var a in p.Liaisons)
                {
                    await importer.StartRowAsync(cancellationToken);
                    await importer.WriteIntAsync(p.Id, cancellationToken);
                    await importer.WriteIntAsync(a.Id, cancellationToken);
                }
            }

            liaisons = await importer.CompleteAsync(cancellationToken);
        }

        return new ExerciseCounts((int)exercises, (int)participants, (int)milestones, (int)observations, (int)liaisons);
    }

    private static ExercisePlan? FromSeries(DemoRun run, Random rng, ExerciseSeries series, DateOnly start)
    {
        var world = run.World;
        var (hostCode, location) = series.HostIn(start.Year);
        if (world.Find(hostCode) is not { } host)
        {
            return null;
        }

        var leadNation = series.LeadNation is { } code ? world.Find(code) : null;
        var leadAlliance = series.LeadAlliance is { } acronym ? world.FindAlliance(acronym) : null;
        var pool = series.Regulars.Select(world.Find).OfType<DemoNation>().ToList();
        Shuffle(rng, pool);
        if (leadAlliance is not null)
        {
            var members = leadAlliance.Members.ToList();
            Shuffle(rng, members);
            pool.AddRange(members);
        }

        var nations = new List<DemoNation> { host };
        if (leadNation is not null && leadNation != host)
        {
            nations.Add(leadNation);
        }

        var max = Math.Min(12, series.MaxParticipants);
        var target = rng.Between(Math.Min(max, Math.Max(nations.Count, 3)), max);
        foreach (var nation in pool)
        {
            if (nations.Count >= target)
            {
                break;
            }

            if (!nations.Contains(nation))
            {
                nations.Add(nation);
            }
        }

        if (nations.Count < 2)
        {
            return null;
        }

        var plan = new ExercisePlan
        {
            Name = $"{series.Name} {start.Year.ToString(CultureInfo.InvariantCulture)}",
            SeriesName = series.Name,
            Kind = series.Kind,
            Host = host,
            Location = location,
            StartsOn = start,
            EndsOn = start.AddDays(series.Days - 1),
            // At most one lead: the alliance when the series is run by one, otherwise the lead nation.
            LeadNation = leadAlliance is null ? leadNation ?? host : null,
            LeadAlliance = leadAlliance,
            Objectives = ObjectivesFor(rng, series.Kind),
            Scenario = ScenarioFor(rng, series.Kind),
            Status = series.CancelledIn(start.Year) ? ExerciseStatus.Cancelled : ExerciseStatus.Proposed,
        };
        AddParticipants(rng, plan, nations);
        return plan;
    }

    private static ExercisePlan CodeNamed(DemoRun run, Random rng, AttacheRoster roster)
    {
        var world = run.World;
        var kind = (ExerciseKind)rng.Weighted([8, 15, 20, 15, 12, 6, 6, 6, 6, 6]);
        DemoNation host;
        string location;
        if (kind is ExerciseKind.Naval or ExerciseKind.Amphibious or ExerciseKind.SearchAndRescue)
        {
            var (hostNation, port) = PickPort(rng, world);
            host = hostNation;
            location = $"{port} and adjacent waters";
        }
        else
        {
            host = world.Pick(rng);
            var capital = host.CapitalOrName;
            location = kind switch
            {
                ExerciseKind.Air => $"Air force training ranges, {host.Name}",
                ExerciseKind.CommandPost => $"Joint headquarters, {capital}",
                ExerciseKind.Cyber => $"National cyber range, {capital}",
                ExerciseKind.Humanitarian => $"{capital} and surrounding provinces",
                _ => $"National training area near {capital}",
            };
        }

        var size = rng.Weighted([55, 30, 15]) switch
        {
            0 => 2,
            1 => rng.Between(3, 5),
            _ => rng.Between(6, 12),
        };
        var span = run.PlanningHorizon.DayNumber - run.HistoryStart.DayNumber;
        var start = run.HistoryStart.AddDays(rng.Next(span));
        var nations = new List<DemoNation> { host };
        // Nations with an attaché in the host's capital are the ones that arrange exercises with it.
        if (rng.Chance(0.6) && roster.PostedTo(rng, host, start) is { } attache)
        {
            nations.Add(attache.Sending);
        }

        world.AddPartners(rng, nations, size);
        if (nations.Count < 2)
        {
            nations.Add(world.Nations.First(n => n != host));
        }

        var days = kind switch
        {
            ExerciseKind.Cyber => rng.Between(3, 5),
            ExerciseKind.SearchAndRescue => rng.Between(3, 7),
            ExerciseKind.LiveFire => rng.Between(3, 10),
            ExerciseKind.CommandPost => rng.Between(5, 12),
            ExerciseKind.Naval => rng.Between(7, 14),
            _ => rng.Between(10, 21),
        };
        var series = $"{rng.Pick(DemoText.ExerciseAdjectives)} {rng.Pick(DemoText.ExerciseNouns)}";
        var plan = new ExercisePlan
        {
            Name = $"{series} {start.Year.ToString(CultureInfo.InvariantCulture)}",
            SeriesName = series,
            Kind = kind,
            Host = host,
            Location = location,
            StartsOn = start,
            EndsOn = start.AddDays(days - 1),
            LeadNation = rng.Chance(0.7) ? host : nations[1],
            Objectives = ObjectivesFor(rng, kind),
            Scenario = ScenarioFor(rng, kind),
        };
        AddParticipants(rng, plan, nations);
        return plan;
    }

    /// <summary>Status, milestones, observations, liaisons and marking, all consistent with the dates and the anchor.</summary>
    private static void Complete(DemoRun run, Random rng, AttacheRoster roster, ExercisePlan plan)
    {
        var anchor = run.Anchor;
        DateOnly? cancelledOn = null;
        var reason = rng.Pick(DemoText.CancellationReasons);
        var inPandemic = plan.StartsOn >= PandemicStart && plan.StartsOn <= PandemicEnd;
        var cancelled = plan.Status == ExerciseStatus.Cancelled
            || (plan.StartsOn <= anchor && (inPandemic ? rng.Chance(0.35) : rng.Chance(plan.SeriesName is null ? 0.04 : 0.03)));
        if (cancelled && plan.StartsOn <= anchor)
        {
            if (inPandemic)
            {
                reason = "the COVID-19 pandemic";
            }

            var earliest = inPandemic ? PandemicStart : plan.StartsOn.AddDays(-300);
            var latest = plan.StartsOn.AddDays(-1);
            cancelledOn = earliest >= latest ? latest : earliest.AddDays(rng.Next(latest.DayNumber - earliest.DayNumber));
        }

        var planned = new (MilestoneKind Kind, DateOnly On)[]
        {
            (MilestoneKind.ConceptDevelopment, plan.StartsOn.AddDays(-365 + rng.Between(-20, 20))),
            (MilestoneKind.InitialPlanningConference, plan.StartsOn.AddDays(-270 + rng.Between(-10, 10))),
            (MilestoneKind.MainPlanningConference, plan.StartsOn.AddDays(-180 + rng.Between(-10, 10))),
            (MilestoneKind.FinalPlanningConference, plan.StartsOn.AddDays(-60 + rng.Between(-7, 7))),
            (MilestoneKind.Execution, plan.StartsOn),
            (MilestoneKind.AfterActionReview, plan.EndsOn.AddDays(30 + rng.Between(-5, 5))),
        };
        var delegations = plan.Participants.Count;
        var personnel = plan.Participants.Sum(p => p.Personnel);
        var capital = plan.Host.CapitalOrName;
        var leadName = plan.LeadAlliance?.Acronym ?? plan.Lead.Name;
        foreach (var (kind, on) in planned)
        {
            DateOnly? completed;
            if (cancelledOn is { } stop)
            {
                completed = on < stop && kind < MilestoneKind.Execution ? on.AddDays(rng.Between(0, 2)) : null;
            }
            else if (kind == MilestoneKind.Execution)
            {
                completed = plan.EndsOn <= anchor ? plan.EndsOn : null;
            }
            else
            {
                var done = on.AddDays(rng.Between(0, 2));
                completed = done <= anchor ? done : null;
            }

            if (completed > cancelledOn)
            {
                completed = cancelledOn;
            }

            var happened = completed is not null;
            var notes = kind switch
            {
                MilestoneKind.Execution when cancelledOn is { } cancelDay =>
                    $"Cancelled on {cancelDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} owing to {reason}.",
                _ when cancelledOn is not null && !happened => null,
                MilestoneKind.ConceptDevelopment => happened
                    ? $"Concept and training objectives agreed by {leadName}."
                    : $"Concept and training objectives to be agreed by {leadName}.",
                MilestoneKind.InitialPlanningConference or MilestoneKind.MainPlanningConference or MilestoneKind.FinalPlanningConference => happened
                    ? $"Hosted in {capital}; {Math.Max(2, delegations - rng.Next(2)).ToString(CultureInfo.InvariantCulture)} delegations attended."
                    : $"To be hosted in {capital}.",
                MilestoneKind.Execution => happened || plan.StartsOn <= anchor
                    ? $"{delegations.ToString(CultureInfo.InvariantCulture)} nations, {personnel.ToString("N0", CultureInfo.InvariantCulture)} personnel committed."
                    : $"{delegations.ToString(CultureInfo.InvariantCulture)} nations, about {personnel.ToString("N0", CultureInfo.InvariantCulture)} personnel planned.",
                _ => happened ? $"After-action review hosted by {plan.Host.Name}." : $"After-action review to be hosted by {plan.Host.Name}.",
            };
            plan.Milestones.Add(new MilestoneRow(kind, on, completed, notes));
        }

        var fpc = planned[3].On;
        var ipc = planned[1].On;
        plan.Status = cancelledOn is not null || plan.Status == ExerciseStatus.Cancelled ? ExerciseStatus.Cancelled
            : plan.EndsOn < anchor ? ExerciseStatus.Completed
            : plan.StartsOn <= anchor ? ExerciseStatus.InExecution
            : fpc <= anchor ? ExerciseStatus.Approved
            : ipc <= anchor ? ExerciseStatus.Planning
            : ExerciseStatus.Proposed;
        plan.StatusSetOn = run.Clamp(plan.Status switch
        {
            ExerciseStatus.Cancelled => cancelledOn ?? anchor,
            ExerciseStatus.Completed => plan.EndsOn.AddDays(1),
            ExerciseStatus.InExecution => plan.StartsOn,
            ExerciseStatus.Approved => fpc,
            ExerciseStatus.Planning => ipc,
            _ => planned[0].On,
        });

        if (plan.Status == ExerciseStatus.Completed)
        {
            var aar = plan.Milestones[^1].CompletedOn;
            var recordedOn = aar ?? run.Clamp(plan.EndsOn.AddDays(rng.Between(2, 10)));
            var count = rng.Between(2, 5);
            var first = rng.Next(DemoText.ObservationsCommon.Length);
            for (var i = 0; i < count; i++)
            {
                var index = (first + (i * 3)) % DemoText.ObservationsCommon.Length;
                var lesson = rng.Chance(0.8) ? DemoText.LessonsCommon[index] : null;
                // Three in five lessons come with a recommendation; chosen without the random stream, so the rest of the data stays as it was.
                plan.Observations.Add(new ObservationRow(
                    DemoText.ObservationsCommon[index], lesson, lesson is not null && (first + i) % 5 < 3 ? DemoText.RecommendationsCommon[index] : null, recordedOn));
            }
        }

        foreach (var participant in plan.Participants)
        {
            if (participant.Nation != plan.Host && plan.Liaisons.Count < 3
                && roster.PostedOn(rng, participant.Nation, plan.Host, plan.StartsOn) is { } attache)
            {
                plan.Liaisons.Add(attache);
            }
        }

        var nations = plan.Participants.Select(p => p.Nation).ToList();
        var created = run.Stamp(rng, run.Clamp(planned[0].On.AddDays(-rng.Between(0, 30))));
        var lastChange = plan.Milestones.Select(m => m.CompletedOn).Where(d => d is not null).DefaultIfEmpty(null).Max();
        var updated = lastChange is { } day ? run.Stamp(rng, day) : created;
        var marking = run.Mark(rng, DemoRun.DrawClassification(rng), plan.Lead, nations, created, updated);
        if (plan.LeadAlliance is not null && marking.ReleasableToAlliances.Length > 0)
        {
            marking = marking with { ReleasableToAlliances = [plan.LeadAlliance.Acronym] };
        }

        plan.Marking = marking;
    }

    private static void AddParticipants(Random rng, ExercisePlan plan, List<DemoNation> nations)
    {
        var anyParticipant = false;
        for (var i = 0; i < nations.Count; i++)
        {
            var nation = nations[i];
            var role = nation == plan.Host ? ExerciseRole.Host
                : nation == plan.LeadNation || (!anyParticipant && i == nations.Count - 1) || !rng.Chance(0.12) ? ExerciseRole.Participant
                : ExerciseRole.Observer;
            anyParticipant |= role == ExerciseRole.Participant;
            plan.Participants.Add(Forces(rng, plan.Kind, nation, role));
        }
    }

    private static ExerciseParticipantRow Forces(Random rng, ExerciseKind kind, DemoNation nation, ExerciseRole role)
    {
        if (role == ExerciseRole.Observer)
        {
            return new ExerciseParticipantRow(nation, role, rng.Between(2, 12), 0, 0, 0);
        }

        var scale = role == ExerciseRole.Host ? 2.0 : nation.Weight >= 12 ? 1.5 : nation.Weight >= 4 ? 1.0 : 0.5;
        int Scaled(int min, int max) => Math.Max(min == 0 ? 0 : 1, (int)(rng.Between(min, max) * scale));
        return kind switch
        {
            ExerciseKind.Naval => new(nation, role, Scaled(150, 900), Scaled(1, 3), Scaled(1, 4), Scaled(0, 3)),
            ExerciseKind.Amphibious => new(nation, role, Scaled(300, 2500), Scaled(1, 5), Scaled(1, 3), Scaled(0, 6)),
            ExerciseKind.Air => new(nation, role, Scaled(80, 500), Scaled(1, 3), 0, Scaled(4, 16)),
            ExerciseKind.Cyber => new(nation, role, Scaled(6, 40), Scaled(1, 2), 0, 0),
            ExerciseKind.CommandPost => new(nation, role, Scaled(20, 250), Scaled(1, 4), 0, 0),
            ExerciseKind.Humanitarian => new(nation, role, Scaled(40, 400), Scaled(1, 3), Scaled(0, 1), Scaled(0, 3)),
            ExerciseKind.SearchAndRescue => new(nation, role, Scaled(30, 200), Scaled(1, 2), Scaled(1, 2), Scaled(0, 2)),
            ExerciseKind.Peacekeeping => new(nation, role, Scaled(50, 400), Scaled(1, 3), 0, Scaled(0, 2)),
            _ => new(nation, role, Scaled(150, 1500), Scaled(1, 6), 0, Scaled(0, 4)),
        };
    }

    private static (DemoNation Nation, string Port) PickPort(Random rng, DemoWorld world)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var (code, port) = rng.Pick(DemoText.Ports);
            if (world.Find(code) is { } nation)
            {
                return (nation, port);
            }
        }

        var fallback = world.Pick(rng);
        return (fallback, fallback.CapitalOrName);
    }

    private static string ObjectivesFor(Random rng, ExerciseKind kind)
    {
        var focus = kind switch
        {
            ExerciseKind.Naval => "maritime security",
            ExerciseKind.Air => "air defence",
            ExerciseKind.LiveFire => "combined arms live-fire",
            ExerciseKind.CommandPost => "joint command",
            ExerciseKind.Amphibious => "amphibious",
            ExerciseKind.Cyber => "cyber defence",
            ExerciseKind.Humanitarian => "humanitarian assistance and disaster relief",
            ExerciseKind.Peacekeeping => "peace support",
            ExerciseKind.SearchAndRescue => "search and rescue",
            _ => "land combat",
        };
        var first = rng.Next(DemoText.Objectives.Length);
        var second = (first + 1 + rng.Next(DemoText.Objectives.Length - 1)) % DemoText.Objectives.Length;
        return $"{DemoText.Format(DemoText.Objectives[first], focus)}. {DemoText.Format(DemoText.Objectives[second], focus)}.";
    }

    private static string ScenarioFor(Random rng, ExerciseKind kind) => kind switch
    {
        ExerciseKind.Humanitarian => DemoText.Scenarios[rng.Chance(0.5) ? 1 : 5],
        ExerciseKind.Cyber => DemoText.Scenarios[4],
        ExerciseKind.Peacekeeping => DemoText.Scenarios[6],
        ExerciseKind.SearchAndRescue => DemoText.Scenarios[7],
        ExerciseKind.Naval or ExerciseKind.Amphibious => DemoText.Scenarios[rng.Chance(0.6) ? 2 : 0],
        _ => DemoText.Scenarios[rng.Chance(0.5) ? 3 : 0],
    };

    private static void Shuffle<T>(Random rng, List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}

internal sealed record ExerciseCounts(int Exercises, int Participants, int Milestones, int Observations, int Liaisons);
