using System.Globalization;
using DiploPortal.Core.Common;

namespace DiploPortal.Web.Components.Shared;

/// <summary>One way to show dates and counts everywhere: dates as "24 Aug 1949", unambiguous for every nationality.</summary>
public static class PortalText
{
    /// <summary>The date format of every page, also used by date pickers.</summary>
    public const string DayFormat = "d MMM yyyy";

    public static string Date(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    public static string Date(DateOnly? day, string missing = "—") => day is { } d ? Date(d) : missing;

    /// <summary>A period such as "24 Aug 1949 – 3 Oct 1990", or "since 1 Apr 2023" while open.</summary>
    public static string Period(DateOnly from, DateOnly? until) =>
        until is { } end ? $"{Date(from)} – {Date(end)}" : $"since {Date(from)}";

    /// <summary>
    /// A date shown as far as it is known (ADR 0007): "16 May 1980" for a day, "May 1980" for a month, "1980" for
    /// a year; the stored day of a Month or Year date is never shown.
    /// </summary>
    public static string Date(DateOnly day, DatePrecision precision) => precision switch
    {
        DatePrecision.Month => day.ToString("MMM yyyy", CultureInfo.InvariantCulture),
        DatePrecision.Year => day.Year.ToString(CultureInfo.InvariantCulture),
        _ => Date(day),
    };

    /// <summary>A period of dates known as far as their precisions say: "May 1980" when both are that month, else "14 May 1980 – Jun 1980".</summary>
    public static string Period(DateOnly from, DatePrecision fromPrecision, DateOnly until, DatePrecision untilPrecision)
    {
        var start = Date(from, fromPrecision);
        var end = Date(until, untilPrecision);
        return fromPrecision == untilPrecision && start == end ? start : $"{start} – {end}";
    }

    /// <summary>Years a former state existed, such as "1922–1991".</summary>
    public static string Years(DateOnly? from, DateOnly? until) =>
        $"{from?.Year.ToString(CultureInfo.InvariantCulture) ?? "?"}–{until?.Year.ToString(CultureInfo.InvariantCulture) ?? ""}";

    /// <summary>A moment in UTC, to the minute, such as "29 Nov 2026 23:40 UTC".</summary>
    public static string Moment(DateTime utc) => utc.ToString(DayFormat + " HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
