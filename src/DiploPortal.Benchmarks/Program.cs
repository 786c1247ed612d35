using System.Diagnostics;
using System.Globalization;
using System.Text;
using DiploPortal.Benchmarks;
using DiploPortal.Core.Audit;
using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using DiploPortal.Core.Engagements;
using DiploPortal.Core.Exercises;
using DiploPortal.Core.Exercises.Deconfliction;
using DiploPortal.Core.Exercises.History;
using DiploPortal.Core.Nations;
using DiploPortal.Core.Search;
using DiploPortal.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

// Server-side timings of the staff records targets (docs/PERFORMANCE.md), against a database that
// holds the demo data: run it through scripts/bench.sh, which builds that database and also load-tests
// the rendered list page over HTTP.
//   diploportal-bench --connection "Host=...;Database=..." [--iterations 200] [--plans plans.txt] [--only "Search"]
// --only runs the measurements whose name contains the text (and the import only when it matches "Import").
var options = BenchOptions.Parse(args);
var capture = new PlanCapture();
var builder = new DbContextOptionsBuilder<PortalDbContext>();
// The import writes an audit entry: with the portal's key when given, else the development key (a bench database).
PortalDatabase.Configure(builder, options.ConnectionString, AuditChainKey.FromSetting(Environment.GetEnvironmentVariable("Portal__Audit__ChainKey"), allowDevelopmentKey: true));
builder.AddInterceptors(capture);
var pool = new PooledDbContextFactory<PortalDbContext>(builder.Options);

// An analyst cleared to Restricted, French, so that both the clearance and the releasability filter apply.
var analyst = new CurrentUser("bench-analyst", Classification.Restricted, "FRA", ["NATO"]);
var staff = new CurrentUser("bench-staff", Classification.Secret, "GBR", ["NATO", "FVEY"]);
var queries = new EngagementQueries(new BenchFactory(pool, analyst));

var results = new List<BenchResult>();
var plans = new StringBuilder();

await using (var db = new BenchFactory(pool, analyst).CreateDbContext())
{
    var total = await db.Engagements.IgnoreQueryFilters().CountAsync();
    var visible = await db.Engagements.CountAsync();
    Console.WriteLine($"engagements: {total:N0} in the database, {visible:N0} visible to {analyst.Name} ({analyst.Clearance}, {analyst.NationCode})");
}

var filtered = new EngagementFilter { From = new DateOnly(1990, 1, 1), Sort = EngagementSort.Newest };
var depth = 500_000;
var deep = await CursorAtAsync(pool, analyst, filtered, depth);
var selective = new EngagementFilter { Nation = "FRA", Kind = EngagementKind.StaffTalks, Sort = EngagementSort.Newest };

results.Add(await MeasureAsync("List, filtered and sorted, first page", () => queries.ListAsync(filtered, null, PageDirection.After, 50)));
if (deep is { } cursor)
{
    results.Add(await MeasureAsync($"List, same filter, {depth:N0} rows deep", () => queries.ListAsync(filtered, cursor, PageDirection.After, 50)));
}

results.Add(await MeasureAsync("Match count of the filtered list (capped at 1,000)", () => queries.CountAsync(filtered)));
results.Add(await MeasureAsync("List, title order, first page", () => queries.ListAsync(filtered with { Sort = EngagementSort.TitleAscending }, null, PageDirection.After, 50)));

// The nation filter: an engagement the nation hosted or took part in.
var selectiveDepth = 5_000;
var selectiveDeep = await NationCursorAtAsync(pool, analyst, "FRA", EngagementKind.StaffTalks, selectiveDepth);
results.Add(await MeasureAsync("List, nation FRA and kind StaffTalks, first page", () => queries.ListAsync(selective, null, PageDirection.After, 50)));
if (selectiveDeep is { } nationCursor)
{
    results.Add(await MeasureAsync($"Same list, {selectiveDepth:N0} rows deep (keyset)", () => queries.ListAsync(selective, nationCursor, PageDirection.After, 50)));
}

results.Add(await MeasureAsync("Same list, oldest first, first page", () => queries.ListAsync(selective with { Sort = EngagementSort.Oldest }, null, PageDirection.After, 50)));
results.Add(await MeasureAsync("Same list, title order, first page", () => queries.ListAsync(selective with { Sort = EngagementSort.TitleAscending }, null, PageDirection.After, 50)));
results.Add(await MeasureAsync("Match count, nation FRA and kind StaffTalks", () => queries.CountAsync(selective)));
results.Add(await MeasureAsync("List, nation MUS (the fewest engagements), first page", () => queries.ListAsync(new EngagementFilter { Nation = "MUS" }, null, PageDirection.After, 50)));

// Several nations, every one of which took part: the first nation's index arms, an EXISTS per further nation.
var twoNations = new EngagementFilter { Nations = NationSet.Of("FRA", "DEU") };
results.Add(await MeasureAsync("List, nations FRA and DEU (both took part), first page", () => queries.ListAsync(twoNations, null, PageDirection.After, 50)));
results.Add(await MeasureAsync("Match count, nations FRA and DEU", () => queries.CountAsync(twoNations)));
results.Add(await MeasureAsync("List, nations FRA, DEU and MUS (few in common), first page", () => queries.ListAsync(new EngagementFilter { Nations = NationSet.Of("FRA", "DEU", "MUS") }, null, PageDirection.After, 50)));

// Search (every kind, capped counts, snippets of the 20 shown), as the search page calls it.
var search = new SearchQueries(new BenchFactory(pool, analyst));
foreach (var term in new[] { "kiel", "border", "\"search and rescue\"", "defence" })
{
    var share = await ShareOfEngagementsAsync(pool, term);
    results.Add(await MeasureAsync($"Search `{term}` (in {share:0.00} % of engagements)", () => search.SearchAsync(term, null, 20)));
}

// Later pages of the search page (25 a page): the same ranking, titles and snippets for that page only.
foreach (var page in new[] { 2, 9 })
{
    results.Add(await MeasureAsync($"Search `border`, page {page} of 25", () => search.SearchAsync("border", null, (page - 1) * 25, 25)));
}

// The nation page: every section StoryAsync loads (details, counts, attachés, exercises, missions, engagements, timeline).
var stories = new NationStoryQueries(new BenchFactory(pool, analyst), TimeProvider.System);
foreach (var code in new[] { "USA", "FRA", "MUS" })
{
    var engagementsOf = await EngagementsOfAsync(pool, code);
    results.Add(await MeasureAsync($"Nation page {code} ({engagementsOf:N0} engagements)", () => stories.StoryAsync(code)));
}

results.Add(await MeasureAsync("Nation page FRA, timeline page from 2020-01-01", () => stories.TimelineAsync("FRA", new Cursor("2020-01-01", 0))));

// The planners' timeline: a year holding 5,000 exercises, as the page asks for it (at most 1,000 rows drawn), and uncapped.
if (Wanted("Timeline"))
{
    await TimelineBench.EnsureAsync(pool);
    var timelines = new ExerciseTimelineQueries(new BenchFactory(pool, analyst), new ExerciseQueries(new BenchFactory(pool, analyst)));
    var timelineYear = TimelinePeriod.Year(new DateOnly(TimelineBench.Year, 1, 1));
    results.Add(await MeasureAsync($"Timeline, a year of {TimelineBench.Exercises:N0} exercises (capped at 1,000 rows)", () => timelines.TimelineAsync(new ExerciseFilter(), timelineYear, TimelineGrouping.Host)));
    results.Add(await MeasureAsync("Timeline, same year, every visible row (no cap)", () => timelines.TimelineAsync(new ExerciseFilter(), timelineYear, TimelineGrouping.Host, cap: TimelineBench.Exercises)));
    results.Add(await MeasureAsync("Timeline, same year, nation FRA, by series", () => timelines.TimelineAsync(new ExerciseFilter { Nation = "FRA" }, timelineYear, TimelineGrouping.Series)));
}

// Deconfliction: one realistic candidate checked against at least 50,000 exercises, and the editor's preview of a stored one.
if (Wanted("Deconfliction"))
{
    await DeconflictionBench.EnsureAsync(pool);
    var week = await DeconflictionBench.BusiestWeekAsync(pool);
    var candidate = await DeconflictionBench.CandidateAsync(pool, week);
    var deconfliction = new ExerciseDeconfliction(new BenchFactory(pool, analyst));
    var conflicts = await deconfliction.CheckAsync(candidate, CancellationToken.None);
    Console.WriteLine($"deconfliction: the candidate on {candidate.StartsOn:yyyy-MM-dd} to {candidate.EndsOn:yyyy-MM-dd} has {conflicts.Count} conflicts");
    var planStart = plans.Length;
    results.Add(await MeasureAsync($"Deconfliction check, five nations and a training area, against {DeconflictionBench.Exercises:N0}+ exercises", () => deconfliction.CheckAsync(candidate, CancellationToken.None)));
    if (plans.Length > planStart && !plans.ToString(planStart, plans.Length - planStart).Contains(DeconflictionBench.DaysIndex, StringComparison.Ordinal))
    {
        Console.WriteLine($"WARNING: the deconfliction check's plans do not use {DeconflictionBench.DaysIndex} (see the plans file)");
    }

    var editor = new ExerciseEditor(new BenchFactory(pool, analyst));
    if (await DeconflictionBench.StoredInWeekAsync(new BenchFactory(pool, analyst), week) is { } storedId
        && await editor.ReadAsync(storedId) is { } storedForm)
    {
        results.Add(await MeasureAsync($"Deconfliction preview of a stored exercise in the editor ({storedForm.Participants.Count} nations)", () => editor.PreviewConflictsAsync(storedId, storedForm, CancellationToken.None)));
    }
}

if (Wanted("Import"))
{
    var import = await ImportAsync(pool, staff, options.ImportRows);
    results.Insert(results.Count - 1, import);
}

if (Wanted("Mme"))
{
    results.Add(await MmeImportAsync(pool));
}

Console.WriteLine();
Console.WriteLine($"| Measurement | Runs | p50 (ms) | p95 (ms) | max (ms) |");
Console.WriteLine($"|---|---|---|---|---|");
foreach (var result in results.Where(r => r.Runs > 0))
{
    Console.WriteLine(result.ToMarkdown());
}

if (options.PlansFile is { } plansFile)
{
    await File.WriteAllTextAsync(plansFile, plans.ToString());
    Console.WriteLine($"\nQuery plans written to {plansFile}");
}

return 0;

bool Wanted(string name) => options.Only is not { } only || name.Contains(only, StringComparison.OrdinalIgnoreCase);

async Task<BenchResult> MeasureAsync(string name, Func<Task> run)
{
    if (!Wanted(name))
    {
        return BenchResult.Skipped(name);
    }

    for (var i = 0; i < options.Warmup; i++)
    {
        await run();
    }

    var times = new List<double>(options.Iterations);
    for (var i = 0; i < options.Iterations; i++)
    {
        var watch = Stopwatch.StartNew();
        await run();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    capture.Clear();
    capture.Capturing = true;
    await run();
    capture.Capturing = false;
    plans.AppendLine(CultureInfo.InvariantCulture, $"==== {name}").AppendLine(await capture.ExplainAsync(options.ConnectionString));
    return BenchResult.Of(name, times);
}

// The cursor of the row at the given depth of the user's filtered list (found once with OFFSET, which is what keyset paging avoids).
static async Task<Cursor?> CursorAtAsync(PooledDbContextFactory<PortalDbContext> pool, CurrentUser user, EngagementFilter filter, int depth)
{
    var queries = new EngagementQueries(new BenchFactory(pool, user));
    var all = await queries.CountAsync(filter);
    await using var db = new BenchFactory(pool, user).CreateDbContext();
    var row = await db.Engagements.AsNoTracking().Where(e => e.OccurredOn >= filter.From!.Value)
        .OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.Id)
        .Skip(depth - 1).Select(e => new { e.OccurredOn, e.Id }).FirstOrDefaultAsync();
    if (row is null)
    {
        Console.WriteLine($"The filtered list has {all.Text} rows, fewer than {depth:N0}: no deep-page measurement.");
        return null;
    }

    return new Cursor(row.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row.Id);
}

// The cursor of the row at the given depth of a nation's list of one kind, newest first (found once with OFFSET).
static async Task<Cursor?> NationCursorAtAsync(PooledDbContextFactory<PortalDbContext> pool, CurrentUser user, string code, EngagementKind kind, int depth)
{
    await using var db = new BenchFactory(pool, user).CreateDbContext();
    var id = await db.Nations.Where(n => n.Code == code).Select(n => n.Id).SingleAsync();
    var row = await db.Engagements.AsNoTracking()
        .Where(e => e.Kind == kind && (e.HostNationId == id || e.Participants.Any(p => p.NationId == id)))
        .OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.Id)
        .Skip(depth - 1).Select(e => new { e.OccurredOn, e.Id }).FirstOrDefaultAsync();
    if (row is null)
    {
        Console.WriteLine($"{code}'s {kind} list has fewer than {depth:N0} rows: no deep-page measurement.");
        return null;
    }

    return new Cursor(row.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row.Id);
}

// The share of all engagements (whoever may see them) whose text matches a search, in percent (the
// portal's text search configuration is English: ClassifiedRecordConfiguration).
static async Task<double> ShareOfEngagementsAsync(PooledDbContextFactory<PortalDbContext> pool, string term)
{
    await using var db = pool.CreateDbContext();
    var all = await db.Engagements.IgnoreQueryFilters().CountAsync();
    var matching = await db.Engagements.IgnoreQueryFilters()
        .CountAsync(e => e.SearchVector!.Matches(EF.Functions.WebSearchToTsQuery("english", term)));
    return 100.0 * matching / all;
}

// How many engagements a nation hosted or took part in (whoever may see them).
static async Task<int> EngagementsOfAsync(PooledDbContextFactory<PortalDbContext> pool, string code)
{
    await using var db = pool.CreateDbContext();
    return await db.Engagements.IgnoreQueryFilters()
        .CountAsync(e => e.HostNation!.Code == code || e.Participants.Any(p => p.Nation!.Code == code));
}

// The whole Multinational Military Exercises import (read, map, check, write), five times, its rows removed before each run.
async Task<BenchResult> MmeImportAsync(PooledDbContextFactory<PortalDbContext> pool)
{
    var times = new List<double>();
    for (var run = 0; run < 5; run++)
    {
        await using (var db = pool.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM exercises WHERE source_key LIKE 'mme:%'");
        }

        var watch = Stopwatch.StartNew();
        var report = await new MmeImport(new BenchFactory(pool, CurrentUser.System), TimeProvider.System, NullLogger<MmeImport>.Instance).ImportShippedAsync();
        times.Add(watch.Elapsed.TotalMilliseconds);
        if (!report.Succeeded || report.Imported == 0)
        {
            throw new InvalidOperationException("The MME import did not write: " + report.Describe(5));
        }
    }

    return BenchResult.Of("Import of the Multinational Military Exercises (3,707 rows), checks included", times);
}

// Imports a generated file of valid rows as a staff officer, three times, removing the rows after each run.
async Task<BenchResult> ImportAsync(PooledDbContextFactory<PortalDbContext> pool, CurrentUser user, int rows)
{
    var file = await ImportFile.BuildAsync(pool, rows);
    var times = new List<double>();
    var checks = new List<double>();
    for (var run = 0; run < 3; run++)
    {
        await using var stream = new MemoryStream(file, writable: false);
        var watch = Stopwatch.StartNew();
        double? checkedAt = null;
        var progress = new SynchronousProgress(p =>
        {
            if (p.Stage == ImportStage.Writing && checkedAt is null)
            {
                checkedAt = watch.Elapsed.TotalMilliseconds;
            }
        });
        var report = await new EngagementImport(new BenchFactory(pool, user), TimeProvider.System).ImportAsync(stream, "bench.csv", progress);
        times.Add(watch.Elapsed.TotalMilliseconds);
        checks.Add(checkedAt ?? 0);
        if (!report.Succeeded)
        {
            throw new InvalidOperationException("The generated import file was refused: " + string.Join("; ", report.Problems.Take(5)));
        }

        await using var db = pool.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync("DELETE FROM engagements WHERE title LIKE 'Bench import %' AND NOT is_demo");
    }

    results.Add(BenchResult.Of($"  of which reading and checking every row", checks));
    return BenchResult.Of($"Import of {rows:N0} engagement rows, checks included ({file.Length / (1024 * 1024)} MB)", times);
}
