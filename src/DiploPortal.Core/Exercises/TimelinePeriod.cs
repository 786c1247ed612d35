namespace DiploPortal.Core.Exercises;

/// <summary>How long a timeline's period is: a quarter, a year, or several years.</summary>
public enum TimelineSpan
{
    Quarter,
    Year,
    Years,
}

/// <summary>What the rows of a timeline are grouped by.</summary>
public enum TimelineGrouping
{
    Host,
    Lead,
    Alliance,
    Series,
}

/// <summary>A mark on a timeline's scale: a month or a year starting at <see cref="Day"/>, <see cref="Offset"/> percent from the left.</summary>
public sealed record TimelineTick(DateOnly Day, double Offset, bool StartsYear);

/// <summary>
/// The days a timeline shows, from <see cref="From"/> to <see cref="Until"/> inclusive, and where a day falls on it
/// as a percentage of its width: plain arithmetic, so that bars, milestones, today and the scale line up without a
/// browser measuring anything.
/// </summary>
public sealed record TimelinePeriod
{
    public const int MaxYears = 10;

    private TimelinePeriod(DateOnly from, DateOnly until, TimelineSpan span, int years)
    {
        From = from;
        Until = until;
        Span = span;
        Years = years;
    }

    public DateOnly From { get; }

    public DateOnly Until { get; }

    public TimelineSpan Span { get; }

    /// <summary>How many years a <see cref="TimelineSpan.Years"/> period covers (1 for a year, 0 for a quarter).</summary>
    public int Years { get; }

    public int Days => Until.DayNumber - From.DayNumber + 1;

    /// <summary>Three months from <paramref name="from"/>.</summary>
    public static TimelinePeriod Quarter(DateOnly from) => new(from, from.AddMonths(3).AddDays(-1), TimelineSpan.Quarter, 0);

    /// <summary>One year from <paramref name="from"/>.</summary>
    public static TimelinePeriod Year(DateOnly from) => new(from, from.AddYears(1).AddDays(-1), TimelineSpan.Year, 1);

    /// <summary><paramref name="years"/> years (2 to <see cref="MaxYears"/>; 1 is <see cref="Year"/>) from <paramref name="from"/>.</summary>
    public static TimelinePeriod SeveralYears(DateOnly from, int years)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(years, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(years, MaxYears);
        return years == 1 ? Year(from) : new(from, from.AddYears(years).AddDays(-1), TimelineSpan.Years, years);
    }

    /// <summary>The period of the same length just before this one.</summary>
    public TimelinePeriod Previous() => Span switch
    {
        TimelineSpan.Quarter => Quarter(From.AddMonths(-3)),
        TimelineSpan.Year => Year(From.AddYears(-1)),
        _ => SeveralYears(From.AddYears(-Years), Years),
    };

    /// <summary>The period of the same length just after this one.</summary>
    public TimelinePeriod Next() => Span switch
    {
        TimelineSpan.Quarter => Quarter(From.AddMonths(3)),
        TimelineSpan.Year => Year(From.AddYears(1)),
        _ => SeveralYears(From.AddYears(Years), Years),
    };

    public bool Contains(DateOnly day) => From <= day && day <= Until;

    /// <summary>Where the start of <paramref name="day"/> falls, in percent of the width, clamped to the period.</summary>
    public double Offset(DateOnly day) => Math.Clamp(100.0 * (day.DayNumber - From.DayNumber) / Days, 0, 100);

    /// <summary>The width of the days from <paramref name="first"/> to <paramref name="last"/> inclusive, in percent, cut to the period.</summary>
    public double Width(DateOnly first, DateOnly last) => Math.Max(0, Offset(last.AddDays(1)) - Offset(first));

    /// <summary>The first day of each month in the period (of each year when it spans several).</summary>
    public IReadOnlyList<TimelineTick> Ticks()
    {
        var ticks = new List<TimelineTick>();
        var month = new DateOnly(From.Year, From.Month, 1);
        if (month < From)
        {
            month = month.AddMonths(1);
        }

        for (; month <= Until; month = month.AddMonths(1))
        {
            if (Span != TimelineSpan.Years || month.Month == 1)
            {
                ticks.Add(new TimelineTick(month, Offset(month), month.Month == 1));
            }
        }

        return ticks;
    }
}
