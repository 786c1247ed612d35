using DiploPortal.Core.Common;

namespace DiploPortal.Core.Tests.Common;

/// <summary>
/// The one reader of a typed or imported day (<see cref="DayText"/>): the forms nobody can read two ways
/// are read, everything else is refused with a message that says why, and nothing is guessed.
/// </summary>
public class TypedDays
{
    [Theory]
    [InlineData("2026-11-03")]
    [InlineData("2026-11-3")]
    [InlineData("3 Nov 2026")]
    [InlineData("03 Nov 2026")]
    [InlineData("3 November 2026")]
    [InlineData("3 nov 2026")]
    [InlineData("  3   Nov  2026 ")]
    public void ReadsIsoAndNamedMonthForms(string text)
    {
        var reading = DayText.Read(text);

        Assert.Equal(new DateOnly(2026, 11, 3), reading.Day);
        Assert.Null(reading.Problem);
    }

    [Fact]
    public void ReadsTheDayBackInFullWords() =>
        Assert.Equal("Tuesday 3 November 2026", DayText.InWords(new DateOnly(2026, 11, 3)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ReadsBlankTextAsNoDayAndNoProblem(string? text) => Assert.True(DayText.Read(text).IsBlank);

    [Theory]
    [InlineData("03/11/2026")]
    [InlineData("3.11.2026")]
    [InlineData("11-03-2026")]
    public void NeverGuessesTheOrderOfDayAndMonth(string text)
    {
        var reading = DayText.Read(text);

        Assert.Null(reading.Day);
        Assert.Contains("ambiguous", reading.Problem, StringComparison.Ordinal);
        Assert.Contains("never guesses", reading.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesANumericDateInAnotherOrderWithoutGuessing()
    {
        var reading = DayText.Read("25/12/2026");

        Assert.Null(reading.Day);
        Assert.Contains("never guesses", reading.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-02-31")]
    [InlineData("31 Feb 2026")]
    [InlineData("2026-13-01")]
    public void RefusesADayTheCalendarDoesNotHave(string text)
    {
        var reading = DayText.Read(text);

        Assert.Null(reading.Day);
        Assert.Contains("not a day of the calendar", reading.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("3Nov2026")]
    [InlineData("2026-11-03T10:00")]
    public void RefusesTextThatIsNotADate(string text)
    {
        var reading = DayText.Read(text);

        Assert.Null(reading.Day);
        Assert.StartsWith($"'{text}'", reading.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesANulCharacter()
    {
        var reading = DayText.Read("2026-11-03\0");

        Assert.Null(reading.Day);
        Assert.Contains("NUL", reading.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesOverLongTextWithoutRepeatingIt()
    {
        var reading = DayText.Read("2026-11-03" + new string(' ', 10) + new string('x', 5000));

        Assert.Null(reading.Day);
        Assert.Contains("too long", reading.Problem, StringComparison.Ordinal);
        Assert.True(reading.Problem!.Length < 200);
    }
}
