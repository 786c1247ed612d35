using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using DiploPortal.Core.Data.Configurations;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Exercises;

/// <summary>An after-action observation as the exercise page and the lessons page show it.</summary>
public sealed record ObservationItem(int Id, DateOnly RecordedOn, string Observation, string? Lesson, string? Recommendation, string? RecordedBy, uint Version);

/// <summary>An exercise of a series with its observations, for the lessons page.</summary>
public sealed record LessonExercise(
    int Id, string Name, string? SeriesName, ExerciseStatus Status, DateOnly StartsOn, DateOnly EndsOn, Classification Classification, IReadOnlyList<ObservationItem> Observations);

/// <summary>What the lessons page lists: the exercises of a series (or of any), and words the observations hold.</summary>
public sealed record LessonFilter(string? Series = null, string? Words = null)
{
    /// <summary>Words longer than this are cut: nobody types more.</summary>
    public const int MaxWordsLength = 200;
}

/// <summary>What the lessons page found: exercises newest edition first, and whether more were left out.</summary>
public sealed record LessonResults(IReadOnlyList<LessonExercise> Exercises, bool HasMore);

/// <summary>
/// Read side of after action: an exercise's observations, and observations across the exercises of a series so
/// that a planner preparing the next edition reads the lessons of the last. Every query runs through the user's
/// context, whose filter lets observations through only with a visible exercise.
/// </summary>
public sealed class LessonQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>The most exercises one page of lessons shows.</summary>
    public const int MaxExercises = 30;

    /// <summary>The observations of one exercise, oldest first; empty when it is missing or not visible.</summary>
    public async Task<IReadOnlyList<ObservationItem>> ForExerciseAsync(int exerciseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ExerciseObservations.AsNoTracking()
            .Where(o => o.ExerciseId == exerciseId)
            .OrderBy(o => o.RecordedOn).ThenBy(o => o.Id)
            .Select(o => new ObservationItem(o.Id, o.RecordedOn, o.Observation, o.Lesson, o.Recommendation, o.RecordedBy, o.Version))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The series names of the exercises the user may see, for the series picker.</summary>
    public async Task<IReadOnlyList<string>> SeriesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Exercises.AsNoTracking()
            .Where(e => e.SeriesName != null)
            .Select(e => e.SeriesName!)
            .Distinct()
            .OrderBy(s => s)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Exercises with observations (matching the words, when given) in the series (any, when none is given),
    /// newest edition first, at most <see cref="MaxExercises"/>, each with those observations oldest first.
    /// </summary>
    public async Task<LessonResults> ListAsync(LessonFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var observations = db.ExerciseObservations.AsNoTracking();
        if (Words(filter.Words) is { } words)
        {
            observations = observations.Where(o => o.SearchVector!.Matches(EF.Functions.WebSearchToTsQuery(ClassifiedRecordConfiguration.TextSearchConfiguration, words)));
        }

        var exercises = db.Exercises.AsNoTracking();
        if (FormRules.OrNull(filter.Series) is { } series)
        {
            exercises = exercises.Where(e => e.SeriesName == series);
        }

        var page = await exercises
            .Where(e => observations.Any(o => o.ExerciseId == e.Id))
            .OrderByDescending(e => e.StartsOn).ThenByDescending(e => e.Id)
            .Take(MaxExercises + 1)
            .Select(e => new { e.Id, e.Name, e.SeriesName, e.Status, e.StartsOn, e.EndsOn, e.Classification })
            .ToListAsync(cancellationToken);
        var ids = page.Take(MaxExercises).Select(e => e.Id).ToList();
        var found = (await observations
                .Where(o => ids.Contains(o.ExerciseId))
                .OrderBy(o => o.RecordedOn).ThenBy(o => o.Id)
                .Select(o => new { o.ExerciseId, Item = new ObservationItem(o.Id, o.RecordedOn, o.Observation, o.Lesson, o.Recommendation, o.RecordedBy, o.Version) })
                .ToListAsync(cancellationToken))
            .ToLookup(o => o.ExerciseId, o => o.Item);
        return new LessonResults(
            page.Take(MaxExercises).Select(e => new LessonExercise(e.Id, e.Name, e.SeriesName, e.Status, e.StartsOn, e.EndsOn, e.Classification, found[e.Id].ToList())).ToList(),
            page.Count > MaxExercises);
    }

    private static string? Words(string? words)
    {
        // PostgreSQL refuses NUL in text; a circuit's navigation is no request the edge could refuse.
        var text = FormRules.OrNull(words?.Replace('\0', ' '));
        return text is { Length: > LessonFilter.MaxWordsLength } ? text[..LessonFilter.MaxWordsLength] : text;
    }
}
