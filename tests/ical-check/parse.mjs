// Reads an iCalendar file on stdin and prints, as JSON, what ical.js (an independent parser) reads in it:
// the calendar's name and description, and each event's UID, summary, description, location, URL and
// dates (with whether each is a date or a date-time, and its time zone). Exits 1 when ical.js cannot parse it.
import ICAL from "ical.js";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const text = Buffer.concat(chunks).toString("utf8");

function time(t) {
  if (!t) return null;
  return { value: t.toString(), isDate: t.isDate, zone: t.zone ? t.zone.tzid : null, utc: t.zone === ICAL.Timezone.utcTimezone };
}

try {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      description: e.description,
      location: e.location,
      url: v.getFirstPropertyValue("url"),
      status: v.getFirstPropertyValue("status"),
      start: time(e.startDate),
      end: time(e.endDate),
      dtstamp: time(v.getFirstPropertyValue("dtstamp")),
      lastModified: time(v.getFirstPropertyValue("last-modified")),
    };
  });
  process.stdout.write(JSON.stringify({
    name: calendar.getFirstPropertyValue("x-wr-calname"),
    description: calendar.getFirstPropertyValue("x-wr-caldesc"),
    version: calendar.getFirstPropertyValue("version"),
    timezones: calendar.getAllSubcomponents("vtimezone").length,
    events,
  }));
} catch (error) {
  process.stderr.write(String(error));
  process.exit(1);
}
