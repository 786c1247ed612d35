using System.Linq.Expressions;
using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Exercises;

public sealed record ExerciseListItem(
    int Id,
    string Name,
    string? SeriesName,
    ExerciseKind Kind,
    ExerciseStatus Status,
    string HostNationCode,
    string HostNation,
    DateOnly StartsOn,
    DateOnly EndsOn,
    int ParticipantCount,
    Classification Classification)
{
    public bool TakesPlaceOn(DateOnly day) => StartsOn <= day && day <= EndsOn;

    /// <summary>How much of <see cref="StartsOn"/> is known (ADR 0007): show it with the precision, never an invented day.</summary>
    public DatePrecision StartsOnPrecision { get; init; }

    public DatePrecision EndsOnPrecision { get; init; }

    /// <summary>The data set row the exercise was imported from (<see cref="History.MmeSource.Describe"/>), or null.</summary>
    public string? SourceKey { get; init; }
}

public sealed record ExerciseNation(string Code, string Name, ExerciseRole Role, int Personnel, int Units, int Ships, int Aircraft);

public sealed record ExerciseMilestoneItem(MilestoneKind Kind, DateOnly PlannedOn, DateOnly? CompletedOn, string? Notes);

public sealed record ExerciseObservationItem(DateOnly RecordedOn, string Observation, string? Lesson, string? Recommendation = null);

public sealed record ExerciseLiaisonItem(int Id, string Rank, string FullName, string SendingNation);

/// <summary>An exercise with its participants, milestones, observations and the liaison attachés the user may see.</summary>
public sealed record ExerciseDetails(
    ExerciseListItem Exercise,
    string? Location,
    string? LeadNationCode,
    string? LeadNation,
    string? LeadAlliance,
    string? Objectives,
    string? Scenario,
    IReadOnlyList<ExerciseNation> Participants,
    IReadOnlyList<ExerciseMilestoneItem> Milestones,
    IReadOnlyList<ExerciseObservationItem> Observations,
    IReadOnlyList<ExerciseLiaisonItem> Liaisons,
    IReadOnlyList<string> ReleasableToNations,
    IReadOnlyList<string> ReleasableToAlliances,
    uint Version,
    IReadOnlyList<ExerciseStatusStep> StatusHistory);

/// <summary>An exercise as a row of an export: nations by code, participants as CODE:Role.</summary>
public sealed record ExerciseRecord(
    int Id,
    string Name,
    string? SeriesName,
    ExerciseKind Kind,
    ExerciseStatus Status,
    string HostNation,
    string? Location,
    DateOnly StartsOn,
    DateOnly EndsOn,
    string? LeadNation,
    string? LeadAlliance,
    IReadOnlyList<string> Participants,
    int Personnel,
    string? Objectives,
    Classification Classification,
    IReadOnlyList<string> ReleasableToNations,
    IReadOnlyList<string> ReleasableToAlliances);

/// <summary>Read side of joint exercises: the filtered list paged by keyset, its export, details and the planners' calendar.</summary>
public sealed partial class ExerciseQueries(IDbContextFactory<PortalDbContext> dbFactory)
    : RecordListQueries<JointExercise, ExerciseFilter, ExerciseListItem, ExerciseRecord>(dbFactory)
{
    /// <summary>One exercise and its linked records; null when missing or not visible to the user.</summary>
    public async Task<ExerciseDetails?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await DbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Exercises.AsNoTracking()
            .Where(e => e.Id == id)
            .Select(e => new ExerciseDetails(
                new ExerciseListItem(e.Id, e.Name, e.SeriesName, e.Kind, e.Status, e.HostNation!.Code, e.HostNation.Name, e.StartsOn, e.EndsOn, e.Participants.Count, e.Classification)
                {
                    StartsOnPrecision = e.StartsOnPrecision,
                    EndsOnPrecision = e.EndsOnPrecision,
                    SourceKey = e.SourceKey,
                },
                e.Location,
                e.LeadNation!.Code,
                e.LeadNation.Name,
                e.LeadAlliance!.Acronym,
                e.Objectives,
                e.Scenario,
                e.Participants.OrderBy(p => p.Role).ThenBy(p => p.Nation!.Name)
                    .Select(p => new ExerciseNation(p.Nation!.Code, p.Nation.Name, p.Role, p.Personnel, p.Units, p.Ships, p.Aircraft)).ToList(),
                e.Milestones.OrderBy(m => m.PlannedOn).Select(m => new ExerciseMilestoneItem(m.Kind, m.PlannedOn, m.CompletedOn, m.Notes)).ToList(),
                e.Observations.OrderBy(o => o.RecordedOn).Select(o => new ExerciseObservationItem(o.RecordedOn, o.Observation, o.Lesson, o.Recommendation)).ToList(),
                // The attaché's own visibility filter applies through the join: hidden ones are left out.
                e.Liaisons.Select(l => l.Attache!).OrderBy(a => a.FullName)
                    .Select(a => new ExerciseLiaisonItem(a.Id, a.Rank, a.FullName, a.SendingNation!.Name)).ToList(),
                e.ReleasableToNations,
                e.ReleasableToAlliances,
                e.Version,
                // Newest first, as the life cycle panel shows it; only ever read through the visible exercise.
                e.StatusHistory.OrderByDescending(h => h.ChangedAt).ThenByDescending(h => h.Id)
                    .Select(h => new ExerciseStatusStep(h.FromStatus, h.ToStatus, h.ChangedAt, h.ChangedBy, h.Reason)).ToList()))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Every exercise whose dates overlap the month of <paramref name="year"/>/<paramref name="month"/>, in start order.</summary>
    public async Task<IReadOnlyList<ExerciseListItem>> InMonthAsync(int year, int month, CancellationToken cancellationToken = default)
    {
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        await using var db = await DbFactory.CreateDbContextAsync(cancellationToken);
        return await Project(db.Exercises.AsNoTracking()
                .Where(e => e.StartsOn <= last && e.EndsOn >= first)
                .OrderBy(e => e.StartsOn).ThenBy(e => e.Name))
            .ToListAsync(cancellationToken);
    }

    protected override Expression<Func<JointExercise, ExerciseListItem>> Item => ItemOf;

    protected override Expression<Func<JointExercise, ExerciseRecord>> Record => RecordOf;

    private static IQueryable<ExerciseListItem> Project(IQueryable<JointExercise> exercises) => exercises.Select(ItemOf);

    private static readonly Expression<Func<JointExercise, ExerciseListItem>> ItemOf = e => new ExerciseListItem(
        e.Id,
        e.Name,
        e.SeriesName,
        e.Kind,
        e.Status,
        e.HostNation!.Code,
        e.HostNation.Name,
        e.StartsOn,
        e.EndsOn,
        e.Participants.Count,
        e.Classification)
    {
        StartsOnPrecision = e.StartsOnPrecision,
        EndsOnPrecision = e.EndsOnPrecision,
        SourceKey = e.SourceKey,
    };

    private static readonly Expression<Func<JointExercise, ExerciseRecord>> RecordOf = e => new ExerciseRecord(
        e.Id,
        e.Name,
        e.SeriesName,
        e.Kind,
        e.Status,
        e.HostNation!.Code,
        e.Location,
        e.StartsOn,
        e.EndsOn,
        e.LeadNation!.Code,
        e.LeadAlliance!.Acronym,
        e.Participants.OrderBy(p => p.Role).ThenBy(p => p.Nation!.Code).Select(p => p.Nation!.Code + ":" + p.Role).ToList(),
        e.Participants.Sum(p => p.Personnel),
        e.Objectives,
        e.Classification,
        e.ReleasableToNations,
        e.ReleasableToAlliances);

    protected override async Task<IQueryable<JointExercise>?> FilteredAsync(PortalDbContext db, ExerciseFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        IQueryable<JointExercise> query = db.Exercises.AsNoTracking();
        if (!filter.Nations.IsEmpty)
        {
            if (await NationIdsAsync(db, filter.Nations, cancellationToken) is not { } nationIds)
            {
                return null;
            }

            foreach (var nationId in nationIds)
            {
                query = query.Where(e => e.HostNationId == nationId || e.Participants.Any(p => p.NationId == nationId));
            }
        }

        if (filter.Alliance is { } acronym)
        {
            if (await AllianceIdAsync(db, acronym, cancellationToken) is not { } allianceId)
            {
                return null;
            }

            // Led by the alliance, or a participant was a member on the exercise's first day.
            query = query.Where(e => e.LeadAllianceId == allianceId || e.Participants.Any(p => db.AllianceMemberships.Any(m =>
                m.AllianceId == allianceId && m.NationId == p.NationId && m.JoinedOn <= e.StartsOn && (m.LeftOn == null || m.LeftOn > e.StartsOn))));
        }

        if (filter.Series is { } series)
        {
            // Whole names only: "Cobra Gold" must not also select "Cobra Gold Plus".
            var pattern = LikePattern.Escape(series.Trim());
            query = query.Where(e => EF.Functions.ILike(e.SeriesName!, pattern, LikePattern.EscapeCharacter));
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(e => e.Kind == kind);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(e => e.Status == status);
        }

        // A range selects the exercises with at least one day in it.
        var (rangeFrom, rangeUntil) = DayRange.Applied(filter.From, filter.Until);
        if (rangeFrom is { } from)
        {
            query = query.Where(e => e.EndsOn >= from);
        }

        if (rangeUntil is { } until)
        {
            query = query.Where(e => e.StartsOn <= until);
        }

        return query;
    }

    /// <summary>The keyset order of each sort; each has an index on (key, id) (ExerciseConfiguration).</summary>
    protected override KeysetOrder<JointExercise, ExerciseListItem> OrderOf(ExerciseFilter filter) => filter?.Sort switch
    {
        ExerciseSort.EarliestStart => ByStartAscending,
        ExerciseSort.NameAscending => ByNameAscending,
        ExerciseSort.NameDescending => ByNameDescending,
        _ => ByStartDescending,
    };

    private static readonly KeysetOrder<JointExercise, ExerciseListItem> ByStartDescending = Keyset.By<JointExercise, ExerciseListItem, DateOnly>(e => e.StartsOn, e => e.Id, descending: true, i => (i.StartsOn, i.Id));
    private static readonly KeysetOrder<JointExercise, ExerciseListItem> ByStartAscending = Keyset.By<JointExercise, ExerciseListItem, DateOnly>(e => e.StartsOn, e => e.Id, descending: false, i => (i.StartsOn, i.Id));
    private static readonly KeysetOrder<JointExercise, ExerciseListItem> ByNameAscending = Keyset.By<JointExercise, ExerciseListItem, string>(e => e.Name, e => e.Id, descending: false, i => (i.Name, i.Id));
    private static readonly KeysetOrder<JointExercise, ExerciseListItem> ByNameDescending = Keyset.By<JointExercise, ExerciseListItem, string>(e => e.Name, e => e.Id, descending: true, i => (i.Name, i.Id));
}
