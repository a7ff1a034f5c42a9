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
  title = title.replace(/\s*[-–—:@|]\s*$/, "").replace(/^\s*[-–—:@|]\s*/, "").replace(/\s{2,}/g, " ").trim();
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
