using System.Linq.Expressions;
using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DiploPortal.Core.Engagements;

public sealed record EngagementListItem(
    int Id,
    DateOnly OccurredOn,
    string Title,
    EngagementKind Kind,
    CommunicationChannel Channel,
    IReadOnlyList<string> ParticipantNations,
    EngagementOutcome Outcome,
    Classification Classification);

/// <summary>A nation as an engagement names it.</summary>
public sealed record EngagementNation(string Code, string Name, bool IsLead);

/// <summary>An attaché who took part, when the user may see them.</summary>
public sealed record EngagementLiaison(int Id, string FullName, string Rank, string SendingNation);

public sealed record EngagementFollowUpItem(string Action, string? Owner, DateOnly? DueOn, FollowUpStatus Status);

/// <summary>An assessment of the engagement: its date, author and average score.</summary>
public sealed record EngagementAssessment(int Id, DateOnly AssessedOn, string AssessedBy, double AverageScore, Classification Classification);

/// <summary>Everything the detail page shows, with the linked records the user may see.</summary>
public sealed record EngagementDetails(
    int Id,
    string Title,
    EngagementKind Kind,
    CommunicationChannel Channel,
    DateOnly OccurredOn,
    EngagementNation? Host,
    string? Location,
    string Summary,
    EngagementOutcome Outcome,
    string? OutcomeNotes,
    Classification Classification,
    IReadOnlyList<string> ReleasableToNations,
    IReadOnlyList<string> ReleasableToAlliances,
    IReadOnlyList<EngagementNation> Participants,
    IReadOnlyList<EngagementLiaison> Liaisons,
    IReadOnlyList<EngagementFollowUpItem> FollowUps,
    IReadOnlyList<EngagementAssessment> Assessments,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    uint Version);

/// <summary>Read side of engagements: the filtered, sorted list, paged by keyset.</summary>
public sealed class EngagementQueries(IDbContextFactory<PortalDbContext> dbFactory)
    : RecordListQueries<Engagement, EngagementFilter, EngagementListItem, EngagementRecord>(dbFactory)
{
    protected override Expression<Func<Engagement, EngagementListItem>> Item { get; } = e => new EngagementListItem(
        e.Id,
        e.OccurredOn,
        e.Title,
        e.Kind,
        e.Channel,
        e.Participants.OrderByDescending(p => p.IsLead).ThenBy(p => p.Nation!.Name).Select(p => p.Nation!.Name).ToList(),
        e.Outcome,
        e.Classification);

    protected override Expression<Func<Engagement, EngagementRecord>> Record => RecordShape;

    /// <summary>An engagement as a row of the file format; the import compares its rows with it.</summary>
    internal static Expression<Func<Engagement, EngagementRecord>> RecordShape { get; } = e => new EngagementRecord(
        e.Id,
        e.Title,
        e.Kind,
        e.Channel,
        e.OccurredOn,
        e.HostNation!.Code,
        e.Location,
        e.Participants.OrderByDescending(p => p.IsLead).ThenBy(p => p.Nation!.Code).Select(p => p.Nation!.Code).ToList(),
        e.Outcome,
        e.OutcomeNotes,
        e.Summary,
        e.Classification,
        e.ReleasableToNations,
        e.ReleasableToAlliances);

    /// <summary>The newest <paramref name="take"/> engagements, most recent first.</summary>
    public async Task<IReadOnlyList<EngagementListItem>> ListRecentAsync(int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        var page = await ListAsync(new EngagementFilter(), cursor: null, PageDirection.After, take, cancellationToken);
        return page.Items;
    }

    /// <summary>One engagement with its linked records; null when it does not exist or the user may not see it.</summary>
    public async Task<EngagementDetails?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await DbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Engagements.AsNoTracking()
            .Where(e => e.Id == id)
            .Select(e => new EngagementDetails(
                e.Id,
                e.Title,
                e.Kind,
                e.Channel,
                e.OccurredOn,
                e.HostNation == null ? null : new EngagementNation(e.HostNation.Code, e.HostNation.Name, false),
                e.Location,
                e.Summary,
                e.Outcome,
                e.OutcomeNotes,
                e.Classification,
                e.ReleasableToNations,
                e.ReleasableToAlliances,
                e.Participants.OrderByDescending(p => p.IsLead).ThenBy(p => p.Nation!.Name)
                    .Select(p => new EngagementNation(p.Nation!.Code, p.Nation.Name, p.IsLead)).ToList(),
                // The attaché's own visibility filter applies through the join: hidden ones are left out, not shown broken.
                e.Attaches.Select(a => a.Attache!).OrderBy(a => a.FullName)
                    .Select(a => new EngagementLiaison(a.Id, a.FullName, a.Rank, a.SendingNation!.Name)).ToList(),
                e.FollowUps.OrderBy(f => f.DueOn).ThenBy(f => f.Id)
                    .Select(f => new EngagementFollowUpItem(f.Action, f.Owner, f.DueOn, f.Status)).ToList(),
                db.Assessments.Where(a => a.EngagementId == e.Id).OrderByDescending(a => a.AssessedOn)
                    .Select(a => new EngagementAssessment(a.Id, a.AssessedOn, a.AssessedBy, a.Scores.Select(s => (double?)s.Score).Average() ?? 0, a.Classification)).ToList(),
                e.CreatedAt,
                e.UpdatedAt,
                e.Version))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The engagements the filter selects, visible to the context's user (the global filter); null
    /// when it names a nation or alliance that does not exist, so that nothing matches.
    /// </summary>
    protected override async Task<IQueryable<Engagement>?> FilteredAsync(PortalDbContext db, EngagementFilter filter, CancellationToken cancellationToken)
    {
        IQueryable<Engagement> query = db.Engagements.AsNoTracking();
        if (!filter.Nations.IsEmpty)
        {
            if (await NationIdsAsync(db, filter.Nations, cancellationToken) is not { } ids)
            {
                return null;
            }

            // The rarest nation's engagements come from its (nation, day) indexes; each further nation must
            // have hosted or attended too, an EXISTS on the participants' key per row. Rarest, because a page
            // or count walks that nation's rows until enough match: France, Germany and Mauritius walked
            // France's 75,000 rows to find none (1.4 s at a million engagements, docs/PERFORMANCE.md).
            var driver = ids.Count == 1 ? ids[0] : await RarestNationAsync(db, ids, cancellationToken);
            query = HostedOrAttended(db, driver);
            foreach (var other in ids.Where(id => id != driver))
            {
                query = query.Where(e => e.HostNationId == other || e.Participants.Any(p => p.NationId == other));
            }
        }

        if (RecordCode.Normalise(filter.Alliance) is { } acronym)
        {
            if (await AllianceIdAsync(db, acronym, cancellationToken) is not { } id)
            {
                return null;
            }

            // A participant that was a member on the engagement's day (AllianceMembership.Includes, with the day a column).
            query = query.Where(e => e.Participants.Any(p => db.AllianceMemberships.Any(m =>
                m.AllianceId == id && m.NationId == p.NationId && m.JoinedOn <= e.OccurredOn && (m.LeftOn == null || m.LeftOn > e.OccurredOn))));
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(e => e.Kind == kind);
        }

        if (filter.Channel is { } channel)
        {
            query = query.Where(e => e.Channel == channel);
        }

        if (filter.Outcome is { } outcome)
        {
            query = query.Where(e => e.Outcome == outcome);
        }

        var (rangeFrom, rangeUntil) = DayRange.Applied(filter.From, filter.Until);
        if (rangeFrom is { } from)
        {
            query = query.Where(e => e.OccurredOn >= from);
        }

        if (rangeUntil is { } until)
        {
            query = query.Where(e => e.OccurredOn <= until);
        }

        if (filter.Import is { } import)
        {
            query = query.Where(e => e.ImportId == import);
        }

        return query;
    }

    /// <summary>How far <see cref="RarestNationAsync"/> counts a nation's participations: enough to tell a rare nation from a common one.</summary>
    private const int RarityProbe = 2_000;

    /// <summary>
    /// Of <paramref name="nationIds"/>, the one that took part in the fewest engagements, each counted up to
    /// <see cref="RarityProbe"/> on the participants' (nation, engagement) index (well under a millisecond each);
    /// the first in the address on a tie. The count only chooses where the query starts: it reads no record.
    /// </summary>
    private static async Task<int> RarestNationAsync(PortalDbContext db, IReadOnlyList<int> nationIds, CancellationToken cancellationToken)
    {
        var rarest = nationIds[0];
        var fewest = int.MaxValue;
        foreach (var id in nationIds)
        {
            var count = await db.EngagementParticipants.Where(p => p.NationId == id).Take(RarityProbe).CountAsync(cancellationToken);
            if (count < fewest)
            {
                (rarest, fewest) = (id, count);
            }
        }

        return rarest;
    }

    /// <summary>
    /// The engagements a nation hosted or took part in (<c>e.HostNationId == id || e.Participants.Any(p =&gt; p.NationId == id)</c>),
    /// read from the (nation, day) indexes instead of the whole date index. The rows' id and day come from
    /// a UNION ALL of the host index and the participants' day copy, so that PostgreSQL pushes the keyset
    /// (<see cref="Keyset"/>) and the day order into both index scans and merges them, stopping after a page:
    /// with the nation as a filter on all engagements it hashed the nation's 60,000 engagements and walked
    /// the date index (docs/PERFORMANCE.md). The nation is compared outside the UNION: a condition inside an
    /// arm does not make that arm's index order usable for the merge (PostgreSQL 15). An engagement the nation
    /// both hosted and attended comes from the host arm only. The visibility filter applies, as to any read
    /// of <see cref="PortalDbContext.Engagements"/>.
    /// </summary>
    private static IQueryable<Engagement> HostedOrAttended(PortalDbContext db, int nationId)
    {
        var sql = _hostedOrAttendedSql ??= HostedOrAttendedSql(db);
        return db.Engagements.FromSqlRaw(sql, nationId).AsNoTracking();
    }

    private static string? _hostedOrAttendedSql;

    // Every column of the engagement (FromSql must return them all), with the id and day taken from the link.
    private static string HostedOrAttendedSql(PortalDbContext db)
    {
        var engagement = db.Model.FindEntityType(typeof(Engagement))!;
        var table = StoreObjectIdentifier.Table(engagement.GetTableName()!, engagement.GetSchema());
        var columns = engagement.GetProperties()
            .Select(p => p.GetColumnName(table)!)
            .Select(c => c switch
            {
                "id" => "l.engagement_id AS id",
                "occurred_on" => "l.occurred_on",
                _ => "x." + c,
            });
        return $$"""
            SELECT {{string.Join(", ", columns)}}
            FROM (
                SELECT h.host_nation_id AS nation_id, h.id AS engagement_id, h.occurred_on, TRUE AS hosted FROM engagements AS h
                UNION ALL
                SELECT p.nation_id, p.engagement_id, p.occurred_on, FALSE FROM engagement_participants AS p
            ) AS l
            JOIN engagements AS x ON x.id = l.engagement_id
            WHERE l.nation_id = {0} AND (l.hosted OR x.host_nation_id IS DISTINCT FROM {0})
            """;
    }

    /// <summary>The keyset order of each sort; each has an index on (key, id) (EngagementConfiguration).</summary>
    protected override KeysetOrder<Engagement, EngagementListItem> OrderOf(EngagementFilter filter) => filter.Sort switch
    {
        EngagementSort.Oldest => ByDayAscending,
        EngagementSort.TitleAscending => ByTitleAscending,
        EngagementSort.TitleDescending => ByTitleDescending,
        _ => ByDayDescending,
    };

    private static readonly KeysetOrder<Engagement, EngagementListItem> ByDayDescending = Keyset.By<Engagement, EngagementListItem, DateOnly>(e => e.OccurredOn, e => e.Id, descending: true, i => (i.OccurredOn, i.Id));
    private static readonly KeysetOrder<Engagement, EngagementListItem> ByDayAscending = Keyset.By<Engagement, EngagementListItem, DateOnly>(e => e.OccurredOn, e => e.Id, descending: false, i => (i.OccurredOn, i.Id));
    private static readonly KeysetOrder<Engagement, EngagementListItem> ByTitleAscending = Keyset.By<Engagement, EngagementListItem, string>(e => e.Title, e => e.Id, descending: false, i => (i.Title, i.Id));
    private static readonly KeysetOrder<Engagement, EngagementListItem> ByTitleDescending = Keyset.By<Engagement, EngagementListItem, string>(e => e.Title, e => e.Id, descending: true, i => (i.Title, i.Id));
}
