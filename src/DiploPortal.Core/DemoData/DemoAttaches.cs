using System.Globalization;
using DiploPortal.Core.Attaches;
using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using Npgsql;

namespace DiploPortal.Core.DemoData;

internal sealed record DemoAttache(
    int Id, DemoNation Sending, DemoNation Host, AttachePost Post, MilitaryService Service, string Rank, string FullName,
    DateOnly PostedFrom, DateOnly PostedUntil, Marking Marking)
{
    public bool ServesOn(DateOnly day) => PostedFrom <= day && day <= PostedUntil;
}

/// <summary>The generated attachés, indexed so engagements and exercises can find who was posted where and when.</summary>
internal sealed class AttacheRoster
{
    private readonly Dictionary<(int Sending, int Host), List<DemoAttache>> _byPair;
    private readonly Dictionary<int, List<DemoAttache>> _byHost;
    private readonly List<DemoAttache>[] _byYear;
    private readonly int _firstYear;

    public AttacheRoster(IReadOnlyList<DemoAttache> attaches, DateOnly historyStart, DateOnly anchor)
    {
        All = attaches;
        _byPair = attaches.GroupBy(a => (a.Sending.Index, a.Host.Index)).ToDictionary(g => g.Key, g => g.ToList());
        _byHost = attaches.GroupBy(a => a.Host.Index).ToDictionary(g => g.Key, g => g.ToList());
        _firstYear = historyStart.Year;
        _byYear = new List<DemoAttache>[anchor.Year - _firstYear + 1];
        for (var i = 0; i < _byYear.Length; i++)
        {
            _byYear[i] = [];
        }

        foreach (var attache in attaches)
        {
            for (var year = Math.Max(attache.PostedFrom.Year, _firstYear); year <= Math.Min(attache.PostedUntil.Year, anchor.Year); year++)
            {
                _byYear[year - _firstYear].Add(attache);
            }
        }
    }

    public IReadOnlyList<DemoAttache> All { get; }

    /// <summary>Some attaché in post on <paramref name="day"/>, or null when a few draws find none.</summary>
    public DemoAttache? AnyServingOn(Random rng, DateOnly day)
    {
        var index = day.Year - _firstYear;
        if (index < 0 || index >= _byYear.Length || _byYear[index].Count == 0)
        {
            return null;
        }

        var candidates = _byYear[index];
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var candidate = rng.Pick(candidates);
            if (candidate.ServesOn(day))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Some attaché posted to <paramref name="host"/> on <paramref name="day"/>, if any.</summary>
    public DemoAttache? PostedTo(Random rng, DemoNation host, DateOnly day) =>
        _byHost.TryGetValue(host.Index, out var posted) ? FirstServing(rng, posted, day) : null;

    /// <summary>An attaché of <paramref name="sending"/> posted to <paramref name="host"/> on <paramref name="day"/>, if any.</summary>
    public DemoAttache? PostedOn(Random rng, DemoNation sending, DemoNation host, DateOnly day)
    {
        return _byPair.TryGetValue((sending.Index, host.Index), out var posted) ? FirstServing(rng, posted, day) : null;
    }

    private static DemoAttache? FirstServing(Random rng, List<DemoAttache> posted, DateOnly day)
    {
        var start = rng.Next(posted.Count);
        for (var i = 0; i < posted.Count; i++)
        {
            var candidate = posted[(start + i) % posted.Count];
            if (candidate.ServesOn(day))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>
/// Attachés as chains of postings: each (sending nation, host nation, post) is held by one officer
/// after another for 2 to 4 years, so two defence attachés of one nation never overlap in one capital.
/// </summary>
internal static class DemoAttaches
{
    private const string Columns =
        "id, full_name, rank, service, post, sending_nation_id, host_nation_id, posted_from, posted_until, " + BinaryCopy.MarkingColumns;

    private const string ReportColumns = "id, attache_id, kind, title, body, filed_on, " + BinaryCopy.MarkingColumns;

    private static readonly AttachePost[] SecondaryPosts = [AttachePost.Army, AttachePost.Naval, AttachePost.Air, AttachePost.Assistant];

    public static AttacheRoster Generate(DemoRun run, int count)
    {
        var rng = run.RandomFor(1);
        var world = run.World;
        var slots = new HashSet<(int, int, AttachePost)>();
        var drafts = new List<(DemoNation Sending, DemoNation Host, AttachePost Post, MilitaryService Service, string Rank, string Name, DateOnly From, DateOnly Until)>();
        var attempts = 0;
        while (drafts.Count < count && attempts++ < count * 50)
        {
            var sending = world.Pick(rng);
            var host = world.Pick(rng);
            if (host == sending)
            {
                continue;
            }

            var post = AttachePost.Defence;
            if (slots.Contains((sending.Index, host.Index, AttachePost.Defence)))
            {
                // Only nations with large defence establishments post service attachés and assistants.
                if (sending.Weight < 4)
                {
                    continue;
                }

                post = rng.Pick(SecondaryPosts);
                if (slots.Contains((sending.Index, host.Index, post)))
                {
                    continue;
                }
            }

            slots.Add((sending.Index, host.Index, post));
            var from = run.HistoryStart.AddDays(rng.Next(365));
            while (from <= run.Anchor && drafts.Count < count)
            {
                var until = from.AddYears(rng.Between(2, 4)).AddDays(rng.Between(-20, 20));
                var service = ServiceFor(rng, sending, post);
                drafts.Add((sending, host, post, service, DemoNames.Rank(rng, sending, service, post), DemoNames.FullName(rng, sending), from, until));
                from = until.AddDays(rng.Between(1, 45));
            }
        }

        var ordered = drafts
            .Select((d, i) => (Draft: d, Order: i))
            .OrderBy(x => x.Draft.From)
            .ThenBy(x => x.Order)
            .Select(x => x.Draft);
        var attaches = new List<DemoAttache>(drafts.Count);
        foreach (var d in ordered)
        {
            var classification = DemoRun.DrawClassification(rng);
            var marking = run.Mark(
                rng, classification, d.Sending, [d.Sending, d.Host],
                run.Stamp(rng, d.From.AddDays(-rng.Between(20, 60))), run.Stamp(rng, run.Clamp(d.Until)));
            attaches.Add(new DemoAttache(run.Attaches.Next(), d.Sending, d.Host, d.Post, d.Service, d.Rank, d.Name, d.From, d.Until, marking));
        }

        return new AttacheRoster(attaches, run.HistoryStart, run.Anchor);
    }

    public static async Task<int> WriteAsync(NpgsqlConnection connection, AttacheRoster roster, CancellationToken cancellationToken)
    {
        await using var importer = await BinaryCopy.BeginAsync(connection, "attaches", Columns, cancellationToken);
        foreach (var a in roster.All)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteIntAsync(a.Id, cancellationToken);
            await importer.WriteTextAsync(a.FullName, cancellationToken);
            await importer.WriteTextAsync(a.Rank, cancellationToken);
            await importer.WriteEnumAsync(a.Service, cancellationToken);
            await importer.WriteEnumAsync(a.Post, cancellationToken);
            await importer.WriteIntAsync(a.Sending.Id, cancellationToken);
            await importer.WriteIntAsync(a.Host.Id, cancellationToken);
            await importer.WriteDateAsync(a.PostedFrom, cancellationToken);
            await importer.WriteDateAsync(a.PostedUntil, cancellationToken);
            await importer.WriteMarkingAsync(a.Marking, isDemo: true, cancellationToken);
        }

        return (int)await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>About two reports per attaché, filed during the posting; generated while they are written.</summary>
    public static async Task<int> WriteReportsAsync(NpgsqlConnection connection, DemoRun run, AttacheRoster roster, CancellationToken cancellationToken)
    {
        var rng = run.RandomFor(2);
        await using var importer = await BinaryCopy.BeginAsync(connection, "attache_reports", ReportColumns, cancellationToken);
        var lastDay = run.Anchor.AddDays(-1);
        foreach (var attache in roster.All)
        {
            var last = attache.PostedUntil < lastDay ? attache.PostedUntil : lastDay;
            var span = last.DayNumber - attache.PostedFrom.DayNumber;
            var reports = rng.Between(1, 3);
            for (var i = 0; i < reports && span > 0; i++)
            {
                var filedOn = attache.PostedFrom.AddDays(rng.Next(span));
                var kind = (AttacheReportKind)rng.Weighted([35, 25, 25, 15]);
                var subject = rng.Pick(DemoText.ReportSubjects);
                var host = attache.Host.Name;
                var title = kind switch
                {
                    AttacheReportKind.Assessment => $"Assessment of {subject} in {host}",
                    AttacheReportKind.Insight => $"Insight: {host} and {subject}",
                    AttacheReportKind.VisitReport => rng.Chance(0.5)
                        ? $"Visit report: call on the {rng.Pick(DemoText.SeniorLeaders)} of {host}"
                        : $"Visit report: {host} {rng.Pick(["staff college", "naval base", "air base", "army training centre", "defence exhibition"])}",
                    _ => $"Intelligence summary: {host}, {subject}, {filedOn.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}",
                };
                var first = rng.Next(DemoText.ReportBodies.Length);
                var second = (first + 1 + rng.Next(DemoText.ReportBodies.Length - 1)) % DemoText.ReportBodies.Length;
                var body = string.Join(
                    ' ',
                    DemoText.Format(DemoText.ReportBodies[first], host, subject),
                    DemoText.Format(DemoText.ReportBodies[second], host, subject),
                    $"Filed by {attache.Rank} {attache.FullName}, {PostTitle(attache.Post)} in {attache.Host.CapitalOrName}.");
                var atLeast = kind == AttacheReportKind.IntelligenceSummary ? Classification.Confidential : Classification.Unclassified;
                var created = run.Stamp(rng, filedOn);
                var marking = run.Mark(rng, DemoRun.DrawClassification(rng, atLeast), attache.Sending, [attache.Sending], created, created);

                await importer.StartRowAsync(cancellationToken);
                await importer.WriteIntAsync(run.AttacheReports.Next(), cancellationToken);
                await importer.WriteIntAsync(attache.Id, cancellationToken);
                await importer.WriteEnumAsync(kind, cancellationToken);
                await importer.WriteTextAsync(title, cancellationToken);
                await importer.WriteTextAsync(body, cancellationToken);
                await importer.WriteDateAsync(filedOn, cancellationToken);
                await importer.WriteMarkingAsync(marking, isDemo: true, cancellationToken);
            }
        }

        return (int)await importer.CompleteAsync(cancellationToken);
    }

    public static string PostTitle(AttachePost post) => post switch
    {
        AttachePost.Defence => "Defence Attaché",
        AttachePost.Army => "Army Attaché",
        AttachePost.Naval => "Naval Attaché",
        AttachePost.Air => "Air Attaché",
        _ => "Assistant Defence Attaché",
    };

    private static MilitaryService ServiceFor(Random rng, DemoNation sending, AttachePost post) => post switch
    {
        AttachePost.Army => MilitaryService.Army,
        AttachePost.Naval => MilitaryService.Navy,
        AttachePost.Air => MilitaryService.AirForce,
        AttachePost.Assistant => (MilitaryService)rng.Next(3),
        _ => rng.Weighted([45, 25, 25, 3, 2]) switch
        {
            0 => MilitaryService.Army,
            1 => MilitaryService.Navy,
            2 => MilitaryService.AirForce,
            3 when sending.Code is "USA" or "GBR" or "KOR" or "NLD" or "FRA" => MilitaryService.Marines,
            3 => MilitaryService.Army,
            _ => MilitaryService.Joint,
        },
    };
}
