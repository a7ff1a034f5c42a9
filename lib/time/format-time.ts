/**
 * Display strings for offsets, clocks and durations. Pure and locale-fixed so the server
 * render and the browser's hydration produce the same text.
 */

const MINUTES_PER_HOUR = 60;
const MINUTES_PER_DAY = 1_440;
const MINUTES_PER_WEEK = 10_080;

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

/**
 * "T-24h", "T+15 min", "T+1h 30 min", "T+2 days", "T+1 week". A single day stays "24h"
 * because that is how plans count the day before; whole days are used from two on.
 */
export function formatOffset(minutes: number): string {
  const rounded = Math.round(minutes);
  if (rounded === 0) return "T-0";
  const sign = rounded < 0 ? "-" : "+";
  const size = Math.abs(rounded);
  if (size % MINUTES_PER_WEEK === 0) return `T${sign}${plural(size / MINUTES_PER_WEEK, "week")}`;
  if (size % MINUTES_PER_DAY === 0 && size >= 2 * MINUTES_PER_DAY) return `T${sign}${plural(size / MINUTES_PER_DAY, "day")}`;
  const hours = Math.floor(size / MINUTES_PER_HOUR);
  const rest = size % MINUTES_PER_HOUR;
  if (hours === 0) return `T${sign}${rest} min`;
  return rest === 0 ? `T${sign}${hours}h` : `T${sign}${hours}h ${rest} min`;
}

const pad = (value: number) => String(value).padStart(2, "0");

/**
 * A signed mission clock: "T-01:02:03" before the start, "T+00:05:10" after, days split
 * off past 24 h ("T-2d 03:00:00"). A countdown rounds up so it reads T+00:00:00 exactly at
 * the start, never "T-00:00:00".
 */
export function formatClock(ms: number): string {
  const before = ms < 0;
  const totalSeconds = before ? Math.ceil(-ms / 1000) : Math.floor(ms / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3_600);
  const minutes = Math.floor((totalSeconds % 3_600) / 60);
  const seconds = totalSeconds % 60;
  const clock = `${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
  return `T${before && totalSeconds > 0 ? "-" : "+"}${days > 0 ? `${days}d ` : ""}${clock}`;
}

/** "45 s", "12 min", "1 h 05 min", "2 d 3 h"; negative durations read as 0. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  if (total < 60) return `${total} s`;
  const minutes = Math.floor(total / 60);
  if (minutes < MINUTES_PER_HOUR) return `${minutes} min`;
  const hours = Math.floor(minutes / MINUTES_PER_HOUR);
  if (hours < 24) return minutes % MINUTES_PER_HOUR === 0 ? `${hours} h` : `${hours} h ${pad(minutes % MINUTES_PER_HOUR)} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

// en-GB names Europe's zones ("CET", "BST") but not America's; each locale knows its own
// region's abbreviations, so the first one that is not a bare "GMT+9" wins.
const ZONE_NAME_LOCALES = ["en-GB", "en-US", "en-AU", "en-IN"];

function zoneName(date: Date, timeZone: string): string {
  let fallback = timeZone;
  for (const locale of ZONE_NAME_LOCALES) {
    const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" }).formatToParts(date);
    const name = parts.find((part) => part.type === "timeZoneName")?.value;
    if (!name) continue;
    if (!/^GMT[+-]/.test(name)) return name;
    if (fallback === timeZone) fallback = name;
  }
  return fallback;
}

/** "Tue 1 Dec, 09:30 UTC" (24-hour clock); the date and the zone name can be left out. */
export function formatInZone(date: Date, timeZone: string, options: { withDate?: boolean; withZone?: boolean } = {}): string {
  const { withDate = true, withZone = true } = options;
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? "";
  const clock = `${part("hour")}:${part("minute")}`;
  const text = withDate ? `${part("weekday")} ${part("day")} ${part("month")}, ${clock}` : clock;
  return withZone ? `${text} ${zoneName(date, timeZone)}` : text;
}

/** "21:56–22:01" within one day in the zone; with dates when the span crosses midnight. */
export function formatSpan(start: Date, end: Date, timeZone: string): string {
  const day = (date: Date) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
  const withDate = day(start) !== day(end);
  return `${formatInZone(start, timeZone, { withDate, withZone: false })}–${formatInZone(end, timeZone, { withDate, withZone: false })}`;
}
