using DiploPortal.Core.Engagements;

namespace DiploPortal.Tools.Tests;

/// <summary>How the import command reads --duplicates: skip by default, refuse or update when asked, anything else a usage error.</summary>
public sealed class ToolArgumentsParsing
{
    [Theory]
    [InlineData(null, DuplicateRows.Skip)]
    [InlineData("skip", DuplicateRows.Skip)]
    [InlineData("refuse", DuplicateRows.Refuse)]
    [InlineData("update", DuplicateRows.Update)]
    public void ReadsTheDuplicatesChoiceOfAnImport(string? value, DuplicateRows expected)
    {
        string[] args = value is null
            ? ["import", "--file", "talks.csv", "--as", "staff"]
            : ["import", "--file", "talks.csv", "--as", "staff", "--duplicates", value];

        var parsed = ToolArguments.Parse(args);

        Assert.Null(parsed.Error);
        Assert.Equal((ToolCommand.Import, expected), (parsed.Command, parsed.Duplicates));
    }

    [Theory]
    [InlineData("overwrite")]
    [InlineData("Update")]
    public void RefusesAnUnknownDuplicatesChoice(string value)
    {
        var parsed = ToolArguments.Parse(["import", "--file", "talks.csv", "--as", "staff", "--duplicates", value]);

        Assert.Equal("--duplicates needs skip, refuse or update.", parsed.Error);
    }

    [Fact]
    public void RefusesDuplicatesWithoutAValueOrOutsideAnImport()
    {
        Assert.Equal("--duplicates needs skip, refuse or update.", ToolArguments.Parse(["import", "--file", "talks.csv", "--as", "staff", "--duplicates"]).Error);
        Assert.Equal("Unknown option '--duplicates' for migrate.", ToolArguments.Parse(["migrate", "--duplicates", "skip"]).Error);
    }
}
