import type { PlannedDuration, TimeOffset } from "@/lib/plan-document/schema";

/**
 * Offsets ("T-24h", "T+15 min", "T-0", "(T-24 hours)") and durations ("15 min", "2 hours",
 * "30-60 minutes") in headings and table cells. A bare offset number ("T+7") is minutes,
 * which is how timeline tables count during the deployment window.
 */

const UNIT = "(weeks?|wks?|w|days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)";
const MINUTES_PER: Record<string, number> = { w: 10_080, d: 1_440, h: 60, m: 1, s: 1 / 60 };

function unitMinutes(unit: string | undefined): number {
  if (!unit) return 1;
  const lower = unit.toLowerCase();
  const key = lower.startsWith("wk") ? "w" : lower.startsWith("mi") || lower === "m" ? "m" : lower[0] ?? "m";
  return MINUTES_PER[key] ?? 1;
}

const OFFSET = new RegExp(`(?<![A-Za-z0-9])T\\s?([+\\-−–])\\s?(\\d+(?:\\.\\d+)?)\\s?${UNIT}?(?![A-Za-z0-9])`);
const ZERO_OFFSET = /(?<![A-Za-z0-9])T[-+±]?0(?![A-Za-z0-9.])/;

export interface FoundOffset {
  offset: TimeOffset;
  /** Where the offset text sits in the input, so callers can remove it from a title. */
  index: number;
  length: number;
}

export function findOffset(text: string): FoundOffset | undefined {
  const match = OFFSET.exec(text);
  if (match?.[1] && match[2]) {
    const sign = match[1] === "+" ? 1 : -1;
    const minutes = sign * Number(match[2]) * unitMinutes(match[3]);
    const raw = match[0].trim();
    return { offset: { raw, minutes: minutes === 0 ? 0 : minutes }, index: match.index, length: match[0].length };
  }
  const zero = ZERO_OFFSET.exec(text);
  if (zero) return { offset: { raw: zero[0], minutes: 0 }, index: zero.index, length: zero[0].length };
  return undefined;
}

/** An offset that is the whole cell ("T-24h", "T+2"), as in a timeline table. */
export function parseOffsetCell(text: string): TimeOffset | undefined {
  const found = findOffset(text.trim());
  if (!found) return undefined;
  return found.index === 0 && found.length === text.trim().length ? found.offset : undefined;
}

const DURATION = new RegExp(
  `^(?:~|≈|approx\\.?|about|around|est\\.?|estimated|duration:?)?\\s*(\\d+(?:\\.\\d+)?)(?:\\s*(?:-|–|to)\\s*(\\d+(?:\\.\\d+)?))?\\s*${UNIT}\\.?$`,
  "i",
);

/** A whole-text duration; ranges keep their upper bound, which is what a schedule must allow. */
export function parseDuration(text: string): PlannedDuration | undefined {
  const raw = text.trim();
  const match = DURATION.exec(raw);
  if (!match?.[1]) return undefined;
  const upper = Number(match[2] ?? match[1]);
  return { raw, minutes: Math.round(upper * unitMinutes(match[3]) * 100) / 100 };
}

export interface HeadingTiming {
  title: string;
  offset?: TimeOffset;
  duration?: PlannedDuration;
}

/**
 * Pulls "(T-24 hours)" and "(15 min)" annotations out of a heading; the title is what is
 * left, for display. The raw heading is kept separately by the caller.
 */
export function headingTiming(heading: string): HeadingTiming {
  let title = heading;
  let offset: TimeOffset | undefined;
  let duration: PlannedDuration | undefined;
  const found = findOffset(title);
  if (found) {
    offset = found.offset;
    title = removeSpan(title, found.index, found.length);
  }
  title = title.replace(/\(([^()]*)\)\s*$/, (whole, inner: string) => {
    const parsed = parseDuration(inner);
    if (!parsed) return whole;
    duration = parsed;
    return "";
  });
  title = title.replace(/(?<!\s)\s*[-–—:@|]\s*$/, "").replace(/^\s*[-–—:@|]\s*/, "").replace(/\s{2,}/g, " ").trim();
  return { title, ...(offset ? { offset } : {}), ...(duration ? { duration } : {}) };
}

/** Removes a matched span together with the brackets or separator around it. */
function removeSpan(text: string, index: number, length: number): string {
  let start = index;
  let end = index + length;
  const before = text.slice(0, start);
  const after = text.slice(end);
  const open = /[([]\s*$/.exec(before);
  const close = /^\s*[)\]]/.exec(after);
  if (open && close) {
    start -= open[0].length;
    end += close[0].length;
  }
  return `${text.slice(0, start)} ${text.slice(end)}`.replace(/\(\s*\)|\[\s*\]/g, "");
}

// "~35 minutes" or "15-30 min" inside a sentence. Not after "+"/"-" so "T+15 min" stays an offset.
const DURATION_IN_TEXT = new RegExp(
  `(?<![\\w.+\\-−–])(?:(?:~|≈|approx\\.?|about|around)\\s*)?\\d+(?:\\.\\d+)?(?:\\s*(?:-|–|to)\\s*\\d+(?:\\.\\d+)?)?\\s*${UNIT}\\.?(?![A-Za-z])`,
  "i",
);

/** The first duration written inside longer text ("Total: ~35 minutes" → 35). */
export function findDuration(text: string): PlannedDuration | undefined {
  const match = DURATION_IN_TEXT.exec(text);
  return match ? parseDuration(match[0]) : undefined;
}

export interface TimeOfDay {
  hours: number;
  minutes: number;
  /** Zone written after the time ("UTC", "EST", "Europe/Berlin", "UTC+2"), unchecked. */
  zone?: string;
}

export interface FoundTimeOfDay {
  time: TimeOfDay;
  index: number;
  length: number;
}

const ZONE = String.raw`(?:(?:UTC|GMT)[+\-−]\d{1,2}(?::?\d{2})?|[A-Z][A-Za-z]+/[A-Z][A-Za-z_-]+(?:/[A-Z][A-Za-z_-]+)?|[A-Z]{2,5}|Z)(?![A-Za-z])`;
// Minutes are optional only with AM/PM ("2 PM"); "T+10" or a bare "10" is never a time.
const TIME_OF_DAY = new RegExp(
  String.raw`(?<![\d:.+\-−])(\d{1,2})(?::(\d{2})(?::\d{2}(?:\.\d+)?)?)?(?:\s*([AaPp])\.?[Mm]\.?(?![A-Za-z]))?(?:\s*\(?(${ZONE})\)?)?`,
  "g",
);

function toTimeOfDay(match: RegExpExecArray): TimeOfDay | undefined {
  const [, hourText = "", minuteText, meridiem, zone] = match;
  if (minuteText === undefined && meridiem === undefined) return undefined;
  let hours = Number(hourText);
  const minutes = Number(minuteText ?? 0);
  if (minutes > 59) return undefined;
  if (meridiem) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (meridiem.toLowerCase() === "p" ? 12 : 0);
  } else if (hours > 23) return undefined;
  return { hours, minutes, ...(zone ? { zone } : {}) };
}

/** The first time of day in a text ("at 02:00 PST", "2026-12-01T09:30Z"). */
export function findTimeOfDay(text: string): FoundTimeOfDay | undefined {
  for (const match of text.matchAll(TIME_OF_DAY)) {
    // Digits right after the match ("2026", "10:3045") mean a longer number, not a time.
    if (/\d/.test(text.charAt(match.index + match[0].length))) continue;
    const time = toTimeOfDay(match);
    if (time) return { time, index: match.index, length: match[0].length };
  }
  return undefined;
}

/** A time of day that is the whole text ("10:30", "10:30 PM", "22:15 UTC"), as in a timeline cell. */
export function parseTimeOfDay(text: string): TimeOfDay | undefined {
  const trimmed = text.trim();
  const found = findTimeOfDay(trimmed);
  return found && found.index === 0 && found.length === trimmed.length ? found.time : undefined;
}
