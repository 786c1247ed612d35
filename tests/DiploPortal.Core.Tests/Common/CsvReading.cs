using DiploPortal.Core.Common;

namespace DiploPortal.Core.Tests.Common;

public class CsvReading
{
    [Fact]
    public void ReadsQuotedFieldsWithCommasQuotesAndLineBreaks()
    {
        var records = CsvReader.Read(new StringReader("name,note\r\n\"Korea, Republic of\",\"said \"\"yes\"\"\nthen left\"\r\nPeru,\n")).ToList();

        Assert.Equal(3, records.Count);
        Assert.Equal(["Korea, Republic of", "said \"yes\"\nthen left"], records[1]);
        Assert.Equal(["Peru", ""], records[2]);
    }

    [Fact]
    public void KeysRowsByTheHeaderAndFillsMissingTrailingFields()
    {
        var rows = CsvReader.ReadWithHeader(new StringReader("\uFEFFalpha3,capital\nATA\n")).ToList();

        Assert.Equal("ATA", rows[0]["alpha3"]);
        Assert.Equal("", rows[0]["capital"]);
    }

    [Fact]
    public void KeepsEmptyQuotedFields()
    {
        var record = CsvReader.Read(new StringReader("\"\",b")).Single();

        Assert.Equal(["", "b"], record);
    }
}
