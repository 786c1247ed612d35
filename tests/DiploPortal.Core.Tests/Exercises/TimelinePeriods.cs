using DiploPortal.Core.Exercises;

namespace DiploPortal.Core.Tests.Exercises;

/// <summary>Where days fall on a timeline and how its rows group: plain rules, no database.</summary>
public class TimelinePeriods
{
    private static readonly DateOnly NewYear = new(2026, 1, 1);

    [Fact]
    public void SpansAQuarterAYearOrSeveralYearsFromItsFirstDay()
    {
        Assert.Equal(new DateOnly(2026, 3, 31), TimelinePeriod.Quarter(NewYear).Until);
        Assert.Equal(new DateOnly(2026, 12, 31), TimelinePeriod.Year(NewYear).Until);
        Assert.Equal(new DateOnly(2028, 12, 31), TimelinePeriod.SeveralYears(NewYear, 3).Until);
        Assert.Equal(TimelineSpan.Year, TimelinePeriod.SeveralYears(NewYear, 1).Span);
        Assert.Throws<ArgumentOutOfRangeException>(() => TimelinePeriod.SeveralYears(NewYear, TimelinePeriod.MaxYears + 1));
    }

    [Fact]
    public void StepsToThePeriodOfTheSameLengthBeforeAndAfter()
    {
        var threeYears = TimelinePeriod.SeveralYears(NewYear, 3);

        Assert.Equal(new DateOnly(2023, 1, 1), threeYears.Previous().From);
        Assert.Equal(new DateOnly(2029, 1, 1), threeYears.Next().From);
        Assert.Equal(new DateOnly(2026, 4, 1), TimelinePeriod.Quarter(NewYear).Next().From);
        Assert.Equal(new DateOnly(2025, 1, 1), TimelinePeriod.Year(NewYear).Previous().From);
    }

    [Fact]
    public void PlacesDaysInPercentOfTheWidthAndCutsBarsAtItsEdges()
    {
        var year = TimelinePeriod.Year(NewYear);

        Assert.Equal(0, year.Offset(NewYear));
        Assert.Equal(100.0 * 181 / 365, year.Offset(new DateOnly(2026, 7, 1)), 6);
        Assert.Equal(100.0 * 10 / 365, year.Width(new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 12)), 6);
        // An exercise from December 2025 to 5 January 2026 shows its five days in the year, from the left edge.
        Assert.Equal(0, year.Offset(new DateOnly(2025, 12, 20)));
        Assert.Equal(100.0 * 5 / 365, year.Width(new DateOnly(2025, 12, 20), new DateOnly(2026, 1, 5)), 6);
        Assert.Equal(100.0 / 365, year.Width(new DateOnly(2026, 12, 31), new DateOnly(2027, 2, 1)), 6);
    }

    [Fact]
    public void MarksMonthsOnAYearAndYearsOnSeveral()
    {
        var months = TimelinePeriod.Year(new DateOnly(2026, 3, 15)).Ticks();
        var years = TimelinePeriod.SeveralYears(NewYear, 3).Ticks();

        Assert.Equal(12, months.Count);
        Assert.Equal(new DateOnly(2026, 4, 1), months[0].Day);
        Assert.True(months.Single(t => t.StartsYear).Day == new DateOnly(2027, 1, 1));
        Assert.Equal([NewYear, new DateOnly(2027, 1, 1), new DateOnly(2028, 1, 1)], years.Select(t => t.Day));
    }

    [Fact]
    public void GroupsRowsAlphabeticallyWithThoseWithoutAValueLast()
    {
        TimelineRow[] rows =
        [
            Row(1, host: "Norway", series: "Cold Response", leadAlliance: "NATO"),
            Row(2, host: "France", series: null, leadNation: "France"),
            Row(3, host: "Norway", series: "Cold Response"),
            Row(4, host: "Australia", series: "Talisman Sabre", leadNation: "Australia"),
        ];

        Assert.Equal(["Australia: 4", "France: 2", "Norway: 1,3"], Describe(TimelineGroups.Of(rows, TimelineGrouping.Host)));
        Assert.Equal(["Cold Response: 1,3", "Talisman Sabre: 4", "Not part of a series: 2"], Describe(TimelineGroups.Of(rows, TimelineGrouping.Series)));
        Assert.Equal(["Australia: 4", "France: 2", "NATO: 1", "No lead named: 3"], Describe(TimelineGroups.Of(rows, TimelineGrouping.Lead)));
        Assert.Equal(["NATO: 1", "Not led by an alliance: 2,3,4"], Describe(TimelineGroups.Of(rows, TimelineGrouping.Alliance)));
    }

    private static IEnumerable<string> Describe(IReadOnlyList<TimelineGroup> groups) =>
        groups.Select(g => $"{g.Label}: {string.Join(",", g.Rows.Select(r => r.Id))}");

    private static TimelineRow Row(int id, string host, string? series, string? leadNation = null, string? leadAlliance = null) =>
        new(id, $"Exercise {id}", series, host[..3].ToUpperInvariant(), host, leadNation, leadAlliance, ExerciseStatus.Planning, NewYear, NewYear.AddDays(9), []);
}
