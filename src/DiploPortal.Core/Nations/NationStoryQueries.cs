using System.Globalization;
using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using DiploPortal.Core.Engagements;
using DiploPortal.Core.Exercises;
using DiploPortal.Core.Missions;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Nations;

/// <summary>
/// The nation page's story: attachés, exercises, missions, engagements and one timeline across them,
/// all through the user's visibility filter. Its cost does not grow with the nation's history: every
/// list is the newest few read from an index on (nation, date), every count stops at a cap, and the
/// timeline is paged by keyset. Each section is one query that unions its sources (UNION ALL of small
/// ordered, limited reads), and names of other nations come from one read of the nation table, so a
/// page is a handful of round trips in one read-only snapshot.
/// </summary>
public sealed class NationStoryQueries(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Counts on the page stop here.</summary>
    public const int CountCap = 500;

    /// <summary>Engagements are counted by kind over at most this many, the newest.</summary>
    public const int EngagementWindow = 500;

    /// <summary>How many of the newest attachés, exercises and missions a section lists.</summary>
    public const int NewestCount = 5;

    /// <summary>How many upcoming exercises the exercise section lists.</summary>
    public const int UpcomingCount = 3;

    public const int TimelinePageSize = 25;

    private const string DayFormat = "yyyy-MM-dd";

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The nation's page: null when no nation has the code.</summary>
    public async Task<NationStory?> StoryAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        var today = Today;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var snapshot = await BeginSnapshotAsync(db, cancellationToken);
        if (await NationQueries.FindAsync(db, code, cancellationToken) is not var (id, details))
        {
            return null;
        }

        var nations = await NationNamesAsync(db, cancellationToken);
        var counts = await CountsAsync(db, id, today, cancellationToken);
        var (sent, received) = await NewestAttachesAsync(db, id, nations, cancellationToken);
        var (upcoming, recent) = await ExercisesAsync(db, id, today, nations, cancellationToken);
        var (affecting, contributed) = await MissionsAsync(db, id, nations, cancellationToken);
        var engagements = await EngagementsAsync(db, id, cancellationToken);
        var timeline = await TimelineAsync(db, id, details.Memberships, TimelineBound.Start(today), TimelinePageSize, nations, cancellationToken);
        await snapshot.CommitAsync(cancellationToken);

        return new NationStory(
            details,
            new NationAttaches(CappedCount.Of(counts.Sent, CountCap), CappedCount.Of(counts.SentServing, CountCap), sent),
            new NationAttaches(CappedCount.Of(counts.Received, CountCap), CappedCount.Of(counts.ReceivedServing, CountCap), received),
            new NationExercises(CappedCount.Of(counts.Exercises, CountCap), upcoming, recent),
            new NationMissions(CappedCount.Of(counts.MissionsAffecting, CountCap), affecting, CappedCount.Of(counts.MissionsContributed, CountCap), contributed),
            engagements,
            timeline);
    }

    /// <summary>
    /// The page of the nation's timeline that follows <paramref name="older"/> (the first page without
    /// one, or for a cursor that cannot be read); null when no nation has the code.
    /// </summary>
    public async Task<NationTimelinePage?> TimelineAsync(string code, Cursor? older, int pageSize = TimelinePageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var today = Today;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var snapshot = await BeginSnapshotAsync(db, cancellationToken);
        if (await NationQueries.FindAsync(db, code, cancellationToken) is not var (id, details))
        {
            return null;
        }

        var bound = older is { } cursor && TimelineBound.Parse(cursor) is { } parsed ? parsed : TimelineBound.Start(today);
        var nations = await NationNamesAsync(db, cancellationToken);
        var page = await TimelineAsync(db, id, details.Memberships, bound, pageSize, nations, cancellationToken);
        await snapshot.CommitAsync(cancellationToken);
        return page;
    }

    /// <summary>
    /// A read-only transaction, so that every count and list of a page comes from one snapshot and
    /// agrees with the others. Parallel workers and JIT are off inside it: each query is a few small
    /// index reads, and starting workers or compiling (several milliseconds each on a busy two-core
    /// server) cost more than the reads; SET LOCAL ends with the transaction, so pooled connections
    /// keep their settings. Not a read of records, so the visibility filter has nothing to miss.
    /// </summary>
    private static async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginSnapshotAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            "SET TRANSACTION READ ONLY; SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL jit = off", cancellationToken);
        return transaction;
    }

    /// <summary>Codes and names of all nations (a few hundred rows): sections name other nations from it instead of joining.</summary>
    private static async Task<Dictionary<int, (string Code, string Name)>> NationNamesAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        (await db.Nations.Select(n => new { n.Id, n.Code, n.Name }).ToListAsync(cancellationToken)).ToDictionary(n => n.Id, n => (n.Code, n.Name));

    private static async Task<Counts> CountsAsync(PortalDbContext db, int id, DateOnly today, CancellationToken cancellationToken)
    {
        const int take = CountCap + 1;
        // One query of scalar subqueries, each stopping at the cap. A record's visibility filter applies
        // in each, also through the joins from participants and contributions to their records. Counts
        // through a link table read it newest first: the (nation, day) index then leads, one record at a
        // time, and the read stops at the cap (without an order PostgreSQL preferred scanning the whole
        // record table for a hash or merge join).
        return await db.Nations.Where(n => n.Id == id)
            .Select(n => new Counts
            {
                Sent = db.Attaches.Where(a => a.SendingNationId == id).Take(take).Count(),
                SentServing = db.Attaches
                    .Where(a => a.SendingNationId == id && a.PostedFrom <= today && (a.PostedUntil == null || a.PostedUntil >= today))
                    .Take(take).Count(),
                Received = db.Attaches.Where(a => a.HostNationId == id).Take(take).Count(),
                ReceivedServing = db.Attaches
                    .Where(a => a.HostNationId == id && a.PostedFrom <= today && (a.PostedUntil == null || a.PostedUntil >= today))
                    .Take(take).Count(),
                // Exercises taken part in, hosted or led: the distinct ids of up to cap + 1 of each. When
                // either source reaches cap + 1 the count is capped anyway, otherwise both are whole.
                Exercises = db.ExerciseParticipants.Where(p => p.NationId == id)
                    .Join(db.Exercises, p => p.ExerciseId, e => e.Id, (p, e) => new { Day = EF.Property<DateOnly>(p, ExerciseParticipant.StartsOnProperty), p.ExerciseId })
                    .OrderByDescending(x => x.Day).ThenByDescending(x => x.ExerciseId).Select(x => x.ExerciseId).Take(take)
                    .Union(db.Exercises.Where(e => e.HostNationId == id || e.LeadNationId == id).Select(e => e.Id).Take(take))
                    .Count(),
                MissionsAffecting = db.Missions.Where(m => m.AffectedNationId == id).Take(take).Count(),
                MissionsContributed = db.MissionContributions.Where(c => c.NationId == id)
                    .Join(db.Missions, c => c.MissionId, m => m.Id, (c, m) => new { Day = EF.Property<DateOnly>(c, MissionContribution.StartsOnProperty), c.MissionId })
                    .OrderByDescending(x => x.Day).ThenByDescending(x => x.MissionId).Take(take).Count(),
            })
            .SingleAsync(cancellationToken);
    }

    private static async Task<(IReadOnlyList<NationAttache> Sent, IReadOnlyList<NationAttache> Received)> NewestAttachesAsync(
        PortalDbContext db, int id, Dictionary<int, (string Code, string Name)> nations, CancellationToken cancellationToken)
    {
        var sent = db.Attaches.Where(a => a.SendingNationId == id)
            .OrderByDescending(a => a.PostedFrom).ThenByDescending(a => a.Id).Take(NewestCount)
            .Select(a => new AttacheRow
            {
                Sent = true,
                Id = a.Id,
                Rank = a.Rank,
                FullName = a.FullName,
                OtherNationId = a.HostNationId,
                PostedFrom = a.PostedFrom,
                PostedUntil = a.PostedUntil,
                Classification = a.Classification,
            });
        var received = db.Attaches.Where(a => a.HostNationId == id)
            .OrderByDescending(a => a.PostedFrom).ThenByDescending(a => a.Id).Take(NewestCount)
            .Select(a => new AttacheRow
            {
                Sent = false,
                Id = a.Id,
                Rank = a.Rank,
                FullName = a.FullName,
                OtherNationId = a.SendingNationId,
                PostedFrom = a.PostedFrom,
                PostedUntil = a.PostedUntil,
                Classification = a.Classification,
            });
        var rows = await sent.Concat(received).ToListAsync(cancellationToken);
        List<NationAttache> Of(bool wasSent) => rows.Where(r => r.Sent == wasSent)
            .OrderByDescending(r => r.PostedFrom).ThenByDescending(r => r.Id)
            .Select(r => new NationAttache(
                r.Id, r.Rank, r.FullName, nations[r.OtherNationId].Code, nations[r.OtherNationId].Name, r.PostedFrom, r.PostedUntil, r.Classification))
            .ToList();
        return (Of(true), Of(false));
    }

    /// <summary>
    /// The next exercises (starting after today, soonest first) and the latest started, from two sources
    /// (hosted or led; took part) merged: an exercise named by both keeps the first part.
    /// </summary>
    private static async Task<(IReadOnlyList<NationExercise> Upcoming, IReadOnlyList<NationExercise> Recent)> ExercisesAsync(
        PortalDbContext db, int id, DateOnly today, Dictionary<int, (string Code, string Name)> nations, CancellationToken cancellationToken)
    {
        IQueryable<ExerciseRow>? query = null;
        foreach (var source in ExerciseSources(db, id))
        {
            var upcoming = source.Where(x => x.Day > today)
                .OrderBy(x => x.Day).ThenBy(x => x.Key).Take(UpcomingCount)
                .Select(x => new ExerciseRow
                {
                    Upcoming = true,
                    Id = x.Record.Id,
                    Name = x.Record.Name,
                    Kind = x.Record.Kind,
                    Status = x.Record.Status,
                    Part = x.Part,
                    HostNationId = x.Record.HostNationId,
                    StartsOn = x.Record.StartsOn,
                    EndsOn = x.Record.EndsOn,
                    StartsOnPrecision = x.Record.StartsOnPrecision,
                    EndsOnPrecision = x.Record.EndsOnPrecision,
                    Classification = x.Record.Classification,
                });
            var recent = source.Where(x => x.Day <= today)
                .OrderByDescending(x => x.Day).ThenByDescending(x => x.Key).Take(NewestCount)
                .Select(x => new ExerciseRow
                {
                    Upcoming = false,
                    Id = x.Record.Id,
                    Name = x.Record.Name,
                    Kind = x.Record.Kind,
                    Status = x.Record.Status,
                    Part = x.Part,
                    HostNationId = x.Record.HostNationId,
                    StartsOn = x.Record.StartsOn,
                    EndsOn = x.Record.EndsOn,
                    StartsOnPrecision = x.Record.StartsOnPrecision,
                    EndsOnPrecision = x.Record.EndsOnPrecision,
                    Classification = x.Record.Classification,
                });
            query = query is null ? upcoming.Concat(recent) : query.Concat(upcoming).Concat(recent);
        }

        var rows = await query!.ToListAsync(cancellationToken);
        NationExercise Of(ExerciseRow r) => new(
            r.Id, r.Name, r.Kind, r.Status, (NationPart)r.Part, nations[r.HostNationId].Code, nations[r.HostNationId].Name, r.StartsOn, r.EndsOn, r.Classification)
        {
            StartsOnPrecision = r.StartsOnPrecision,
            EndsOnPrecision = r.EndsOnPrecision,
        };
        var upcomingExercises = Merge(rows.Where(r => r.Upcoming), r => r.Id, r => r.Part)
            .OrderBy(r => r.StartsOn).ThenBy(r => r.Id).Take(UpcomingCount).Select(Of).ToList();
        var recentExercises = Merge(rows.Where(r => !r.Upcoming), r => r.Id, r => r.Part)
            .OrderByDescending(r => r.StartsOn).ThenByDescending(r => r.Id).Take(NewestCount).Select(Of).ToList();
        return (upcomingExercises, recentExercises);
    }

    /// <summary>
    /// Exercises the nation hosted or led (one read of the two small (nation, start) indexes) and
    /// exercises it took part in (by the participants' copy of the first day), with its part. Each source
    /// orders and seeks by its own (day, key) so that its index answers.
    /// </summary>
    private static IQueryable<PartIn<JointExercise>>[] ExerciseSources(PortalDbContext db, int id) =>
    [
        db.Exercises.Where(e => e.HostNationId == id || e.LeadNationId == id)
            .Select(e => new PartIn<JointExercise>
            {
                Record = e,
                Day = e.StartsOn,
                Key = e.Id,
                Part = e.HostNationId == id ? (int)NationPart.Host : (int)NationPart.Lead,
            }),
        db.ExerciseParticipants.Where(p => p.NationId == id)
            .Join(db.Exercises, p => p.ExerciseId, e => e.Id, (p, e) => new PartIn<JointExercise>
            {
                Record = e,
                Day = EF.Property<DateOnly>(p, ExerciseParticipant.StartsOnProperty),
                Key = p.ExerciseId,
                Part = p.Role == ExerciseRole.Host ? (int)NationPart.Host : p.Role == ExerciseRole.Observer ? (int)NationPart.Observer : (int)NationPart.Participant,
            }),
    ];

    /// <summary>Missions for a crisis in the nation, and missions it contributed to (by the contributions' copy of the first day).</summary>
    private static IQueryable<PartIn<HumanitarianMission>>[] MissionSources(PortalDbContext db, int id) =>
    [
        db.Missions.Where(m => m.AffectedNationId == id)
            .Select(m => new PartIn<HumanitarianMission> { Record = m, Day = m.StartsOn, Key = m.Id, Part = (int)NationPart.Affected }),
        db.MissionContributions.Where(c => c.NationId == id)
            .Join(db.Missions, c => c.MissionId, m => m.Id, (c, m) => new PartIn<HumanitarianMission>
            {
                Record = m,
                Day = EF.Property<DateOnly>(c, MissionContribution.StartsOnProperty),
                Key = c.MissionId,
                Part = (int)NationPart.Contributor,
            }),
    ];

    private static async Task<(IReadOnlyList<NationMission> Affecting, IReadOnlyList<NationMission> Contributed)> MissionsAsync(
        PortalDbContext db, int id, Dictionary<int, (string Code, string Name)> nations, CancellationToken cancellationToken)
    {
        IQueryable<MissionRow>? query = null;
        foreach (var source in MissionSources(db, id))
        {
            var newest = source.OrderByDescending(x => x.Day).ThenByDescending(x => x.Key).Take(NewestCount)
                .Select(x => new MissionRow
                {
                    Part = x.Part,
                    Id = x.Record.Id,
                    Name = x.Record.Name,
                    Kind = x.Record.Kind,
                    Crisis = x.Record.Crisis,
                    AffectedNationId = x.Record.AffectedNationId,
                    StartsOn = x.Record.StartsOn,
                    EndsOn = x.Record.EndsOn,
                    Classification = x.Record.Classification,
                });
            query = query is null ? newest : query.Concat(newest);
        }

        var rows = await query!.ToListAsync(cancellationToken);
        List<NationMission> Of(NationPart part) => rows.Where(r => r.Part == (int)part)
            .OrderByDescending(r => r.StartsOn).ThenByDescending(r => r.Id)
            .Select(r => new NationMission(
                r.Id, r.Name, r.Kind, r.Crisis, (NationPart)r.Part, nations[r.AffectedNationId].Code, nations[r.AffectedNationId].Name, r.StartsOn, r.EndsOn, r.Classification))
            .ToList();
        return (Of(NationPart.Affected), Of(NationPart.Contributor));
    }

    /// <summary>
    /// The nation's engagements (took part or hosted) counted by kind over the newest
    /// <see cref="EngagementWindow"/>: both sources read newest first from their (nation, day) indexes.
    /// </summary>
    private static async Task<NationEngagements> EngagementsAsync(PortalDbContext db, int id, CancellationToken cancellationToken)
    {
        const int take = EngagementWindow + 1;
        var tookPart = db.EngagementParticipants.Where(p => p.NationId == id)
            .Join(db.Engagements, p => p.EngagementId, e => e.Id, (p, e) => new { Day = EF.Property<DateOnly>(p, EngagementParticipant.OccurredOnProperty), p.EngagementId, e.Kind })
            .OrderByDescending(r => r.Day).ThenByDescending(r => r.EngagementId).Take(take)
            .Select(r => new EngagementKey { Id = r.EngagementId, On = r.Day, Kind = r.Kind });
        var hosted = db.Engagements.Where(e => e.HostNationId == id)
            .OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.Id).Take(take)
            .Select(e => new EngagementKey { Id = e.Id, On = e.OccurredOn, Kind = e.Kind });
        var rows = await tookPart.Concat(hosted).ToListAsync(cancellationToken);

        var window = rows.DistinctBy(r => r.Id).OrderByDescending(r => r.On).ThenByDescending(r => r.Id).Take(take).ToList();
        var capped = window.Count > EngagementWindow;
        if (capped)
        {
            window.RemoveAt(window.Count - 1);
        }

        var byKind = window.GroupBy(r => r.Kind)
            .Select(g => new EngagementKindCount(g.Key, g.Count()))
            .OrderByDescending(k => k.Count).ThenBy(k => k.Kind)
            .ToList();
        return new NationEngagements(new CappedCount(window.Count, capped), byKind, capped ? window[^1].On : null);
    }

    /// <summary>
    /// One page of the timeline: from each source the next <paramref name="pageSize"/> + 1 events past the
    /// bound (each source read newest first from an index on (nation, day), so a page costs the same at
    /// any depth), in one UNION ALL query, and the alliance events from the memberships already read;
    /// merged here, where a record named by two sources (hosted and took part) appears once. The order is
    /// (day, kind, id) descending, which is also the cursor.
    /// </summary>
    private static async Task<NationTimelinePage> TimelineAsync(
        PortalDbContext db,
        int id,
        IReadOnlyList<NationMembership> memberships,
        TimelineBound bound,
        int pageSize,
        Dictionary<int, (string Code, string Name)> nations,
        CancellationToken cancellationToken)
    {
        var take = pageSize + 1;
        IQueryable<EventRow>? query = null;
        foreach (var source in TimelineSources(db, id, bound))
        {
            var page = source.OrderByDescending(r => r.On).ThenByDescending(r => r.RecordId).Take(take);
            query = query is null ? page : query.Concat(page);
        }

        var rows = await query!.ToListAsync(cancellationToken);
        var records = Merge(rows, r => (r.Kind, r.RecordId), r => r.Part)
            .Select(r => new NationEvent(
                (NationEventKind)r.Kind, r.On, r.RecordId, r.Title, (NationPart)r.Part,
                r.OtherNationId is { } other ? nations[other].Code : null,
                r.OtherNationId is { } named ? nations[named].Name : null,
                r.Classification));
        var events = records.Concat(AllianceEvents(memberships, bound))
            .OrderByDescending(r => r.On).ThenByDescending(r => r.Kind).ThenByDescending(r => r.RecordId)
            .Take(take)
            .ToList();
        var more = events.Count > pageSize;
        if (more)
        {
            events.RemoveAt(events.Count - 1);
        }

        return new NationTimelinePage(events, more ? TimelineBound.CursorOf(events[^1]) : null);
    }

    /// <summary>
    /// Joins and departures past the bound. Memberships are reference data (a few per nation, not
    /// classified), so they come from the list the page has; an event's id is the membership's position
    /// in it (ordered by join date), stable while the reference data is.
    /// </summary>
    private static IEnumerable<NationEvent> AllianceEvents(IReadOnlyList<NationMembership> memberships, TimelineBound bound)
    {
        for (var i = 0; i < memberships.Count; i++)
        {
            var m = memberships[i];
            var number = i + 1;
            if (bound.IsBefore(m.JoinedOn, NationEventKind.AllianceJoined, number))
            {
                yield return new NationEvent(NationEventKind.AllianceJoined, m.JoinedOn, number, m.AllianceName, NationPart.Member, m.AllianceAcronym, m.AllianceName, null);
            }

            if (m.LeftOn is { } left && bound.IsBefore(left, NationEventKind.AllianceLeft, number))
            {
                yield return new NationEvent(NationEventKind.AllianceLeft, left, number, m.AllianceName, NationPart.Member, m.AllianceAcronym, m.AllianceName, null);
            }
        }
    }

    /// <summary>
    /// Every source of timeline records, each limited to events strictly older than the bound. The bound is
    /// on (day, kind, id); within one source the kind is fixed, so it becomes a row-value bound on
    /// (day, id) that the source's index answers (see <see cref="TimelineBound.IdFor"/>).
    /// </summary>
    private static IEnumerable<IQueryable<EventRow>> TimelineSources(PortalDbContext db, int id, TimelineBound bound)
    {
        var day = bound.Day;
        var engagementId = bound.IdFor(NationEventKind.Engagement);
        yield return db.EngagementParticipants
            .Where(p => p.NationId == id
                && EF.Functions.LessThan(
                    ValueTuple.Create(EF.Property<DateOnly>(p, EngagementParticipant.OccurredOnProperty), p.EngagementId),
                    ValueTuple.Create(day, engagementId)))
            .Join(db.Engagements, p => p.EngagementId, e => e.Id, (p, e) => new EventRow
            {
                Kind = (int)NationEventKind.Engagement,
                On = EF.Property<DateOnly>(p, EngagementParticipant.OccurredOnProperty),
                RecordId = p.EngagementId,
                Title = e.Title,
                Part = p.IsLead ? (int)NationPart.Lead : (int)NationPart.Participant,
                // The host; a column rather than NULL, which PostgreSQL would type as text in a union.
                OtherNationId = e.HostNationId,
                Classification = e.Classification,
            });
        yield return db.Engagements
            .Where(e => e.HostNationId == id && EF.Functions.LessThan(ValueTuple.Create(e.OccurredOn, e.Id), ValueTuple.Create(day, engagementId)))
            .Select(e => new EventRow
            {
                Kind = (int)NationEventKind.Engagement,
                On = e.OccurredOn,
                RecordId = e.Id,
                Title = e.Title,
                Part = (int)NationPart.Host,
                OtherNationId = e.HostNationId,
                Classification = e.Classification,
            });

        var exerciseId = bound.IdFor(NationEventKind.ExerciseStarted);
        foreach (var source in ExerciseSources(db, id))
        {
            yield return source
                .Where(x => EF.Functions.LessThan(ValueTuple.Create(x.Day, x.Key), ValueTuple.Create(day, exerciseId)))
                .Select(x => new EventRow
                {
                    Kind = (int)NationEventKind.ExerciseStarted,
                    On = x.Day,
                    RecordId = x.Key,
                    Title = x.Record.Name,
                    Part = x.Part,
                    OtherNationId = x.Record.HostNationId,
                    Classification = x.Record.Classification,
                });
        }

        var missionId = bound.IdFor(NationEventKind.MissionStarted);
        foreach (var source in MissionSources(db, id))
        {
            yield return source
                .Where(x => EF.Functions.LessThan(ValueTuple.Create(x.Day, x.Key), ValueTuple.Create(day, missionId)))
                .Select(x => new EventRow
                {
                    Kind = (int)NationEventKind.MissionStarted,
                    On = x.Day,
                    RecordId = x.Key,
                    Title = x.Record.Name,
                    Part = x.Part,
                    OtherNationId = x.Record.AffectedNationId,
                    Classification = x.Record.Classification,
                });
        }

        // Sent and received in one read each: an attaché's two nations differ, so no posting is both.
        var postedId = bound.IdFor(NationEventKind.AttachePostingStarted);
        yield return db.Attaches
            .Where(a => (a.SendingNationId == id || a.HostNationId == id)
                && EF.Functions.LessThan(ValueTuple.Create(a.PostedFrom, a.Id), ValueTuple.Create(day, postedId)))
            .Select(a => new EventRow
            {
                Kind = (int)NationEventKind.AttachePostingStarted,
                On = a.PostedFrom,
                RecordId = a.Id,
                Title = a.Rank + " " + a.FullName,
                Part = a.SendingNationId == id ? (int)NationPart.Sender : (int)NationPart.Receiver,
                OtherNationId = a.SendingNationId == id ? a.HostNationId : a.SendingNationId,
                Classification = a.Classification,
            });
        var endedId = bound.IdFor(NationEventKind.AttachePostingEnded);
        yield return db.Attaches
            .Where(a => (a.SendingNationId == id || a.HostNationId == id) && a.PostedUntil != null
                && EF.Functions.LessThan(ValueTuple.Create(a.PostedUntil.Value, a.Id), ValueTuple.Create(day, endedId)))
            .Select(a => new EventRow
            {
                Kind = (int)NationEventKind.AttachePostingEnded,
                On = a.PostedUntil!.Value,
                RecordId = a.Id,
                Title = a.Rank + " " + a.FullName,
                Part = a.SendingNationId == id ? (int)NationPart.Sender : (int)NationPart.Receiver,
                OtherNationId = a.SendingNationId == id ? a.HostNationId : a.SendingNationId,
                Classification = a.Classification,
            });
    }

    /// <summary>Rows naming the same record once, with the first part in <see cref="NationPart"/> order.</summary>
    private static IEnumerable<T> Merge<T, TKey>(IEnumerable<T> rows, Func<T, TKey> key, Func<T, int> part) =>
        rows.GroupBy(key).Select(g => g.MinBy(part)!);

    /// <summary>
    /// Where a timeline page starts: events strictly older than (day, kind, id) in the timeline's order.
    /// The first page starts after today's last possible event, so planned events do not appear.
    /// </summary>
    private readonly record struct TimelineBound(DateOnly Day, NationEventKind Kind, int Id)
    {
        public static TimelineBound Start(DateOnly today) => new(today, Enum.GetValues<NationEventKind>().Max(), int.MaxValue);

        /// <summary>
        /// The bound on (day, id) for one kind's source: of the bound's day, a kind listed after the bound's
        /// kind takes every id, the bound's own kind the ids below the bound's, a kind listed before it none.
        /// </summary>
        public int IdFor(NationEventKind kind) => kind < Kind ? int.MaxValue : kind == Kind ? Id : int.MinValue;

        /// <summary>Whether an event at (day, kind, id) comes after the bound in the timeline's order.</summary>
        public bool IsBefore(DateOnly day, NationEventKind kind, int id) =>
            (day, (int)kind, id).CompareTo((Day, (int)Kind, Id)) < 0;

        public static Cursor CursorOf(NationEvent last) =>
            new($"{last.On.ToString(DayFormat, CultureInfo.InvariantCulture)}/{last.Kind}", last.RecordId);

        /// <summary>Null for a cursor that is not a timeline position (a hand-edited link).</summary>
        public static TimelineBound? Parse(Cursor cursor)
        {
            var parts = cursor.Key.Split('/');
            return parts.Length == 2
                && DateOnly.TryParseExact(parts[0], DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                && Enum.TryParse<NationEventKind>(parts[1], ignoreCase: false, out var kind) && Enum.IsDefined(kind)
                && !int.TryParse(parts[1], CultureInfo.InvariantCulture, out _)
                    ? new TimelineBound(day, kind, cursor.Id)
                    : null;
        }
    }

    // Flat rows for UNION ALL queries: EF Core unions projections of one type with the same members.
    // Parts and kinds travel as int: a constant of a Core enum would be written as its name (enums are
    // stored as text) on one side of a union and as a number in a CASE on the other.
    private sealed class Counts
    {
        public int Sent { get; init; }

        public int SentServing { get; init; }

        public int Received { get; init; }

        public int ReceivedServing { get; init; }

        public int Exercises { get; init; }

        public int MissionsAffecting { get; init; }

        public int MissionsContributed { get; init; }
    }

    private sealed class AttacheRow
    {
        public bool Sent { get; init; }

        public int Id { get; init; }

        public string Rank { get; init; } = "";

        public string FullName { get; init; } = "";

        public int OtherNationId { get; init; }

        public DateOnly PostedFrom { get; init; }

        public DateOnly? PostedUntil { get; init; }

        public Classification Classification { get; init; }
    }

    /// <summary>
    /// A record, the nation's part in it, and the source's own (day, key) to order and seek by, so that
    /// sources of one kind compose alike and each is read from its own index.
    /// </summary>
    private sealed class PartIn<T>
    {
        public T Record { get; init; } = default!;

        public DateOnly Day { get; init; }

        public int Key { get; init; }

        public int Part { get; init; }
    }

    private sealed class ExerciseRow
    {
        public bool Upcoming { get; init; }

        public int Id { get; init; }

        public string Name { get; init; } = "";

        public ExerciseKind Kind { get; init; }

        public ExerciseStatus Status { get; init; }

        public int Part { get; init; }

        public int HostNationId { get; init; }

        public DateOnly StartsOn { get; init; }

        public DateOnly EndsOn { get; init; }

        public DatePrecision StartsOnPrecision { get; init; }

        public DatePrecision EndsOnPrecision { get; init; }

        public Classification Classification { get; init; }
    }

    private sealed class MissionRow
    {
        public int Part { get; init; }

        public int Id { get; init; }

        public string Name { get; init; } = "";

        public MissionKind Kind { get; init; }

        public CrisisKind Crisis { get; init; }

        public int AffectedNationId { get; init; }

        public DateOnly StartsOn { get; init; }

        public DateOnly? EndsOn { get; init; }

        public Classification Classification { get; init; }
    }

    private sealed class EngagementKey
    {
        public int Id { get; init; }

        public DateOnly On { get; init; }

        public EngagementKind Kind { get; init; }
    }

    private sealed class EventRow
    {
        public int Kind { get; init; }

        public DateOnly On { get; init; }

        public int RecordId { get; init; }

        public string Title { get; init; } = "";

        public int Part { get; init; }

        public int? OtherNationId { get; init; }

        public Classification? Classification { get; init; }
    }
}
