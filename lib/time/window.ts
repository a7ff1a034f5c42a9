import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { findDuration, findTimeOfDay, type TimeOfDay } from "@/lib/import/time-text";
import { isBlank } from "@/lib/import/placeholders";

/**
 * Deployment windows as plan documents write them ("March 15, 2025 2:00 AM EST",
 * "2026-12-01" + "14:00 UTC") turned into instants, and the form's wall-clock values back
 * and forth. Wall times are read in the zone they name, with DST handled by @date-fns/tz.
 */

// Abbreviations are ambiguous in general; these are the readings plan authors mean.
const ZONE_ABBREVIATIONS: Record<string, string> = {
  UTC: "UTC", GMT: "UTC", Z: "UTC",
  EST: "America/New_York", EDT: "America/New_York",
  CST: "America/Chicago", CDT: "America/Chicago",
  MST: "America/Denver", MDT: "America/Denver",
  PST: "America/Los_Angeles", PDT: "America/Los_Angeles",
  CET: "Europe/Berlin", CEST: "Europe/Berlin",
  BST: "Europe/London",
  IST: "Asia/Kolkata",
  JST: "Asia/Tokyo",
  AEST: "Australia/Sydney", AEDT: "Australia/Sydney",
};

export function isValidTimeZone(name: string): boolean {
  if (name.trim() === "") return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * An IANA zone for what a document wrote. "UTC+2" becomes "Etc/GMT-2" (POSIX signs are
 * inverted) so every zone we hand out also works with Intl; half-hour offsets have no such
 * zone and are not read.
 */
function toTimeZone(written: string): string | undefined {
  const abbreviation = ZONE_ABBREVIATIONS[written.toUpperCase()];
  if (abbreviation) return abbreviation;
  const offset = /^(?:UTC|GMT)([+\-−])(\d{1,2})(?::?00)?$/i.exec(written);
  if (offset?.[1] && offset[2]) {
    const hours = Number(offset[2]);
    if (hours === 0) return "UTC";
    return hours <= 14 ? `Etc/GMT${offset[1] === "+" ? "-" : "+"}${hours}` : undefined;
  }
  return written.includes("/") && isValidTimeZone(written) ? written : undefined;
}

/** A zone named anywhere in the text, for "2026-12-01 (UTC)"-style writing with no time next to it. */
function findZone(text: string): string | undefined {
  for (const match of text.matchAll(/(?<![A-Za-z/])(?:[A-Z][A-Za-z]+\/[A-Z][A-Za-z_/-]+|(?:UTC|GMT)[+\-−]\d{1,2}|[A-Z]{3,4})(?![A-Za-z/])/g)) {
    const zone = toTimeZone(match[0]);
    if (zone) return zone;
  }
  return undefined;
}

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const ISO_DATE = /(?<!\d)(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)/;
const MONTH_DAY_YEAR = new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, "i");
const DAY_MONTH_YEAR = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH},?\s+(\d{4})\b`, "i");

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

interface FoundDate {
  date: CalendarDate;
  rest: string;
}

function findDate(text: string): FoundDate | undefined {
  const cut = (match: RegExpExecArray) => text.slice(0, match.index) + " " + text.slice(match.index + match[0].length);
  const iso = ISO_DATE.exec(text);
  if (iso) return { date: { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) }, rest: cut(iso) };
  const monthFirst = MONTH_DAY_YEAR.exec(text);
  if (monthFirst?.[1]) return { date: { year: Number(monthFirst[3]), month: monthNumber(monthFirst[1]), day: Number(monthFirst[2]) }, rest: cut(monthFirst) };
  const dayFirst = DAY_MONTH_YEAR.exec(text);
  if (dayFirst?.[2]) return { date: { year: Number(dayFirst[3]), month: monthNumber(dayFirst[2]), day: Number(dayFirst[1]) }, rest: cut(dayFirst) };
  return undefined;
}

/** The instant of a wall-clock time in a zone, or undefined when the date does not exist (Feb 30). */
function zonedInstant(date: CalendarDate, time: Pick<TimeOfDay, "hours" | "minutes">, timeZone: string): Date | undefined {
  const zoned = new TZDate(date.year, date.month - 1, date.day, time.hours, time.minutes, timeZone);
  const probe = new Date(Date.UTC(date.year, date.month - 1, date.day));
  if (probe.getUTCMonth() !== date.month - 1 || probe.getUTCDate() !== date.day) return undefined;
  return Number.isNaN(zoned.getTime()) ? undefined : new Date(zoned.getTime());
}

// An ISO time with an explicit offset ("09:30+01:00") names its instant outright.
const ISO_OFFSET = /(?<!\d)(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)([+-]\d{2}:\d{2})(?![\d:])/;

/**
 * When a plan's deployment window starts. A date without a time reads as midnight; a
 * placeholder ("[DATE]", "____", "TBD") or text without a date gives null.
 */
export function resolveWindowStart(
  input: { date?: string; start?: string; text?: string },
  defaultTimeZone = "UTC",
): { start: Date; timeZone: string } | null {
  const text = [input.date, input.start, input.text].filter((part): part is string => part !== undefined && !isBlank(part)).join(" ");
  const withOffset = ISO_OFFSET.exec(text);
  if (withOffset) return { start: new Date(`${withOffset[1]}T${withOffset[2]}${withOffset[3]}`), timeZone: defaultTimeZone };
  const found = findDate(text);
  if (!found) return null;
  const time = findTimeOfDay(found.rest.replace(/^\s*T(?=\d)/, " "));
  const written = time?.time.zone;
  const timeZone = (written && toTimeZone(written)) ?? findZone(found.rest) ?? defaultTimeZone;
  const start = zonedInstant(found.date, time?.time ?? { hours: 0, minutes: 0 }, timeZone);
  return start ? { start, timeZone } : null;
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;

/** The instant a `datetime-local` value ("2026-12-01T09:30") means in a zone. */
export function wallTimeToInstant(dateTimeLocal: string, timeZone: string): Date {
  const match = WALL_TIME.exec(dateTimeLocal.trim());
  if (!match) throw new RangeError(`Not a local date and time: "${dateTimeLocal}"`);
  const [year, month, day, hours, minutes] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  const instant = hours > 23 || minutes > 59 ? undefined : zonedInstant({ year, month, day }, { hours, minutes }, timeZone);
  if (!instant) throw new RangeError(`Not a local date and time: "${dateTimeLocal}"`);
  return instant;
}

/** A `datetime-local` value ("2026-12-01T09:30") for an instant seen in a zone, to prefill the form. */
export function instantToWallTime(date: Date, timeZone: string): string {
  return format(new TZDate(date.getTime(), timeZone), "yyyy-MM-dd'T'HH:mm");
}

/** Minutes from the window start to a wall-clock time on the window's local date (negative if earlier). */
export function timeOfDayOffsetMinutes(time: { hours: number; minutes: number }, windowStart: Date, timeZone: string): number {
  const local = new TZDate(windowStart.getTime(), timeZone);
  const target = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), time.hours, time.minutes, timeZone);
  return Math.round((target.getTime() - windowStart.getTime()) / 60_000);
}

/** "~35 minutes" → 35, "Total: 30-60 minutes" → 60 (ranges keep the upper bound), "1.5 h" → 90. */
export function parseDurationMinutes(text: string): number | null {
  return findDuration(text)?.minutes ?? null;
}

/** Expected downtime: "None (rolling deployment)" and "Zero downtime" are 0; blanks are unknown. */
export function parseDowntimeMinutes(text: string): number | null {
  if (isBlank(text)) return null;
  if (/^\s*(?:none|zero|no\b|nil\b|n\/a\b)/i.test(text)) return 0;
  return parseDurationMinutes(text);
}
