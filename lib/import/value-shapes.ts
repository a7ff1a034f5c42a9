import { parseDuration, parseOffsetCell } from "@/lib/import/time-text";

/**
 * What a table cell's value looks like, independent of its column's header: a time of day,
 * a T± offset, a duration, a percentage, an e-mail address, a phone number, a person's name,
 * a status word, or just text. Several of these together tell what a table is when its
 * header uses words no rule knows ("Kick-off", "Takes", "Reach").
 *
 * Every check is a plain pattern without nested quantifiers, run on one trimmed cell.
 */
export type ValueShape = "clock" | "offset" | "duration" | "percent" | "email" | "phone" | "person" | "status" | "text";

// 21:30, 9:05, 21.30h, 09:00 UTC, 9:30 am, 21:30–21:45 (a slot), 2026-12-05 21:30 CET
const CLOCK = /^(?:\d{4}-\d{2}-\d{2}[ T])?(?:[01]?\d|2[0-3])[:.h][0-5]\d(?:\s?(?:am|pm|h|uhr))?(?:\s?[-–]\s?(?:[01]?\d|2[0-3])[:.h][0-5]\d)?(?:\s?(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2}))?$/i;
const PERCENT = /^[<>≤≥~]?\s?\d+(?:[.,]\d+)?\s?%$/;
const EMAIL = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/;
// +49 30 1234 5678, (555) 010-0199, 555-0100, ext. 42: digits, separators, at least 7 digits.
const PHONE_CHARS = /^\+?[\d\s().\-/]+(?:\s?(?:ext\.?|x)\s?\d+)?$/i;
const STATUS = /^(?:[✓✔✅❌⏳☐☑]|\[[ xX]\]|done|pending|ok|todo|to do|open|closed|complete|completed|in progress|not started|blocked|skipped|n\/a|yes|no|erledigt|offen|geplant|planned|ready|waiting)$/i;
// "Jane Roe", "Ana", "J. Müller", "@priya": one to three capitalised words, or a @mention.
const PERSON = /^(?:@[\w.-]+|\p{Lu}[\p{L}'’-]*\.?(?: \p{Lu}[\p{L}'’-]*\.?){0,2})$/u;

function stripMarkup(text: string): string {
  return text.replace(/\*\*|__|`/g, "").replace(/^\[([^\]]*)\]\([^)]*\)$/, "$1").trim();
}

export function shapeOf(raw: string): ValueShape | undefined {
  const text = stripMarkup(raw);
  if (text === "" || /^[-–—]$/.test(text)) return undefined;
  if (parseOffsetCell(text)) return "offset";
  if (CLOCK.test(text)) return "clock";
  if (parseDuration(text)) return "duration";
  if (PERCENT.test(text)) return "percent";
  if (EMAIL.test(text) || /^mailto:/i.test(text)) return "email";
  if (PHONE_CHARS.test(text) && (text.match(/\d/g)?.length ?? 0) >= 7) return "phone";
  if (STATUS.test(text)) return "status";
  if (PERSON.test(text) && text.length <= 40) return "person";
  return "text";
}

/**
 * The shape most of a column's filled cells share (at least two thirds of them, and at
 * least one cell), or undefined for an empty or mixed column.
 */
export function columnShape(rows: string[][], index: number): ValueShape | undefined {
  const counts = new Map<ValueShape, number>();
  let filled = 0;
  for (const row of rows) {
    const shape = shapeOf(row[index] ?? "");
    if (shape === undefined) continue;
    filled += 1;
    counts.set(shape, (counts.get(shape) ?? 0) + 1);
  }
  let best: ValueShape | undefined;
  let bestCount = 0;
  for (const [shape, count] of counts) {
    if (count > bestCount) {
      best = shape;
      bestCount = count;
    }
  }
  return filled > 0 && bestCount * 3 >= filled * 2 ? best : undefined;
}
