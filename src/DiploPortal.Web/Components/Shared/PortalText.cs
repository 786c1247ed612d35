using System.Globalization;

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

    /// <summary>Years a former state existed, such as "1922–1991".</summary>
    public static string Years(DateOnly? from, DateOnly? until) =>
        $"{from?.Year.ToString(CultureInfo.InvariantCulture) ?? "?"}–{until?.Year.ToString(CultureInfo.InvariantCulture) ?? ""}";

    /// <summary>A moment in UTC, to the minute, such as "29 Nov 2026 23:40 UTC".</summary>
    public static string Moment(DateTime utc) => utc.ToString(DayFormat + " HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
