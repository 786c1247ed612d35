namespace DiploPortal.Core.Common;

/// <summary>
/// How much of a date is known (docs/decisions/0007-date-precision.md). A date known to the month is stored
/// as the widest day the period allows: a start as the month's first day, an end as its last day (a year:
/// 1 January, 31 December), so every overlap and range test on the stored days treats it as the whole month.
/// The stored day is never shown for a Month or Year date.
/// </summary>
public enum DatePrecision
{
    Day,
    Month,
    Year,
}

/// <summary>Where a period of partly known dates starts and ends, stored as <see cref="DatePrecision"/> says.</summary>
public static class DatePrecisions
{
    /// <summary>The day a start of this precision is stored as: the first day of its month or year.</summary>
    public static DateOnly StartOf(int year, int month, int day, DatePrecision precision) => precision switch
    {
        DatePrecision.Day => new DateOnly(year, month, day),
        DatePrecision.Month => new DateOnly(year, month, 1),
        _ => new DateOnly(year, 1, 1),
    };

    /// <summary>The day an end of this precision is stored as: the last day of its month or year.</summary>
    public static DateOnly EndOf(int year, int month, int day, DatePrecision precision) => precision switch
    {
        DatePrecision.Day => new DateOnly(year, month, day),
        DatePrecision.Month => new DateOnly(year, month, DateTime.DaysInMonth(year, month)),
        _ => new DateOnly(year, 12, 31),
    };
}
