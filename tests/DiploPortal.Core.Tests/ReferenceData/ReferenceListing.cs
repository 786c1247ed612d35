using DiploPortal.Core.Alliances;
using DiploPortal.Core.Common;
using DiploPortal.Core.Nations;
using DiploPortal.Core.Security;
using DiploPortal.TestSupport;

namespace DiploPortal.Core.Tests.ReferenceData;

/// <summary>The nation and alliance lists over the real reference data: filters, orders, keyset paging and exports.</summary>
public class ReferenceListing : IAsyncLifetime
{
    private static readonly CurrentUser Reader = new("staff", Classification.Secret, "GBR", ["NATO"]);

    // A fixed day, so that "a member today" does not change with the calendar.
    private static readonly TimeProvider OnTheDay = new FixedClock(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestPostgres.CreateWithReferenceDataAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData(NationSort.NameAscending)]
    [InlineData(NationSort.NameDescending)]
    [InlineData(NationSort.CodeAscending)]
    public async Task PagesThroughEveryNationOnceInEitherDirection(NationSort sort)
    {
        var directory = Nations();
        var filter = new NationListFilter { Sort = sort };
        var everyNation = await _database.ScalarAsync<long>("SELECT count(*) FROM nations");

        var forward = await WalkAsync(c => directory.ListAsync(filter, c, PageDirection.After, 40), p => p.Next);
        Assert.Equal(everyNation, forward.Count);
        Assert.Equal(forward.Count, forward.Select(n => n.Id).Distinct().Count());
        var order = sort switch
        {
            NationSort.NameDescending => "name DESC, id DESC",
            NationSort.CodeAscending => "code, id",
            _ => "name, id",
        };
        var expected = await _database.ScalarAsync<string>($"SELECT string_agg(id::text, ',' ORDER BY {order}) FROM nations");
        Assert.Equal(expected, string.Join(',', forward.Select(n => n.Id)));

        // Back from the last page to the first gives the same nations in the same order.
        var last = await directory.ListAsync(filter, null, PageDirection.After, 40);
        while (last.Next is { } next)
        {
            last = await directory.ListAsync(filter, next, PageDirection.After, 40);
        }

        var backward = new List<NationListItem>(last.Items);
        for (var page = last; page.Previous is { } previous;)
        {
            page = await directory.ListAsync(filter, previous, PageDirection.Before, 40);
            backward.InsertRange(0, page.Items);
        }

        Assert.Equal(forward.Select(n => n.Id), backward.Select(n => n.Id));
    }

    [Fact]
    public async Task FiltersByWordsRegionStatusAndMembership()
    {
        var directory = Nations();
        var france = (await directory.ListAsync(new NationListFilter { Text = "fra" }, null, PageDirection.After, 50)).Items;
        Assert.Contains(france, n => n.Code == "FRA");

        var former = (await directory.ListAsync(new NationListFilter { Status = NationStatus.Former }, null, PageDirection.After, 200)).Items;
        Assert.NotEmpty(former);
        Assert.All(former, n => Assert.NotNull(n.ExistedUntil));
        Assert.Contains(former, n => n.Code == "SUHH");

        var europe = (await directory.ListAsync(new NationListFilter { Region = "Europe", Status = NationStatus.Current }, null, PageDirection.After, 200)).Items;
        Assert.Contains(europe, n => n.Code == "DEU");
        Assert.DoesNotContain(europe, n => n.Code == "JPN");

        var nato = (await directory.ListAsync(new NationListFilter { Alliance = "nato" }, null, PageDirection.After, 200)).Items.Select(n => n.Code).ToList();
        Assert.Contains("FIN", nato);
        Assert.Contains("SWE", nato);
        Assert.DoesNotContain("AUT", nato);
        Assert.Equal(32, nato.Count);
        Assert.Equal(new MatchCount(32, false), await directory.CountAsync(new NationListFilter { Alliance = "NATO" }));
    }

    [Fact]
    public async Task ExportsTheFilteredNationsWithTheirAlliances()
    {
        var rows = new List<NationRecord>();
        await foreach (var row in Nations().StreamAsync(new NationListFilter { Text = "Finland" }))
        {
            rows.Add(row);
        }

        var finland = Assert.Single(rows);
        Assert.Equal("FIN", finland.Code);
        Assert.Contains("NATO", finland.Alliances);
        Assert.Equal("FIN", NationDirectory.ToCells(finland, forCsv: true)[0].Text);
        Assert.Equal(NationDirectory.ExportColumns.Count, NationDirectory.ToCells(finland, forCsv: true).Length);
        Assert.Equal(new Dictionary<Classification, int> { [Classification.Unclassified] = 1 }, await Nations().CountByClassificationAsync(new NationListFilter { Text = "Finland" }));
    }

    [Theory]
    [InlineData(AllianceSort.AcronymAscending)]
    [InlineData(AllianceSort.NameAscending)]
    [InlineData(AllianceSort.FoundedNewest)]
    [InlineData(AllianceSort.FoundedOldest)]
    public async Task PagesThroughEveryAllianceOnce(AllianceSort sort)
    {
        var directory = Alliances();
        var filter = new AllianceListFilter { Sort = sort };
        var all = await WalkAsync(c => directory.ListAsync(filter, c, PageDirection.After, 3), p => p.Next);
        Assert.Equal(await _database.ScalarAsync<long>("SELECT count(*) FROM alliances"), all.Count);
        Assert.Equal(all.Count, all.Select(a => a.Id).Distinct().Count());
        if (sort == AllianceSort.FoundedNewest)
        {
            Assert.Equal(all.Select(a => a.FoundedOn).OrderDescending(), all.Select(a => a.FoundedOn));
        }
        else if (sort == AllianceSort.FoundedOldest)
        {
            Assert.Equal(all.Select(a => a.FoundedOn).Order(), all.Select(a => a.FoundedOn));
        }
    }

    [Fact]
    public async Task FiltersAlliancesByMemberStatusAndWords()
    {
        var directory = Alliances();
        var withFrance = (await directory.ListAsync(new AllianceListFilter { Member = "FRA" }, null, PageDirection.After, 50)).Items;
        Assert.Contains(withFrance, a => a.Acronym == "NATO");
        Assert.DoesNotContain(withFrance, a => a.Acronym == "FVEY");

        var nato = Assert.Single((await directory.ListAsync(new AllianceListFilter { Text = "north atlantic" }, null, PageDirection.After, 50)).Items);
        Assert.Equal(32, nato.CurrentMembers);

        var dissolved = (await directory.ListAsync(new AllianceListFilter { Status = AllianceStatus.Dissolved }, null, PageDirection.After, 50)).Items;
        Assert.All(dissolved, a => Assert.NotNull(a.DissolvedOn));
        Assert.Contains(dissolved, a => a.Acronym == "WP");
    }

    private static async Task<List<T>> WalkAsync<T>(Func<Cursor?, Task<KeysetPage<T>>> read, Func<KeysetPage<T>, Cursor?> next)
    {
        var items = new List<T>();
        Cursor? cursor = null;
        do
        {
            var page = await read(cursor);
            items.AddRange(page.Items);
            cursor = next(page);
        }
        while (cursor is not null);
        return items;
    }

    private NationDirectory Nations() => new(_database.FactoryFor(Reader), OnTheDay);

    private AllianceDirectory Alliances() => new(_database.FactoryFor(Reader), OnTheDay);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
