using System.Data;
using System.Globalization;
using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using DiploPortal.Core.Data.Configurations;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace DiploPortal.Core.Search;

/// <summary>
/// The search box: PostgreSQL full-text search over every record kind with a search vector, and name
/// matching (ILIKE) over nations and alliances. Every query runs through the user-bound context, so the
/// visibility filter applies to hits and counts alike: a record the user may not see is never counted.
/// </summary>
/// <remarks>
/// <para>
/// The text is read by <c>websearch_to_tsquery</c>: words are all required, "quoted phrases" must appear in
/// that order, <c>or</c> offers alternatives and <c>-word</c> excludes. Ranking is <c>ts_rank</c> over the
/// weighted vectors (names and titles A, places and ranks B, running text C), so a title match outranks a
/// match in the body; ties go to the newer record.
/// </para>
/// <para>
/// Capped ranking and counting. Per kind, one query takes the newest <see cref="CountCap"/>+1 matches (by the
/// kind's date) and ranks only those; their number is the count, shown as "1,000+" when the extra row came
/// back. Ranking and counting every match of a word in most of a million engagements costs 460 and 376 ms;
/// for such a word PostgreSQL instead walks the date index and stops after about a thousand matches (2 ms).
/// A rare word is ranked exactly over all its matches, fetched through the GIN index. Between the two (a
/// word in 1-5 % of the records) every match is fetched to find the newest (25 ms at a million engagements).
/// A phrase costs more, because each candidate's word positions are re-checked in the row, so it is first
/// looked for in the last six months only (<see cref="PhraseWindow"/>; docs/PERFORMANCE.md).
/// </para>
/// <para>
/// Why the newest thousand and not the first thousand the GIN index yields: that order is the table's,
/// which is the order records were entered, so a broad word would rank the oldest thousand records. The
/// trade-off of any cap: for a broad word the best-ranked match outside the newest thousand is not shown;
/// the page says so and suggests more words. Dated records go by their date (engagements by the day they
/// took place, reports by filing, attachés by posting, exercises and missions by their start).
/// </para>
/// </remarks>
public sealed class SearchQueries(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider? clock = null)
{
    /// <summary>How far back a phrase is first looked for (see <see cref="CandidatesAsync"/>).</summary>
    internal static readonly TimeSpan PhraseWindow = TimeSpan.FromDays(183);

    /// <summary>Counting and ranking stop here per kind.</summary>
    public const int CountCap = 1_000;

    /// <summary>The most hits one search returns.</summary>
    public const int MaxTake = 100;

    /// <summary>Longer text is cut: nobody types more, and a huge query costs PostgreSQL to parse.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>A nation or alliance whose name is exactly what was typed ranks above everything.</summary>
    internal const float ExactNameRank = 1f;

    /// <summary>A name that contains the words ranks like a record whose title has them once (ts_rank of one A-weight hit).</summary>
    internal const float NameRank = 0.6079271f;

    private const string Config = ClassifiedRecordConfiguration.TextSearchConfiguration;

    /// <summary>
    /// For the search's transaction only. PostgreSQL's default cost of a random page read (4) assumes a
    /// disk; with the records in memory, as on the portal's servers, it makes PostgreSQL walk the date
    /// index through a hundred thousand rows to find the newest matches of a word in 1 % of the records,
    /// instead of fetching those 10,000 matches directly: measured 53-73 ms instead of 25-43 ms at a million
    /// engagements (docs/PERFORMANCE.md). No data is read by this statement, so no filter is bypassed.
    /// </summary>
    private const string PlannerSettings = "SET LOCAL random_page_cost = 1.1";

    private static readonly string TitleOptions = $"HighlightAll=true, StartSel={SearchHighlight.StartMarker}, StopSel={SearchHighlight.StopMarker}";

    private static readonly string SnippetOptions =
        $"StartSel={SearchHighlight.StartMarker}, StopSel={SearchHighlight.StopMarker}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"";

    private static readonly SearchKind[] VectorKinds = [SearchKind.Engagement, SearchKind.Attache, SearchKind.Report, SearchKind.Exercise, SearchKind.Mission, SearchKind.Observation];

    /// <summary>
    /// The most hits a search pages through: the ranked candidates of a kind are the newest
    /// <see cref="CountCap"/>, so a later page would hold nothing more that was ranked.
    /// </summary>
    public const int MaxSkip = CountCap;

    /// <summary>
    /// The best <paramref name="take"/> hits for <paramref name="query"/> across kinds, or of
    /// <paramref name="kind"/> only, and the capped count of every kind. Blank text searches nothing and
    /// touches no database.
    /// </summary>
    public Task<SearchResults> SearchAsync(string? query, SearchKind? kind, int take, CancellationToken cancellationToken = default) =>
        SearchAsync(query, kind, 0, take, cancellationToken);

    /// <summary>
    /// Hits <paramref name="skip"/>+1 to <paramref name="skip"/>+<paramref name="take"/> in rank order: a later
    /// page of the same search. Every page ranks the same candidates (the newest <see cref="CountCap"/>+1 matches
    /// of each kind, one query per kind as for the first page) and reads titles and snippets for its own hits
    /// only, so a later page costs about what the first does (docs/PERFORMANCE.md). <paramref name="skip"/> is
    /// at most <see cref="MaxSkip"/>.
    /// </summary>
    public async Task<SearchResults> SearchAsync(string? query, SearchKind? kind, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(skip, MaxSkip);
        take = Math.Min(take, MaxTake);
        // PostgreSQL refuses NUL in text; requests with one are refused at the edge, but a circuit's navigation is no request.
        var text = (query ?? "").Replace('\0', ' ').Trim();
        if (text.Length > MaxQueryLength)
        {
            text = text[..MaxQueryLength];
        }

        if (text.Length == 0)
        {
            return SearchResults.Nothing(text, kind, SearchStatus.NoQuery);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // One snapshot for all the queries, so that counts, hits and snippets agree.
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(PlannerSettings, cancellationToken);
        var counts = new List<SearchCount>();
        var found = new List<Candidate>();
        // A phrase is first looked for in the last six months only (see CandidatesAsync).
        DateOnly? since = text.Contains('"', StringComparison.Ordinal)
            ? DateOnly.FromDateTime((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime - PhraseWindow)
            : null;
        foreach (var vectorKind in VectorKinds)
        {
            var (candidates, count) = await CandidatesAsync(Rows(db, vectorKind), vectorKind, text, since, cancellationToken);
            counts.Add(count);
            found.AddRange(candidates.Take(skip + take + 1));
        }

        // Before the names: "the" would find the Netherlands by ILIKE, yet full-text search ignores it.
        if (counts.All(c => c.Count == 0) && await OnlyStopWordsAsync(db, text, cancellationToken))
        {
            return SearchResults.Nothing(text, kind, SearchStatus.OnlyStopWords);
        }

        var terms = WebSearchTerms.Parse(text);
        var nations = await NationsAsync(db, terms, text, cancellationToken);
        var alliances = await AlliancesAsync(db, terms, text, cancellationToken);
        counts.Add(new SearchCount(SearchKind.Nation, nations.Count, false));
        counts.Add(new SearchCount(SearchKind.Alliance, alliances.Count, false));

        var names = nations.Concat(alliances).ToList();
        var best = found
            .Select(c => (c.Kind, c.Id, c.Date, c.Rank, Name: (SearchHit?)null))
            .Concat(names.Select(n => (n.Kind, Id: 0, Date: DateOnly.MinValue, n.Rank, Name: (SearchHit?)n)))
            .Where(c => kind is null || c.Kind == kind)
            .OrderByDescending(c => c.Rank)
            .ThenByDescending(c => c.Date)
            .ThenBy(c => c.Kind)
            .ThenByDescending(c => c.Id)
            .Skip(skip)
            .Take(take + 1)
            .ToList();
        // One more than a page was read: whether a next page holds anything.
        var hasMore = best.Count > take;
        best = best.Take(take).ToList();

        var details = new Dictionary<(SearchKind, int), Detail>();
        foreach (var group in best.Where(b => b.Name is null).GroupBy(b => b.Kind))
        {
            var ids = group.Select(b => b.Id).ToList();
            foreach (var detail in await DetailsAsync(db, group.Key, ids, text, cancellationToken))
            {
                details[(group.Key, detail.Id)] = detail;
            }
        }

        var hits = new List<SearchHit>(best.Count);
        foreach (var b in best)
        {
            if (b.Name is { } name)
            {
                hits.Add(name);
            }
            else if (details.TryGetValue((b.Kind, b.Id), out var d))
            {
                // Always found: both queries read the same snapshot through the same filter.
                hits.Add(new SearchHit(b.Kind, Key(d.Id), d.Title, d.Snippet, d.Date, d.Classification, b.Rank, d.ParentId is { } parent ? Key(parent) : null));
            }
        }

        return new SearchResults(text, kind, SearchStatus.Searched, hits, counts, skip, hasMore);
    }

    /// <summary>A match found by the first query of a kind: enough to rank it and fetch it later.</summary>
    private sealed record Candidate(SearchKind Kind, int Id, DateOnly Date, float Rank);

    /// <summary>What the second query of a kind reads for a hit that is shown.</summary>
    private sealed record Detail(int Id, string Title, string Snippet, DateOnly Date, Classification Classification, int? ParentId);

    /// <summary>The columns every searchable kind has in common, so that one query shape serves them all.</summary>
    private sealed class SearchRow
    {
        public int Id { get; init; }

        public DateOnly Date { get; init; }

        public NpgsqlTsVector Vector { get; init; } = null!;
    }

    /// <summary>The kind's rows as <see cref="SearchRow"/>s, visible ones only (the context's filter).</summary>
    private static IQueryable<SearchRow> Rows(PortalDbContext db, SearchKind kind) => kind switch
    {
        SearchKind.Engagement => db.Engagements.Select(e => new SearchRow { Id = e.Id, Date = e.OccurredOn, Vector = e.SearchVector! }),
        SearchKind.Attache => db.Attaches.Select(a => new SearchRow { Id = a.Id, Date = a.PostedFrom, Vector = a.SearchVector! }),
        // A report is listed only with its attaché: a report of an attaché the reader may not see would name them (as the report list does).
        SearchKind.Report => db.AttacheReports.Where(r => r.Attache != null).Select(r => new SearchRow { Id = r.Id, Date = r.FiledOn, Vector = r.SearchVector! }),
        SearchKind.Exercise => db.Exercises.Select(x => new SearchRow { Id = x.Id, Date = x.StartsOn, Vector = x.SearchVector! }),
        SearchKind.Mission => db.Missions.Select(m => new SearchRow { Id = m.Id, Date = m.StartsOn, Vector = m.SearchVector! }),
        // Only observations of visible exercises: the context's filter on observations joins through the exercise.
        SearchKind.Observation => db.ExerciseObservations.Select(o => new SearchRow { Id = o.Id, Date = o.RecordedOn, Vector = o.SearchVector! }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "This kind has no search vector."),
    };

    /// <summary>
    /// The newest <see cref="CountCap"/>+1 matches of one kind, best ranked first, and their capped count
    /// (see the remarks on the class). Ordering by rank after the Take makes the newest matches a
    /// subquery, so that ts_rank runs on those rows only, not on every match before the sort by date.
    /// </summary>
    /// <remarks>
    /// With <paramref name="since"/> (a phrase), the matches from that day on are read first: when they are
    /// more than the cap, they hold the newest <see cref="CountCap"/>+1 of all matches, so the answer is the
    /// same, and PostgreSQL re-checks the word positions of a year's candidates (a bitmap AND of the text and
    /// date indexes) instead of every record with both words: 15 instead of 70 ms in PostgreSQL for a phrase in
    /// 3 % of a million engagements (docs/PERFORMANCE.md). Fewer, and the whole table is searched as before.
    /// Six months, not a year: for a year's dates PostgreSQL judged the date index not worth reading, because it
    /// underestimates how many records hold a phrase, and re-checked every candidate again.
    /// </remarks>
    private static async Task<(List<Candidate> Candidates, SearchCount Count)> CandidatesAsync(
        IQueryable<SearchRow> rows, SearchKind kind, string text, DateOnly? since, CancellationToken cancellationToken)
    {
        if (since is { } first)
        {
            // The day as a constant, not a parameter: a generic plan would guess a third of the table and skip the date index.
            var recent = await NewestRankedAsync(rows.Where(r => r.Date >= EF.Constant(first)), kind, text, cancellationToken);
            if (recent.Count > CountCap)
            {
                return (recent, new SearchCount(kind, CountCap, true));
            }
        }

        var candidates = await NewestRankedAsync(rows, kind, text, cancellationToken);
        return (candidates, new SearchCount(kind, Math.Min(candidates.Count, CountCap), candidates.Count > CountCap));
    }

    private static Task<List<Candidate>> NewestRankedAsync(IQueryable<SearchRow> rows, SearchKind kind, string text, CancellationToken cancellationToken) =>
        rows
            .Where(r => r.Vector.Matches(EF.Functions.WebSearchToTsQuery(Config, text)))
            .OrderByDescending(r => r.Date)
            .ThenByDescending(r => r.Id)
            .Take(CountCap + 1)
            .OrderByDescending(r => r.Vector.Rank(EF.Functions.WebSearchToTsQuery(Config, text)))
            .ThenByDescending(r => r.Date)
            .ThenByDescending(r => r.Id)
            .Select(r => new Candidate(kind, r.Id, r.Date, r.Vector.Rank(EF.Functions.WebSearchToTsQuery(Config, text))))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Titles and snippets of the hits to show, with the matched words marked. A second query over only
    /// those ids, because <c>ts_headline</c> re-reads the text and costs far more than ranking; it runs
    /// through the same filtered context.
    /// </summary>
    private static async Task<List<Detail>> DetailsAsync(PortalDbContext db, SearchKind kind, List<int> ids, string text, CancellationToken cancellationToken) =>
        kind switch
        {
            SearchKind.Engagement => await db.Engagements.AsNoTracking()
                .Where(e => ids.Contains(e.Id))
                .Select(e => new Detail(
                    e.Id,
                    EF.Functions.WebSearchToTsQuery(Config, text).GetResultHeadline(Config, e.Title, TitleOptions),
                    EF.Functions.WebSearchToTsQuery(Config, text).GetResultHeadline(
                        Config, (e.Location == null ? "" : e.Location + ". ") + e.Summary + (e.OutcomeNotes == null ? "" : " " + e.OutcomeNotes), SnippetOptions),
                    e.OccurredOn,
                    e.Classification,
                    null))
                .ToListAsync(cancellationToken),
            SearchKind.Attache => await db.Attaches.AsNoTracking()
                .Where(a => ids.Contains(a.Id))
                .Select(a => new Detail(
                    a.Id,
                    EF.Functions.WebSearchToTsQuery(Config, text).GetResultHeadline(Config, a.FullName, TitleOptions),
                    EF.Functions.WebSearchToTsQuery(Config, text).GetResultHeadline(
                        Config, a.Rank + ", " + a.SendingNation!.Name + ", posted to " + a.HostNation!.Name, TitleOptions),
                    a.PostedFrom,
                    a.Classification,
                    null))
                .ToListAsync(cancellationToken),
            SearchKind.Report => await db.AttacheReports.AsNoTracking()
                .Where(r => ids.Contains(r.Id) && r.Attache != null)
                .Select(r => new Detail(
                    r.Id,
                    EF.Functions.WebSearchToTsQuery(Config, text).GetResultHeadline(Config, r.Title, TitleOptions),
                    EF.Functions.WebSearchToTsQuery(Config, text).GetResultHeadline(Config, r.Body, SnippetOptions),
                    r.FiledOn,
                    r.Classification,
                    r.AttacheId))
                .ToListAsync(cancellationToken),
            SearchKind.Exercise => await db.Exercises.AsNoTracking()
                .Where(x => ids.Contains(x.Id))
                .Select(x => new Detail(
                    x.Id,
                    EF.Functions.WebSearchToTsQuery(Config, text).GetResultHeadline(Config, x.Name, TitleOptions),
                    EF.Functions.WebSearchToTsQuery(Config, text).GetResultHeadline(
                        Config,
                        (x.SeriesName == null ? "" : x.SeriesName + " series. ") + (x.Location == null ? "" : x.Location + ". ")
                            + (x.Objectives ?? "") + (x.Scenario == null ? "" : " " + x.Scenario),
                        SnippetOptions),
                    x.StartsOn,
                    x.Classification,
                    null))
                .ToListAsync(cancellationToken),
            SearchKind.Mission => await db.Missions.AsNoTracking()
                .Where(m => ids.Contains(m.Id))
                .Select(m => new Detail(
                    m.Id,
                    EF.Functions.WebSearchToTsQuery(Config, text).GetResultHeadline(Config, m.Name, TitleOptions),
                    EF.Functions.WebSearchToTsQuery(Config, text).GetResultHeadline(Config, m.Summary, SnippetOptions),
                    m.StartsOn,
                    m.Classification,
                    null))
                .ToListAsync(cancellationToken),
            SearchKind.Observation => await db.ExerciseObservations.AsNoTracking()
                .Where(o => ids.Contains(o.Id))
                .Select(o => new Detail(
                    o.Id,
                    EF.Functions.WebSearchToTsQuery(Config, text).GetResultHeadline(Config, o.Exercise!.Name + ": " + o.Observation, TitleOptions),
                    EF.Functions.WebSearchToTsQuery(Config, text).GetResultHeadline(
                        Config,
                        (o.Lesson == null ? "" : "Lesson: " + o.Lesson + ". ") + (o.Recommendation == null ? "" : "Recommendation: " + o.Recommendation + "."),
                        SnippetOptions),
                    o.RecordedOn,
                    o.Exercise.Classification,
                    o.ExerciseId))
                .ToListAsync(cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "This kind has no search vector."),
        };

    /// <summary>Nations whose name, official name or code has every required word (ILIKE: a small table).</summary>
    private static async Task<List<SearchHit>> NationsAsync(PortalDbContext db, WebSearchTerms terms, string text, CancellationToken cancellationToken)
    {
        if (terms.IsEmpty)
        {
            return [];
        }

        var query = db.Nations.AsNoTracking();
        foreach (var alternatives in terms.Required)
        {
            var patterns = alternatives.Select(LikePattern.Contains).ToArray();
            var codes = alternatives.Select(a => a.ToUpperInvariant()).ToArray();
            query = query.Where(n => codes.Contains(n.Code)
                || patterns.Any(p => EF.Functions.ILike(n.Name, p))
                || patterns.Any(p => EF.Functions.ILike(n.OfficialName!, p)));
        }

        if (terms.Excluded.Count > 0)
        {
            var excluded = terms.Excluded.Select(LikePattern.Contains).ToArray();
            query = query.Where(n => !excluded.Any(p => EF.Functions.ILike(n.Name, p)) && !excluded.Any(p => EF.Functions.ILike(n.OfficialName ?? "", p)));
        }

        var rows = await query
            .OrderBy(n => n.Name)
            .Take(CountCap)
            .Select(n => new { n.Code, n.Name, n.OfficialName, n.Region, n.SubRegion, n.Capital, n.ExistedUntil })
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(n => new SearchHit(
            SearchKind.Nation,
            n.Code,
            SearchHighlight.Mark(n.Name, terms.AllRequired),
            SearchHighlight.Mark(
                string.Join(" · ", new[]
                {
                    n.OfficialName,
                    n.Code,
                    n.SubRegion is null ? n.Region : $"{n.Region}, {n.SubRegion}",
                    n.Capital is null ? null : "capital " + n.Capital,
                    n.ExistedUntil is { } until ? $"former state (until {until.Year})" : null,
                }.Where(p => !string.IsNullOrEmpty(p))),
                terms.AllRequired),
            null,
            null,
            IsExact(text, n.Name, n.Code) ? ExactNameRank : NameRank));
    }

    /// <summary>Alliances whose acronym or name has every required word.</summary>
    private static async Task<List<SearchHit>> AlliancesAsync(PortalDbContext db, WebSearchTerms terms, string text, CancellationToken cancellationToken)
    {
        if (terms.IsEmpty)
        {
            return [];
        }

        var query = db.Alliances.AsNoTracking();
        foreach (var alternatives in terms.Required)
        {
            var patterns = alternatives.Select(LikePattern.Contains).ToArray();
            query = query.Where(a => patterns.Any(p => EF.Functions.ILike(a.Acronym, p)) || patterns.Any(p => EF.Functions.ILike(a.Name, p)));
        }

        if (terms.Excluded.Count > 0)
        {
            var excluded = terms.Excluded.Select(LikePattern.Contains).ToArray();
            query = query.Where(a => !excluded.Any(p => EF.Functions.ILike(a.Name, p)));
        }

        var rows = await query
            .OrderBy(a => a.Acronym)
            .Take(CountCap)
            .Select(a => new { a.Acronym, a.Name, a.Kind, a.Headquarters, a.FoundedOn, a.DissolvedOn })
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(a => new SearchHit(
            SearchKind.Alliance,
            a.Acronym,
            SearchHighlight.Mark($"{a.Name} ({a.Acronym})", terms.AllRequired),
            SearchHighlight.Mark(
                string.Join(" · ", new[]
                {
                    a.DissolvedOn is { } dissolved ? $"{a.FoundedOn.Year}–{dissolved.Year}" : $"since {a.FoundedOn.Year}",
                    a.Headquarters is null ? null : "headquarters " + a.Headquarters,
                }.Where(p => !string.IsNullOrEmpty(p))),
                terms.AllRequired),
            null,
            null,
            IsExact(text, a.Name, a.Acronym) ? ExactNameRank : NameRank));
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static bool IsExact(string text, string name, string code) =>
        text.Trim('"').Equals(name, StringComparison.OrdinalIgnoreCase) || text.Equals(code, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the text has no word full-text search can use ("the and of"): PostgreSQL then matches
    /// nothing, and the page says why rather than just "no results". Asked only when nothing matched.
    /// The statement reads no table, so it needs no visibility filter.
    /// </summary>
    private static async Task<bool> OnlyStopWordsAsync(PortalDbContext db, string text, CancellationToken cancellationToken) =>
        await db.Database
            .SqlQuery<int>($"SELECT numnode(websearch_to_tsquery({Config}::regconfig, {text})) AS \"Value\"")
            .SingleAsync(cancellationToken) == 0;
}
