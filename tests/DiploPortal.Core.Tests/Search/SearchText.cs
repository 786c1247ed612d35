using DiploPortal.Core.Search;

namespace DiploPortal.Core.Tests.Search;

/// <summary>Reading the search box's text for name matching, and the highlight markers, without a database.</summary>
public class SearchText
{
    [Fact]
    public void ReadsWordsPhrasesAlternativesAndExclusionsAsWebSearchDoes()
    {
        var terms = WebSearchTerms.Parse("  \"North  Atlantic\" france or germany -pact (NATO), ");

        Assert.Equal(["North Atlantic|france,germany|NATO"], [string.Join("|", terms.Required.Select(r => string.Join(",", r)))]);
        Assert.Equal(["pact"], terms.Excluded);
    }

    [Theory]
    [InlineData("or")]
    [InlineData("  ")]
    [InlineData("\"\"")]
    [InlineData("-france")]
    public void HasNothingRequiredWithoutAWordToLookFor(string text) => Assert.True(WebSearchTerms.Parse(text).IsEmpty);

    [Fact]
    public void IgnoresOrAtEitherEndAndReadsAnUnclosedQuoteToTheEnd()
    {
        Assert.Equal("korea", Assert.Single(Assert.Single(WebSearchTerms.Parse("or korea or").Required)));
        Assert.Equal("united kingdom", Assert.Single(Assert.Single(WebSearchTerms.Parse("\"united kingdom").Required)));
    }

    [Fact]
    public void SplitsMarkedTextIntoSegmentsPlainTextAndRanges()
    {
        const string marked = "Talks on \u0002maritime\u0003 security and \u0002maritime\u0003 law";

        Assert.Equal(
            new HighlightSegment[] { new("Talks on ", false), new("maritime", true), new(" security and ", false), new("maritime", true), new(" law", false) },
            SearchHighlight.Segments(marked));
        Assert.Equal("Talks on maritime security and maritime law", SearchHighlight.Plain(marked));
        Assert.Equal([new HighlightRange(9, 8), new HighlightRange(31, 8)], SearchHighlight.Ranges(marked));
    }

    [Fact]
    public void TreatsStrayMarkersAsNothing()
    {
        Assert.Equal([new HighlightSegment("a b", false)], SearchHighlight.Segments("a\u0003 b"));
        Assert.Equal([new HighlightSegment("a ", false), new HighlightSegment("bc", true)], SearchHighlight.Segments("a \u0002b\u0002c"));
        Assert.Empty(SearchHighlight.Segments(null));
    }

    [Fact]
    public void MarksPartsOfNamesIgnoringCaseAndJoiningOverlaps()
    {
        Assert.Equal("\u0002Fra\u0003nce", SearchHighlight.Mark("France", ["fra"]));
        Assert.Equal("\u0002North Atlantic\u0003 Treaty", SearchHighlight.Mark("North Atlantic Treaty", ["north", "th atlantic"]));
        Assert.Equal("Chad", SearchHighlight.Mark("Chad", ["korea"]));
    }
}
