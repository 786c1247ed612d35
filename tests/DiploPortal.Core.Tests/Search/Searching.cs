using DiploPortal.Core.Common;
using DiploPortal.Core.Search;
using DiploPortal.Core.Security;
using DiploPortal.TestSupport;

namespace DiploPortal.Core.Tests.Search;

/// <summary>The search box against a real database: ranking, web-search syntax, snippets, caps and classification.</summary>
public class Searching : IAsyncLifetime
{
    private static readonly CurrentUser SecretAmerican = new("analyst", Classification.Secret, "USA", ["NATO", "FVEY"]);
    private static readonly CurrentUser RestrictedFrench = new("analyst-restricted", Classification.Restricted, "FRA", ["NATO"]);

    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateWithReferenceDataAsync();
        await _database.ExecuteAsync("""
            INSERT INTO engagements (title, kind, channel, occurred_on, location, summary, outcome, classification, releasable_to_nations, is_demo) VALUES
              ('Albatross summit', 'StaffTalks', 'FaceToFace', '2024-01-01', NULL, 'Routine meeting of the staffs', 'Positive', 'Unclassified', '{}', false),
              ('Routine staff talks', 'StaffTalks', 'FaceToFace', '2025-01-01', NULL, 'Discussion of the albatross programme and of training', 'Positive', 'Unclassified', '{}', false),
              ('Harbour talks', 'PortVisit', 'FaceToFace', '2024-03-01', NULL, 'Talks on search and rescue coordination at sea', 'Neutral', 'Unclassified', '{}', false),
              ('Border dialogue', 'BilateralDialogue', 'FaceToFace', '2024-04-01', NULL, 'Rescue teams showed their search dogs', 'Neutral', 'Unclassified', '{}', false),
              ('Pelican meeting', 'StaffTalks', 'FaceToFace', '2024-05-01', 'Brest', 'Pelican harbour visit', 'Neutral', 'Unclassified', '{}', false),
              ('Pelican talks', 'StaffTalks', 'FaceToFace', '2024-06-01', 'Toulon', 'Pelican harbour visit', 'Neutral', 'Unclassified', '{}', false),
              ('Kestrel liaison talks', 'StaffTalks', 'FaceToFace', '2024-07-01', NULL, 'A <script>alert(1)</script> note', 'Neutral', 'Unclassified', '{}', false),
              ('Nightjar public talks', 'StaffTalks', 'FaceToFace', '2024-08-01', NULL, 'Open', 'Neutral', 'Unclassified', '{}', false),
              ('Nightjar covert talks', 'StaffTalks', 'FaceToFace', '2024-08-02', NULL, 'Secret plans', 'Neutral', 'Secret', '{}', false),
              ('Nightjar American talks', 'StaffTalks', 'FaceToFace', '2024-08-03', NULL, 'For Americans', 'Neutral', 'Unclassified', '{USA}', false);
            INSERT INTO attaches (full_name, rank, service, post, sending_nation_id, host_nation_id, posted_from, classification, releasable_to_nations, is_demo) VALUES
              ('Major Ann Kestrel', 'Major', 'Army', 'Defence', (SELECT id FROM nations WHERE code = 'GBR'), (SELECT id FROM nations WHERE code = 'FRA'), '2023-01-01', 'Unclassified', '{}', false),
              ('Colonel Nightjar Open', 'Colonel', 'Army', 'Defence', (SELECT id FROM nations WHERE code = 'USA'), (SELECT id FROM nations WHERE code = 'FRA'), '2023-01-01', 'Unclassified', '{}', false),
              ('Colonel Nightjar Covert', 'Colonel', 'Army', 'Defence', (SELECT id FROM nations WHERE code = 'USA'), (SELECT id FROM nations WHERE code = 'JPN'), '2023-01-01', 'Secret', '{}', false),
              ('Colonel Nightjar American', 'Colonel', 'Army', 'Defence', (SELECT id FROM nations WHERE code = 'USA'), (SELECT id FROM nations WHERE code = 'JPN'), '2023-01-01', 'Unclassified', '{USA}', false);
            INSERT INTO attache_reports (attache_id, kind, title, body, filed_on, classification, releasable_to_nations, is_demo)
            SELECT (SELECT min(id) FROM attaches), 'Assessment', t.title, t.body, DATE '2024-09-01', t.classification, t.releasable, false
            FROM (VALUES
              ('Kestrel assessment', 'An assessment', 'Unclassified', '{}'::text[]),
              ('Nightjar open report', 'Open', 'Unclassified', '{}'::text[]),
              ('Nightjar covert report', 'Covert', 'Secret', '{}'::text[]),
              ('Nightjar American report', 'For Americans', 'Unclassified', '{USA}'::text[])) AS t(title, body, classification, releasable);
            INSERT INTO exercises (name, kind, status, host_nation_id, starts_on, ends_on, objectives, classification, releasable_to_nations, is_demo)
            SELECT t.name, 'Field', 'Planning', (SELECT id FROM nations WHERE code = 'FRA'), DATE '2024-10-01', DATE '2024-10-10', 'Training', t.classification, t.releasable, false
            FROM (VALUES
              ('Kestrel Shield', 'Unclassified', '{}'::text[]),
              ('Nightjar Open', 'Unclassified', '{}'::text[]),
              ('Nightjar Covert', 'Secret', '{}'::text[]),
              ('Nightjar American', 'Unclassified', '{USA}'::text[])) AS t(name, classification, releasable);
            INSERT INTO missions (name, kind, crisis, affected_nation_id, starts_on, people_assisted, summary, classification, releasable_to_nations, is_demo)
            SELECT t.name, 'DisasterRelief', 'Flood', (SELECT id FROM nations WHERE code = 'PAK'), DATE '2024-11-01', 100, 'Relief', t.classification, t.releasable, false
            FROM (VALUES
              ('Operation Kestrel', 'Unclassified', '{}'::text[]),
              ('Nightjar Open Relief', 'Unclassified', '{}'::text[]),
              ('Nightjar Covert Relief', 'Secret', '{}'::text[]),
              ('Nightjar American Relief', 'Unclassified', '{USA}'::text[])) AS t(name, classification, releasable);
            """);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task RanksATitleMatchAboveABodyMatchEvenWhenTheBodyMatchIsNewer()
    {
        var results = await SearchAsync("albatross");

        Assert.Equal(["Albatross summit", "Routine staff talks"], results.Hits.Select(h => Plain(h.Title)));
        Assert.True(results.Hits[0].Rank > results.Hits[1].Rank);
        Assert.Equal(new SearchCount(SearchKind.Engagement, 2, false), results.CountOf(SearchKind.Engagement));
    }

    [Fact]
    public async Task MatchesQuotedPhrasesOnlyInTheirOrder()
    {
        Assert.Equal(["Harbour talks"], (await SearchAsync("\"search and rescue\"")).Hits.Select(h => Plain(h.Title)));
        Assert.Equal(["Harbour talks", "Border dialogue"], (await SearchAsync("search rescue")).Hits.Select(h => Plain(h.Title)));
    }

    [Fact]
    public async Task LeavesOutExcludedWordsAndAcceptsAlternatives()
    {
        Assert.Equal(["Pelican talks"], (await SearchAsync("pelican -brest")).Hits.Select(h => Plain(h.Title)));
        Assert.Equal(3, (await SearchAsync("albatross or \"search and rescue\"")).CountOf(SearchKind.Engagement).Count);
    }

    [Fact]
    public async Task SaysWhenEveryWordIsAStopWord()
    {
        var results = await SearchAsync("the and of");

        Assert.Equal(SearchStatus.OnlyStopWords, results.Status);
        Assert.Empty(results.Hits);
        Assert.Equal(0, results.Total);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task SearchesNothingForBlankTextWithoutAskingTheDatabase(string? text)
    {
        // Nothing listens on port 1: any query would fail.
        var queries = new SearchQueries(new TestDbContextFactory("Host=127.0.0.1;Port=1;Database=none;Username=nobody;Timeout=1", RestrictedFrench));

        var results = await queries.SearchAsync(text, null, 20);

        Assert.Equal(SearchStatus.NoQuery, results.Status);
        Assert.Empty(results.Hits);
    }

    [Fact]
    public async Task MarksTheMatchedWordsInTitleAndSnippet()
    {
        var results = await SearchAsync("albatross");

        var bodyHit = results.Hits.Single(h => Plain(h.Title) == "Routine staff talks");
        Assert.Contains(new HighlightSegment("albatross", true), SearchHighlight.Segments(bodyHit.Snippet));
        Assert.Equal("Discussion of the albatross programme and of training", SearchHighlight.Plain(bodyHit.Snippet));
        Assert.Equal([new HighlightRange(18, 9)], SearchHighlight.Ranges(bodyHit.Snippet));
        var titleHit = results.Hits.Single(h => Plain(h.Title) == "Albatross summit");
        Assert.Equal([new HighlightSegment("Albatross", true), new HighlightSegment(" summit", false)], SearchHighlight.Segments(titleHit.Title));
    }

    [Fact]
    public async Task CarriesNoMarkupInSnippetsOnlyTheMarkers()
    {
        var hit = Assert.Single((await SearchAsync("kestrel liaison")).Hits);

        // PostgreSQL's parser reads "<script>" as a tag, which ts_headline leaves out; the page renders text nodes anyway.
        Assert.DoesNotContain("<", hit.Snippet, StringComparison.Ordinal);
        Assert.Contains("alert(1)", hit.Snippet, StringComparison.Ordinal);
        Assert.Equal([new HighlightSegment("Kestrel", true), new HighlightSegment(" ", false), new HighlightSegment("liaison", true), new HighlightSegment(" talks", false)],
            SearchHighlight.Segments(hit.Title));
    }

    [Fact]
    public async Task FindsEveryKindOfRecord()
    {
        var results = await SearchAsync("kestrel");

        Assert.Equal(
            [SearchKind.Engagement, SearchKind.Attache, SearchKind.Report, SearchKind.Exercise, SearchKind.Mission],
            results.Hits.Select(h => h.Kind).Order());
        var report = results.Hits.Single(h => h.Kind == SearchKind.Report);
        Assert.NotNull(report.ParentKey);
        Assert.Equal("Major, United Kingdom, posted to France",
            SearchHighlight.Plain(results.Hits.Single(h => h.Kind == SearchKind.Attache).Snippet));

        var france = Assert.Single((await SearchAsync("France")).Hits, h => h.Kind == SearchKind.Nation);
        Assert.Equal("FRA", france.Key);
        Assert.Equal(SearchQueries.ExactNameRank, france.Rank);
        Assert.Equal("France", SearchHighlight.Plain(france.Title));

        var nato = Assert.Single((await SearchAsync("\"north atlantic\"")).Hits);
        Assert.Equal((SearchKind.Alliance, "NATO"), (nato.Kind, nato.Key));
        Assert.Equal([new HighlightSegment("North Atlantic", true), new HighlightSegment(" Treaty Organization (NATO)", false)], SearchHighlight.Segments(nato.Title));
    }

    [Fact]
    public async Task MatchesNamesByPartsOfWordsWithExclusionsAndAlternatives()
    {
        Assert.Contains((await SearchAsync("fra")).Hits, h => h.Key == "FRA");
        var koreas = (await SearchAsync("korea")).Hits.Where(h => h.Kind == SearchKind.Nation).Select(h => h.Key).Order();
        Assert.Equal(["KOR", "PRK"], koreas);
        Assert.Equal(["KOR"], (await SearchAsync("korea -democratic")).Hits.Where(h => h.Kind == SearchKind.Nation).Select(h => h.Key));
        Assert.Equal(["PRK"], (await SearchAsync("korea -south")).Hits.Where(h => h.Kind == SearchKind.Nation).Select(h => h.Key));
        Assert.Equal(["FRA", "JPN"], (await SearchAsync("france or japan")).Hits.Where(h => h.Kind == SearchKind.Nation).Select(h => h.Key).Order());
    }

    [Fact]
    public async Task NarrowsTheHitsToOneKindButCountsEveryKind()
    {
        var results = await QueriesFor(SecretAmerican).SearchAsync("kestrel", SearchKind.Exercise, 20);

        Assert.Equal(["Kestrel Shield"], results.Hits.Select(h => Plain(h.Title)));
        Assert.Equal(1, results.CountOf(SearchKind.Mission).Count);
    }

    [Fact]
    public async Task CapsCountsAndRanksOnlyTheNewestMatches()
    {
        // 1,100 matches: the newest is a title match; the best-ranked of all (two title hits) is the oldest.
        await _database.ExecuteAsync("""
            INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, is_demo)
            SELECT 'Meeting ' || i, 'StaffTalks', 'FaceToFace', DATE '2020-01-01' + i, 'Talks about the plover colony', 'Neutral', 'Unclassified', false
            FROM generate_series(1, 1100) AS i;
            UPDATE engagements SET title = 'Plover plover conference' WHERE title = 'Meeting 1';
            UPDATE engagements SET title = 'Plover review' WHERE title = 'Meeting 1100';
            """);

        var results = await SearchAsync("plover", take: 5);

        Assert.Equal(new SearchCount(SearchKind.Engagement, SearchQueries.CountCap, true), results.CountOf(SearchKind.Engagement));
        Assert.Equal("1,000+", results.CountOf(SearchKind.Engagement).Text);
        Assert.Equal(5, results.Hits.Count);
        Assert.Equal("Plover review", Plain(results.Hits[0].Title));
        Assert.DoesNotContain(results.Hits, h => Plain(h.Title) == "Plover plover conference");
        // Equal ranks: newest first.
        Assert.Equal(["Meeting 1099", "Meeting 1098", "Meeting 1097", "Meeting 1096"], results.Hits.Skip(1).Select(h => Plain(h.Title)));
    }

    [Theory]
    [InlineData(1100, 0)]
    [InlineData(600, 600)]
    public async Task APhraseRanksTheSameNewestMatchesWhetherTheLastMonthsHoldEnoughOrNot(int recent, int before)
    {
        // Phrase matches in the last five months, then older ones; the oldest carries the phrase in its title (the best rank of all).
        await _database.ExecuteAsync($"""
            INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, is_demo)
            SELECT 'Recent meeting ' || i, 'StaffTalks', 'FaceToFace', CURRENT_DATE - i % 150, 'Talks on the grey heron survey', 'Neutral', 'Unclassified', false
            FROM generate_series(1, {recent}) AS i;
            INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, is_demo)
            SELECT 'Older meeting ' || i, 'StaffTalks', 'FaceToFace', CURRENT_DATE - 400 - i, 'Talks on the grey heron survey', 'Neutral', 'Unclassified', false
            FROM generate_series(1, {before}) AS i;
            INSERT INTO engagements (title, kind, channel, occurred_on, summary, outcome, classification, is_demo)
            VALUES ('Grey heron conference', 'StaffTalks', 'FaceToFace', CURRENT_DATE - 3000, 'Grey heron', 'Neutral', 'Unclassified', false),
                   ('Heron grey talks', 'StaffTalks', 'FaceToFace', CURRENT_DATE, 'Heron grey, not the phrase', 'Neutral', 'Unclassified', false);
            """);

        var results = await SearchAsync("\"grey heron\"", take: 3);

        Assert.Equal(new SearchCount(SearchKind.Engagement, SearchQueries.CountCap, true), results.CountOf(SearchKind.Engagement));
        Assert.DoesNotContain(results.Hits, h => Plain(h.Title) == "Heron grey talks");
        Assert.DoesNotContain(results.Hits, h => Plain(h.Title) == "Grey heron conference");
        Assert.All(results.Hits, h => Assert.StartsWith("Recent meeting", Plain(h.Title), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ShowsAndCountsNothingAboveClearanceOrNotReleasableToTheUsersNation()
    {
        var results = await QueriesFor(RestrictedFrench).SearchAsync("nightjar", null, 50);

        Assert.All(results.Hits, h => Assert.DoesNotContain("Covert", Plain(h.Title), StringComparison.Ordinal));
        Assert.All(results.Hits, h => Assert.DoesNotContain("American", Plain(h.Title), StringComparison.Ordinal));
        Assert.Equal(5, results.Hits.Count);
        foreach (var kind in new[] { SearchKind.Engagement, SearchKind.Attache, SearchKind.Report, SearchKind.Exercise, SearchKind.Mission })
        {
            Assert.Equal(new SearchCount(kind, 1, false), results.CountOf(kind));
        }

        var everything = await QueriesFor(SecretAmerican).SearchAsync("nightjar", null, 50);
        Assert.Equal(15, everything.Total);
        Assert.Equal(15, everything.Hits.Count);
    }

    [Fact]
    public async Task FindsNothingOfAHiddenRecordEvenByItsOwnWords()
    {
        var results = await QueriesFor(RestrictedFrench).SearchAsync("covert", null, 50);

        Assert.Equal(SearchStatus.Searched, results.Status);
        Assert.Empty(results.Hits);
        Assert.Equal(0, results.Total);
    }

    [Fact]
    public async Task ListsAReportOnlyWhenItsAttacheIsVisibleToo()
    {
        await _database.ExecuteAsync("""
            INSERT INTO attache_reports (attache_id, kind, title, body, filed_on, classification, releasable_to_nations, is_demo)
            VALUES ((SELECT id FROM attaches WHERE full_name = 'Colonel Nightjar Covert'), 'Assessment', 'Ptarmigan report', 'Open words',
                    DATE '2024-09-02', 'Unclassified', '{}', false);
            """);

        var hidden = await QueriesFor(RestrictedFrench).SearchAsync("ptarmigan", null, 50);
        var seen = await QueriesFor(SecretAmerican).SearchAsync("ptarmigan", null, 50);

        Assert.Empty(hidden.Hits);
        Assert.Equal(new SearchCount(SearchKind.Report, 0, false), hidden.CountOf(SearchKind.Report));
        Assert.Equal("Ptarmigan report", Plain(Assert.Single(seen.Hits).Title));
    }

    private Task<SearchResults> SearchAsync(string text, int take = 20) => QueriesFor(SecretAmerican).SearchAsync(text, null, take);

    private SearchQueries QueriesFor(CurrentUser user) => new(_database.FactoryFor(user));

    private static string Plain(string marked) => SearchHighlight.Plain(marked);
}
