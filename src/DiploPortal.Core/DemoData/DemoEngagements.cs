using System.Threading.Channels;
using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using DiploPortal.Core.Engagements;
using Npgsql;

namespace DiploPortal.Core.DemoData;

internal readonly record struct EngagementRow(
    int Id, string Title, EngagementKind Kind, CommunicationChannel Channel, DateOnly OccurredOn, int? HostNationId, string? Location,
    string Summary, EngagementOutcome Outcome, string? OutcomeNotes, Marking Marking);

internal readonly record struct FollowUpRow(int Id, int EngagementId, string Action, string? Owner, DateOnly? DueOn, FollowUpStatus Status);

/// <summary>A slice of engagements with everything that hangs off them, written table by table.</summary>
internal sealed class EngagementBatch(int capacity)
{
    public List<EngagementRow> Engagements { get; } = new(capacity);

    /// <summary>With the engagement's day, the participants' copy of it (written here, so the database's trigger need not look it up).</summary>
    public List<(int EngagementId, int NationId, bool IsLead, DateOnly OccurredOn)> Participants { get; } = new(capacity * 3);

    public List<(int EngagementId, int AttacheId)> Attaches { get; } = [];

    public List<FollowUpRow> FollowUps { get; } = new(capacity * 2);

    public List<AssessmentRow> Assessments { get; } = [];
}

internal sealed record EngagementCounts(int Engagements, int Participants, int Attaches, int FollowUps, int Assessments, int Scores)
{
    public EngagementCounts Add(EngagementCounts other) => new(
        Engagements + other.Engagements, Participants + other.Participants, Attaches + other.Attaches,
        FollowUps + other.FollowUps, Assessments + other.Assessments, Scores + other.Scores);
}

/// <summary>
/// Engagements, streamed: a background task makes batches in date order (so ids grow with time, as
/// they would in a real system, and index inserts append) while the previous batch is copied to the
/// database. Memory holds at most three batches (one being made, one waiting, one being written),
/// whatever the total.
/// </summary>
internal static class DemoEngagements
{
    public const int BatchSize = 10_000;

    private const string Columns =
        "id, title, kind, channel, occurred_on, host_nation_id, location, summary, outcome, outcome_notes, " + BinaryCopy.MarkingColumns;

    public static async Task<EngagementCounts> WriteAsync(
        NpgsqlConnection connection, DemoRun run, AttacheRoster roster, int total, Action<int> progress, CancellationToken cancellationToken)
    {
        var counts = new EngagementCounts(0, 0, 0, 0, 0, 0);
        if (total == 0)
        {
            return counts;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var batches = Channel.CreateBounded<EngagementBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var factory = new EngagementFactory(run, roster, total);
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    while (factory.NextBatch(BatchSize) is { } batch)
                    {
                        await batches.Writer.WriteAsync(batch, stop.Token);
                    }

                    batches.Writer.Complete();
                }
                catch (Exception ex)
                {
                    batches.Writer.Complete(ex);
                }
            },
            CancellationToken.None);

        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(stop.Token))
            {
                counts = counts.Add(await WriteBatchAsync(connection, batch, stop.Token));
                progress(counts.Engagements);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await producer;
        }

        return counts;
    }

    private static async Task<EngagementCounts> WriteBatchAsync(NpgsqlConnection connection, EngagementBatch batch, CancellationToken cancellationToken)
    {
        ulong engagements, participants, attaches, followUps;
        await using (var importer = await BinaryCopy.BeginAsync(connection, "engagements", Columns, cancellationToken))
        {
            foreach (var e in batch.Engagements)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteIntAsync(e.Id, cancellationToken);
                await importer.WriteTextAsync(e.Title, cancellationToken);
                await importer.WriteEnumAsync(e.Kind, cancellationToken);
                await importer.WriteEnumAsync(e.Channel, cancellationToken);
                await importer.WriteDateAsync(e.OccurredOn, cancellationToken);
                await importer.WriteIntAsync(e.HostNationId, cancellationToken);
                await importer.WriteTextAsync(e.Location, cancellationToken);
                await importer.WriteTextAsync(e.Summary, cancellationToken);
                await importer.WriteEnumAsync(e.Outcome, cancellationToken);
                await importer.WriteTextAsync(e.OutcomeNotes, cancellationToken);
                await importer.WriteMarkingAsync(e.Marking, isDemo: true, cancellationToken);
            }

            engagements = await importer.CompleteAsync(cancellationToken);
        }

        await using (var importer = await BinaryCopy.BeginAsync(connection, "engagement_participants", "engagement_id, nation_id, is_lead, occurred_on", cancellationToken))
        {
            foreach (var (engagementId, nationId, isLead, occurredOn) in batch.Participants)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteIntAsync(engagementId, cancellationToken);
                await importer.WriteIntAsync(nationId, cancellationToken);
                await importer.WriteBoolAsync(isLead, cancellationToken);
                await importer.WriteDateAsync(occurredOn, cancellationToken);
            }

            participants = await importer.CompleteAsync(cancellationToken);
        }

        await using (var importer = await BinaryCopy.BeginAsync(connection, "engagement_attaches", "engagement_id, attache_id", cancellationToken))
        {
            foreach (var (engagementId, attacheId) in batch.Attaches)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteIntAsync(engagementId, cancellationToken);
                await importer.WriteIntAsync(attacheId, cancellationToken);
            }

            attaches = await importer.CompleteAsync(cancellationToken);
        }

        await using (var importer = await BinaryCopy.BeginAsync(
            connection, "engagement_follow_ups", "id, engagement_id, action, owner, due_on, status", cancellationToken))
        {
            foreach (var f in batch.FollowUps)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteIntAsync(f.Id, cancellationToken);
                await importer.WriteIntAsync(f.EngagementId, cancellationToken);
                await importer.WriteTextAsync(f.Action, cancellationToken);
                await importer.WriteTextAsync(f.Owner, cancellationToken);
                await importer.WriteDateAsync(f.DueOn, cancellationToken);
                await importer.WriteEnumAsync(f.Status, cancellationToken);
            }

            followUps = await importer.CompleteAsync(cancellationToken);
        }

        var (assessments, scores) = await DemoAssessments.WriteAsync(connection, batch.Assessments, cancellationToken);
        return new EngagementCounts((int)engagements, (int)participants, (int)attaches, (int)followUps, assessments, scores);
    }
}

/// <summary>Makes engagements one after another from one seeded random source, so a seed always gives the same rows.</summary>
internal sealed class EngagementFactory
{
    // Share of activity growth over the ten years: the last year has 1.6 times the engagements of the first.
    private const double Growth = 0.6;

    private static readonly int[] KindWeights = [22, 10, 20, 12, 10, 12, 4];
    private static readonly DateOnly PandemicStart = new(2020, 4, 1);
    private static readonly DateOnly PandemicEnd = new(2021, 6, 30);

    private readonly DemoRun _run;
    private readonly AttacheRoster _roster;
    private readonly int _total;
    private readonly Random _rng;
    private readonly (DemoNation A, DemoNation B)[] _hotlinePairs;
    private readonly (DemoNation Nation, string Venue, string City)[] _venues;
    private readonly (DemoNation Nation, string Port)[] _ports;
    private readonly DemoNation[] _navies;
    private readonly List<DemoNation> _nations = new(5);
    private int _next;

    public EngagementFactory(DemoRun run, AttacheRoster roster, int total)
    {
        _run = run;
        _roster = roster;
        _total = total;
        _rng = run.RandomFor(7);
        var world = run.World;
        _hotlinePairs = DemoText.HotlinePairs
            .Where(p => world.Find(p.A) is not null && world.Find(p.B) is not null)
            .Select(p => (world.Find(p.A)!, world.Find(p.B)!))
            .ToArray();
        _venues = DemoText.ConferenceVenues
            .Where(v => world.Find(v.Nation) is not null)
            .Select(v => (world.Find(v.Nation)!, v.Venue, v.City))
            .ToArray();
        _ports = DemoText.Ports
            .Where(p => world.Find(p.Nation) is not null)
            .Select(p => (world.Find(p.Nation)!, p.Port))
            .ToArray();
        _navies = _ports.Select(p => p.Nation).Where(world.Nations.Contains).Distinct().ToArray();
    }

    public EngagementBatch? NextBatch(int size)
    {
        if (_next >= _total)
        {
            return null;
        }

        var end = Math.Min(_total, _next + size);
        var batch = new EngagementBatch(end - _next);
        for (; _next < end; _next++)
        {
            Make(batch, DayOf(_next));
        }

        return batch;
    }

    /// <summary>
    /// The day of the i-th engagement: days never decrease with i, and activity grows over the decade
    /// (the inverse of a linearly rising distribution). Weekend meetings move to the nearest weekday.
    /// </summary>
    private DateOnly DayOf(int index)
    {
        var f = (index + _rng.NextDouble()) / _total;
        var x = (-1 + Math.Sqrt(1 + (2 * Growth * f * (1 + (Growth / 2))))) / Growth;
        var day = _run.HistoryStart.AddDays(Math.Min(_run.DaysOfHistory - 1, (int)(x * _run.DaysOfHistory)));
        return day.DayOfWeek switch
        {
            DayOfWeek.Saturday => day.AddDays(-1),
            DayOfWeek.Sunday when day.AddDays(1) <= _run.Anchor => day.AddDays(1),
            _ => day,
        };
    }

    private void Make(EngagementBatch batch, DateOnly day)
    {
        var rng = _rng;
        var world = _run.World;
        var nations = _nations;
        nations.Clear();
        var kind = (EngagementKind)rng.Weighted(KindWeights);
        if ((kind == EngagementKind.CrisisHotlineCall && _hotlinePairs.Length == 0) || (kind == EngagementKind.PortVisit && _navies.Length < 2))
        {
            kind = EngagementKind.BilateralDialogue;
        }

        DemoNation? host = null;
        string? location = null;
        string? venue = null;
        DemoAttache? liaison = null;
        var channel = CommunicationChannel.FaceToFace;
        switch (kind)
        {
            case EngagementKind.CrisisHotlineCall:
                var (a, b) = rng.Pick(_hotlinePairs);
                nations.Add(rng.Chance(0.5) ? a : b);
                nations.Add(nations[0] == a ? b : a);
                channel = CommunicationChannel.Hotline;
                break;

            case EngagementKind.PortVisit:
                // Visiting ships come from the navies that keep ports of their own.
                var (portNation, port) = rng.Pick(_ports);
                var visitor = rng.Pick(_navies);
                if (visitor == portNation)
                {
                    visitor = rng.Pick(_navies);
                }

                if (visitor == portNation)
                {
                    kind = EngagementKind.BilateralDialogue;
                    goto default;
                }

                nations.Add(visitor);
                nations.Add(portNation);
                host = portNation;
                location = port;
                break;

            case EngagementKind.Conference:
                if (_venues.Length > 0 && rng.Chance(0.4))
                {
                    var (venueNation, venueName, city) = rng.Pick(_venues);
                    nations.Add(venueNation);
                    venue = venueName;
                    location = city;
                }
                else
                {
                    nations.Add(world.Pick(rng));
                }

                world.AddPartners(rng, nations, rng.Between(3, 5));
                host = nations[0];
                channel = rng.Chance(0.8) ? CommunicationChannel.FaceToFace : CommunicationChannel.Teleconference;
                break;

            case EngagementKind.MultilateralNegotiation:
                nations.Add(world.Pick(rng));
                world.AddPartners(rng, nations, rng.Between(3, 5));
                channel = (CommunicationChannel)rng.Weighted([60, 25, 15]);
                host = nations[rng.Next(nations.Count)];
                break;

            default:
                // Bilateral dialogues, staff talks and visits: often arranged by an attaché in post.
                if (rng.Chance(0.35) && _roster.AnyServingOn(rng, day) is { } attache)
                {
                    liaison = attache;
                    nations.Add(attache.Sending);
                    nations.Add(attache.Host);
                    host = attache.Host;
                }
                else
                {
                    nations.Add(world.Pick(rng));
                    world.AddPartners(rng, nations, 2);
                    host = rng.Chance(0.5) || kind == EngagementKind.SeniorLeaderVisit ? nations[1] : nations[0];
                }

                if (kind == EngagementKind.StaffTalks && rng.Chance(0.25))
                {
                    world.AddPartners(rng, nations, 3);
                }

                channel = kind switch
                {
                    EngagementKind.SeniorLeaderVisit => CommunicationChannel.FaceToFace,
                    EngagementKind.StaffTalks => (CommunicationChannel)rng.Weighted([55, 25, 20]),
                    _ => (CommunicationChannel)rng.Weighted([45, 25, 15, 0, 15]),
                };
                break;
        }

        if (nations.Count < 2)
        {
            world.AddPartners(rng, nations, 2);
        }

        // Travel stopped in the pandemic: most meetings that would have been in person went online.
        if (channel == CommunicationChannel.FaceToFace && kind is not (EngagementKind.PortVisit or EngagementKind.SeniorLeaderVisit)
            && day >= PandemicStart && day <= PandemicEnd && rng.Chance(0.6))
        {
            channel = CommunicationChannel.Teleconference;
        }

        if (channel != CommunicationChannel.FaceToFace)
        {
            host = null;
            location = null;
        }
        else
        {
            host ??= nations[0];
            location ??= host.CapitalOrName;
        }

        var lead = nations[0];
        var id = _run.Engagements.Next();
        if (liaison is null && host is not null && host != lead && rng.Chance(0.2))
        {
            liaison = _roster.PostedOn(rng, lead, host, day);
        }

        if (liaison is not null)
        {
            batch.Attaches.Add((id, liaison.Id));
        }

        for (var i = 0; i < nations.Count; i++)
        {
            batch.Participants.Add((id, nations[i].Id, i == 0, day));
        }

        var topic = rng.Pick(DemoText.Topics);
        var outcome = OutcomeFor(rng, day);
        var ship = kind == EngagementKind.PortVisit ? Ship(rng, lead) : "";
        var title = Title(rng, kind, nations, host, location, venue, topic, ship);
        var summary = Summary(rng, kind, channel, nations, host, location, venue, topic, outcome, liaison, ship);
        string? notes = outcome == EngagementOutcome.Pending || rng.Chance(0.3) ? null : rng.Pick(outcome switch
        {
            EngagementOutcome.Positive => DemoText.OutcomeNotesPositive,
            EngagementOutcome.Neutral => DemoText.OutcomeNotesNeutral,
            EngagementOutcome.Negative => DemoText.OutcomeNotesNegative,
            _ => DemoText.OutcomeNotesInconclusive,
        });

        var created = _run.Stamp(rng, day.AddDays(rng.Between(0, 5)));
        var updated = outcome == EngagementOutcome.Pending ? created : _run.Stamp(rng, day.AddDays(rng.Between(1, 60)));
        var atLeast = kind == EngagementKind.CrisisHotlineCall ? Classification.Restricted : Classification.Unclassified;
        var marking = _run.Mark(rng, DemoRun.DrawClassification(rng, atLeast), lead, nations, created, updated);
        batch.Engagements.Add(new EngagementRow(id, title, kind, channel, day, host?.Id, location, summary, outcome, notes, marking));

        AddFollowUps(batch, rng, id, day, outcome, topic);

        if (outcome != EngagementOutcome.Pending && rng.Chance(0.106))
        {
            var assessedOn = day.AddDays(rng.Between(14, 90));
            if (assessedOn < _run.Anchor)
            {
                batch.Assessments.Add(DemoAssessments.Engagement(_run, rng, id, kind, outcome, lead, host, assessedOn, marking));
            }
        }
    }

    private EngagementOutcome OutcomeFor(Random rng, DateOnly day)
    {
        if (day.AddDays(21) > _run.Anchor && rng.Chance(0.8))
        {
            return EngagementOutcome.Pending;
        }

        return rng.Weighted([6, 45, 27, 8, 14]) switch
        {
            0 => EngagementOutcome.Pending,
            1 => EngagementOutcome.Positive,
            2 => EngagementOutcome.Neutral,
            3 => EngagementOutcome.Negative,
            _ => EngagementOutcome.Inconclusive,
        };
    }

    private void AddFollowUps(EngagementBatch batch, Random rng, int engagementId, DateOnly day, EngagementOutcome outcome, string topic)
    {
        var count = rng.Weighted(outcome == EngagementOutcome.Negative ? [60, 30, 10, 0] : [30, 35, 25, 10]);
        for (var i = 0; i < count; i++)
        {
            var due = day.AddDays(rng.Between(30, 180));
            var status = outcome == EngagementOutcome.Pending ? FollowUpStatus.Open
                : due < _run.Anchor ? (FollowUpStatus)rng.Weighted([10, 15, 65, 10])
                : (FollowUpStatus)rng.Weighted([60, 40, 0, 0]);
            var owner = rng.Chance(0.8) ? $"{rng.Pick(_nations).Name} {rng.Pick(DemoText.FollowUpOwners)}" : null;
            batch.FollowUps.Add(new FollowUpRow(
                _run.EngagementFollowUps.Next(), engagementId, DemoText.Format(rng.Pick(DemoText.FollowUpActions), topic), owner,
                rng.Chance(0.9) ? due : null, status));
        }
    }

    private static string Title(
        Random rng, EngagementKind kind, List<DemoNation> nations, DemoNation? host, string? location, string? venue, string topic, string ship)
    {
        var a = nations[0].Name;
        var b = nations[1].Name;
        return kind switch
        {
            EngagementKind.BilateralDialogue => rng.Next(4) switch
            {
                0 => $"{a}–{b} defence policy dialogue",
                1 => $"Bilateral dialogue on {topic}: {a} and {b}",
                2 => $"Annual {a}–{b} defence consultations",
                _ => $"{a}–{b} talks on {topic}",
            },
            EngagementKind.StaffTalks => rng.Next(3) switch
            {
                0 => $"Staff talks on {topic}",
                1 => $"{rng.Pick(DemoText.Services)} staff talks: {string.Join('–', nations.Select(n => n.Name))}",
                _ => $"{a}–{b} joint staff talks on {topic}",
            },
            EngagementKind.SeniorLeaderVisit => $"Senior leader visit: {rng.Pick(DemoText.SeniorLeaders)} of {a} to {(host ?? nations[1]).Name}",
            EngagementKind.PortVisit => $"Port visit: {ship} from {a} at {location ?? b}",
            EngagementKind.Conference when venue is not null => $"{venue}: session on {topic}",
            EngagementKind.Conference => $"{DemoText.RegionalAdjective(nations[0].Region)} conference on {topic}",
            EngagementKind.MultilateralNegotiation => rng.Chance(0.5)
                ? $"Multilateral negotiation on {topic} ({nations.Count} nations)"
                : $"Negotiation of a memorandum of understanding on {topic}",
            _ => $"Crisis hotline call: {a}–{b} on {rng.Pick(DemoText.HotlineIncidents)}",
        };
    }

    private static string Summary(
        Random rng, EngagementKind kind, CommunicationChannel channel, List<DemoNation> nations, DemoNation? host, string? location,
        string? venue, string topic, EngagementOutcome outcome, DemoAttache? liaison, string ship)
    {
        var lead = nations[0].Name;
        var other = nations[1].Name;
        var where = channel switch
        {
            CommunicationChannel.FaceToFace => $"in {location}",
            CommunicationChannel.Teleconference => "by video teleconference",
            CommunicationChannel.SecureDigitalPlatform => "over a secure digital platform",
            CommunicationChannel.Correspondence => "through an exchange of letters",
            _ => "over the direct military hotline",
        };
        var opening = kind switch
        {
            EngagementKind.BilateralDialogue => $"{lead} and {other} held a defence policy dialogue {where}.",
            EngagementKind.StaffTalks => $"Staff talks between {List(nations)} took place {where}.",
            EngagementKind.SeniorLeaderVisit => $"A senior delegation from {lead} visited {(host ?? nations[1]).Name} and was received by counterparts {where}.",
            EngagementKind.PortVisit => $"{(ship[0] is 'a' or 'o' ? "An" : "A")} {ship} from {lead} called at {location}, {(host ?? nations[1]).Name}, for a {rng.Between(2, 5)}-day port visit.",
            EngagementKind.Conference => $"{lead} hosted {(venue is null ? "a regional conference" : $"the {venue}")} {where}, with delegations from {List(nations.Skip(1))}.",
            EngagementKind.MultilateralNegotiation => $"Delegations from {List(nations)} met {where} to negotiate on {topic}.",
            _ => $"The {lead} duty officer called the {other} counterpart {where} about {rng.Pick(DemoText.HotlineIncidents)}.",
        };
        var details = kind switch
        {
            EngagementKind.SeniorLeaderVisit => DemoText.VisitDetails,
            EngagementKind.PortVisit => DemoText.PortVisitDetails,
            EngagementKind.Conference => DemoText.ConferenceDetails,
            EngagementKind.CrisisHotlineCall => DemoText.HotlineDetails,
            _ => DemoText.DialogueDetails,
        };
        var detail = DemoText.Format(rng.Pick(details), topic) + ".";
        var closing = outcome switch
        {
            EngagementOutcome.Pending => "Outcome to be confirmed.",
            EngagementOutcome.Positive => rng.Pick(DemoText.PositiveClosings),
            EngagementOutcome.Negative => rng.Pick(DemoText.NegativeClosings),
            _ => rng.Pick(DemoText.NeutralClosings),
        };
        var liaisonNote = liaison is null
            ? ""
            : $" {liaison.Rank} {liaison.FullName}, {liaison.Sending.Name} {DemoAttaches.PostTitle(liaison.Post)} in {liaison.Host.CapitalOrName}, attended as liaison.";
        var summary = $"{opening} {detail} {closing}{liaisonNote}";
        return nations.Count > 2 ? summary.Replace("Both sides", "The participants", StringComparison.Ordinal) : summary;
    }

    /// <summary>Large navies send anything up to an amphibious assault ship; small ones patrol vessels and training ships.</summary>
    private static string Ship(Random rng, DemoNation navy) =>
        navy.Weight >= 12 ? rng.Pick(DemoText.Ships) : rng.Pick(DemoText.SmallNavyShips);

    private static string List(IEnumerable<DemoNation> nations)
    {
        var names = nations.Select(n => n.Name).ToList();
        return names.Count switch
        {
            0 => "",
            1 => names[0],
            _ => $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}",
        };
    }
}
