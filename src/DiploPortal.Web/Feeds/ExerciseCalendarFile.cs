using System.Globalization;
using System.Text;
using DiploPortal.Core.Common;
using DiploPortal.Core.Exercises;
using DiploPortal.Web.Components.Shared;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Calendar = Ical.Net.Calendar;

namespace DiploPortal.Web.Feeds;

/// <summary>
/// Exercises as an iCalendar file (RFC 5545), written with Ical.Net: each exercise an all-day event
/// (DTSTART;VALUE=DATE, DTEND the day after its last day, as the standard's exclusive end wants) with a
/// UID that stays the same for the exercise, and each planning milestone an all-day event of its own.
/// Only dates are written, so no VTIMEZONE is needed; DTSTAMP and LAST-MODIFIED are the record's last
/// change, in UTC. A classified exercise carries its marking in the summary and the description.
/// </summary>
public static class ExerciseCalendarFile
{
    public const string ContentType = "text/calendar; charset=utf-8";

    private const string ProductId = "-//DiploPortal//Exercises//EN";

    /// <summary>The stable UID of an exercise's event; a calendar program updates the event it already holds.</summary>
    public static string UidOf(int exerciseId) => $"exercise-{exerciseId}@diploportal";

    /// <summary>The stable UID of one milestone of an exercise (an exercise has at most one of each kind in its plan).</summary>
    public static string UidOf(int exerciseId, MilestoneKind kind, DateOnly plannedOn) =>
        $"exercise-{exerciseId}-{kind.ToString().ToLowerInvariant()}-{plannedOn:yyyyMMdd}@diploportal";

    /// <summary>
    /// The calendar of <paramref name="entries"/> named <paramref name="name"/>; links point at
    /// <paramref name="portal"/> (the portal's address, ending in '/'); <paramref name="note"/>, when given,
    /// is the calendar's description (what the feed holds and where it stops).
    /// </summary>
    public static string Write(string name, IEnumerable<ExerciseCalendarEntry> entries, Uri portal, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(portal);
        var calendar = new Calendar { ProductId = ProductId };
        calendar.AddProperty("X-WR-CALNAME", name);
        if (note is not null)
        {
            calendar.AddProperty("X-WR-CALDESC", note);
        }

        foreach (var entry in entries)
        {
            Add(calendar, entry, portal);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static void Add(Calendar calendar, ExerciseCalendarEntry entry, Uri portal)
    {
        var address = new Uri(portal, $"exercises/{entry.Id.ToString(CultureInfo.InvariantCulture)}");
        var changed = new CalDateTime(DateTime.SpecifyKind(entry.UpdatedAt, DateTimeKind.Utc));
        var marking = Marking(entry);
        calendar.Events.Add(new CalendarEvent
        {
            Uid = UidOf(entry.Id),
            Summary = marking is null ? entry.Name : $"({marking}) {entry.Name}",
            Start = new CalDateTime(entry.StartsOn),
            End = new CalDateTime(entry.EndsOn.AddDays(1)),
            Location = Location(entry),
            Description = Description(entry, marking, address),
            Url = address,
            DtStamp = changed,
            LastModified = changed,
            Status = entry.Status == ExerciseStatus.Cancelled ? EventStatus.Cancelled
                : entry.Status is ExerciseStatus.Proposed or ExerciseStatus.Planning ? EventStatus.Tentative
                : EventStatus.Confirmed,
            Transparency = TransparencyType.Transparent,
        });
        foreach (var milestone in entry.Milestones)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = UidOf(entry.Id, milestone.Kind, milestone.PlannedOn),
                Summary = $"{(marking is null ? "" : $"({marking}) ")}{milestone.Kind.ToWords()}: {entry.Name}",
                Start = new CalDateTime(milestone.PlannedOn),
                End = new CalDateTime(milestone.PlannedOn.AddDays(1)),
                Description = Join(
                    marking is null ? null : $"Classification: {marking}",
                    $"{milestone.Kind.ToWords()} of {entry.Name}",
                    milestone.CompletedOn is { } done ? $"Completed on {done:yyyy-MM-dd}" : "Not completed yet",
                    milestone.Notes,
                    address.ToString()),
                Url = address,
                DtStamp = changed,
                LastModified = changed,
                Transparency = TransparencyType.Transparent,
            });
        }
    }

    /// <summary>"SECRET REL TO FRA, NATO" for a classified exercise; null for an unclassified one.</summary>
    public static string? Marking(ExerciseCalendarEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Classification == Classification.Unclassified)
        {
            return null;
        }

        var caveats = entry.ReleasableToNations.Concat(entry.ReleasableToAlliances).ToList();
        var level = entry.Classification.ToString().ToUpperInvariant();
        return caveats.Count == 0 ? level : $"{level} REL TO {string.Join(", ", caveats)}";
    }

    private static string Location(ExerciseCalendarEntry entry) =>
        entry.Location is { Length: > 0 } place ? $"{place}, {entry.HostNation}" : entry.HostNation;

    private static string Description(ExerciseCalendarEntry entry, string? marking, Uri address) => Join(
        marking is null ? null : $"Classification: {marking}",
        $"{entry.Kind.ToWords()} exercise, {entry.Status.ToWords().ToLowerInvariant()}",
        entry.SeriesName is { } series ? $"Series: {series}" : null,
        $"Host: {entry.HostNation}",
        entry.LeadNation is { } leadNation ? $"Lead nation: {leadNation}" : entry.LeadAlliance is { } leadAlliance ? $"Lead alliance: {leadAlliance}" : null,
        entry.Participants.Count == 0 ? "Participants: none recorded" : $"Participants: {string.Join(", ", entry.Participants)}",
        address.ToString());

    private static string Join(params string?[] lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            text.Append(text.Length == 0 ? "" : "\n").Append(line);
        }

        return text.ToString();
    }
}
