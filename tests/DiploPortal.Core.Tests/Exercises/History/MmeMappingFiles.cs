using DiploPortal.Core.Common;
using DiploPortal.Core.Exercises.History;

namespace DiploPortal.Core.Tests.Exercises.History;

/// <summary>The reviewed mapping files against the shipped data set: every name covered, former states as ADR 0001 says.</summary>
public class MmeMappingFiles
{
    private static readonly MmeMapping Mapping = MmeMapping.Shipped();

    private static List<string[]> DataRows(out string[] header)
    {
        using var reader = new StreamReader(MmeSource.OpenFile());
        var records = CsvReader.Read(reader).ToList();
        header = records[0];
        return records[1..];
    }

    [Fact]
    public void EveryParticipantNameInTheDataSetIsInTheMappingFile()
    {
        var rows = DataRows(out var header);
        var states = header.Select((h, i) => (h, i)).Where(c => c.h.StartsWith("State", StringComparison.Ordinal)).Select(c => c.i).ToList();
        var names = rows.SelectMany(r => states.Select(i => r[i].Trim())).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(3707, rows.Count);
        Assert.Equal(194, names.Count);
        Assert.DoesNotContain(names, n => Mapping.Find(n) is null);
        Assert.Equal(names.Order(StringComparer.Ordinal), Mapping.Names.Select(n => n.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Federal Republic of Germany", 1985, "DEU")]
    [InlineData("Germany", 2005, "DEU")]
    [InlineData("German Democratic Republic", 1985, "DDDE")]
    [InlineData("Czechoslovakia", 1985, "CSHH")]
    [InlineData("Russia", 1985, "SUHH")]
    [InlineData("Russia", 1995, "RUS")]
    [InlineData("Yugoslavia", 1990, "YUCS")]
    [InlineData("Yugoslavia", 2004, "CSXX")]
    [InlineData("Serbia", 2000, "CSXX")]
    [InlineData("Serbia", 2008, "SRB")]
    [InlineData("st. christopher", 1990, "KNA")]
    public void MapsFormerAndRenamedStatesByTheExercisesDate(string name, int year, string code)
    {
        var mapped = Mapping.Find(name)!;

        Assert.Equal(MmeNameKind.Nation, mapped.Kind);
        Assert.Equal(code, mapped.CodeOn(new DateOnly(year, 6, 1)));
    }

    [Fact]
    public void NatoIsAnAllianceAndMissingOrGroupNamesAreNotMappable()
    {
        Assert.Equal((MmeNameKind.Alliance, "NATO"), (Mapping.Find("NATO")!.Kind, Mapping.Find("NATO")!.Code));
        Assert.Equal(MmeNameKind.Unmappable, Mapping.Find("-9")!.Kind);
        Assert.Equal(MmeNameKind.Unmappable, Mapping.Find("Baltic States")!.Kind);
        Assert.Equal(MmeNameKind.Unmappable, Mapping.Find("Netherlands Antilles")!.Kind);
    }

    [Fact]
    public void NoTwoSeriesLeftDifferOnlyInCaseSpacesOrPunctuation()
    {
        var rows = DataRows(out var header);
        var column = Array.IndexOf(header, "Series_Name");
        var kept = rows.Select(r => Mapping.Series(r[column])).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        static string Folded(string s) => new([.. s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

        Assert.Empty(kept.GroupBy(Folded).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)));
        Assert.Equal("BALTOPS", Mapping.Series("Baltops"));
        Assert.Equal("Big Pine", Mapping.Series("Big Pine "));
        Assert.Null(Mapping.Series(""));
    }
}
