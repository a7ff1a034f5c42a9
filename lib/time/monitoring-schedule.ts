import type { Field, MonitoringRow, PlanDocument, PlanSection } from "@/lib/plan-document/schema";
import { findDuration, findOffset, parseDuration } from "@/lib/import/time-text";

/**
 * The checks to schedule once a deployment finishes, in minutes after the finish, read
 * from what the plan says about watching the release: monitoring tables, post-deployment
 * headings ("Immediate (T+1 hour)", "Monitoring (First Hour)") and fields ("Follow-up
 * check: 1 week post-deployment"). A plan that says nothing gets a sensible default.
 */

export type MonitoringCheckSource = "table" | "section" | "field" | "default" | "rollback";

export interface MonitoringCheck {
  label: string;
  offsetMinutes: number;
  source: MonitoringCheckSource;
}

const MAX_CHECKS = 60;

const DEFAULT_CHECKS: MonitoringCheck[] = [
  { label: "Check error rates and alerts", offsetMinutes: 60, source: "default" },
  { label: "Review the first day", offsetMinutes: 1_440, source: "default" },
  { label: "Follow-up review", offsetMinutes: 10_080, source: "default" },
];

const UNIT_WORD = String.raw`(?:weeks?|days?|hours?|hrs?|minutes?|mins?)\b`;
// Ranges also come abbreviated ("0-1h", "Days 2-7").
const RANGE_UNIT = String.raw`(?:weeks?|wks?|w|days?|d|hours?|hrs?|h|minutes?|mins?|m)\b`;
const NUMBER_WORDS: Record<string, string> = {
  a: "1", an: "1", one: "1", two: "2", three: "3", four: "4", five: "5", six: "6",
  seven: "7", eight: "8", nine: "9", ten: "10", twelve: "12", fifteen: "15", thirty: "30",
};
const NUMBER_WORD = new RegExp(String.raw`\b(${Object.keys(NUMBER_WORDS).join("|")})\s+(?=${UNIT_WORD})`, "gi");
const IMPLIED_ONE = new RegExp(String.raw`\b(first|next|initial|every|each|per)\s+(?=${UNIT_WORD})`, "gi");

/** Spelled-out and implied counts as digits: "first hour" → "first 1 hour", "every hour" → "every 1 hour". */
function withDigits(text: string): string {
  return text
    .replace(/\bhalf an? hour\b/gi, "30 minutes")
    .replace(NUMBER_WORD, (_, word: string) => `${NUMBER_WORDS[word.toLowerCase()] ?? word} `)
    .replace(IMPLIED_ONE, "$1 1 ");
}

interface Span {
  from: number;
  to: number;
}

// "Hours 1-24" / "Days 2-7" and "1-24 hours" / "0-1h" are spans, not upper bounds.
const UNIT_THEN_RANGE = /\b(weeks?|days?|hours?)\s+(\d+)\s*(?:-|–|to)\s*(\d+)\b/i;
const RANGE_THEN_UNIT = new RegExp(String.raw`(?<![\d.])(\d+)\s*(?:-|–|to)\s*(\d+)\s*(${RANGE_UNIT})`, "i");

function rangeSpan(from = "", to = "", unit = ""): Span | undefined {
  const start = parseDuration(`${from} ${unit}`)?.minutes;
  const end = parseDuration(`${to} ${unit}`)?.minutes;
  return start === undefined || end === undefined ? undefined : { from: start, to: end };
}

/** The stretch of time a phrase covers: "First hour" → 0–60, "Hours 1-24" → 60–1440, "T+1h to T+4h". */
function spanMinutes(text: string): Span | undefined {
  const normalized = withDigits(text);
  const first = findOffset(normalized);
  const second = first && findOffset(normalized.slice(first.index + first.length));
  if (first && second) return { from: first.offset.minutes, to: second.offset.minutes };
  const unitFirst = UNIT_THEN_RANGE.exec(normalized);
  if (unitFirst) return rangeSpan(unitFirst[2], unitFirst[3], unitFirst[1]);
  const numbersFirst = RANGE_THEN_UNIT.exec(normalized);
  if (numbersFirst) return rangeSpan(numbersFirst[1], numbersFirst[2], numbersFirst[3]);
  if (first) return { from: 0, to: first.offset.minutes };
  const duration = findDuration(normalized);
  return duration ? { from: 0, to: duration.minutes } : undefined;
}

const CADENCE: Record<string, number> = { "half-hourly": 30, halfhourly: 30, hourly: 60, daily: 1_440, weekly: 10_080 };

/** How often a check repeats: "Every 15 min" → 15, "Hourly" → 60; "Continuous" has no cadence. */
function frequencyMinutes(text: string): number | undefined {
  const named = /\b(half-?hourly|hourly|daily|weekly)\b/i.exec(text);
  if (named?.[1]) return CADENCE[named[1].toLowerCase()];
  const minutes = findDuration(withDigits(text))?.minutes;
  return minutes !== undefined && minutes > 0 ? minutes : undefined;
}

function tableChecks(row: MonitoringRow): MonitoringCheck[] {
  const span = row.window === undefined ? undefined : spanMinutes(row.window);
  const every = row.frequency === undefined ? undefined : frequencyMinutes(row.frequency);
  const label = `Monitoring${row.window ? ` (${row.window})` : ""}${row.checks ? `: ${row.checks}` : ""}`;
  const at = (offsetMinutes: number): MonitoringCheck => ({ label, offsetMinutes, source: "table" });
  if (!span) return every === undefined ? [] : [at(every)];
  if (every === undefined) return [at(span.to)];
  const offsets: number[] = [];
  for (let offset = span.from + every; offset <= span.to && offsets.length < MAX_CHECKS; offset += every) offsets.push(offset);
  return (offsets.length > 0 ? offsets : [span.to]).map(at);
}

const AFTER_DEPLOYMENT = /monitor|post[- ]?(?:deploy|release|launch|rollout)|follow[- ]?up|\bafter\b/i;
const MONITORING = /monitor/i;

/**
 * Minutes after the finish a post-deployment heading points at. A phase of the run itself
 * ("Phase 3: Post-Deployment Validation (T+15 minutes)" next to "Phase 2 (T-0)") counts
 * from the start, not the finish, so it is left out unless it is about monitoring.
 */
function sectionOffset(section: PlanSection, ancestors: PlanSection[], siblings: PlanSection[]): number | undefined {
  const relevant = AFTER_DEPLOYMENT.test(section.title) || ancestors.some((ancestor) => AFTER_DEPLOYMENT.test(ancestor.title));
  if (!relevant) return undefined;
  const isRunPhase = siblings.some((sibling) => sibling.offset !== undefined && sibling.offset.minutes <= 0);
  if (isRunPhase && !MONITORING.test(section.title)) return undefined;
  if (section.offset) return section.offset.minutes;
  const firstPhrase = /\bfirst\s+(?:\d+(?:\.\d+)?\s*)?[a-z]+/i.exec(section.title);
  if (firstPhrase) return spanMinutes(firstPhrase[0])?.to;
  return MONITORING.test(section.title) ? section.duration?.minutes : undefined;
}

function sectionChecks(sections: PlanSection[], ancestors: PlanSection[] = []): MonitoringCheck[] {
  return sections.flatMap((section) => {
    const offset = sectionOffset(section, ancestors, sections);
    const own: MonitoringCheck[] = offset !== undefined && offset > 0 ? [{ label: section.title, offsetMinutes: offset, source: "section" }] : [];
    return [...own, ...sectionChecks(section.sections, [...ancestors, section])];
  });
}

const FIELD_TOPIC = /monitor|follow[- ]?up|post[- ]?(?:deploy|release|launch|rollout)|\bcheck\b|\breview\b/i;

function fieldCheck(field: Field, inMonitoringSection: boolean): MonitoringCheck | undefined {
  if (!FIELD_TOPIC.test(`${field.key} ${field.value}`) && !inMonitoringSection) return undefined;
  const offset = spanMinutes(field.value)?.to;
  return offset !== undefined && offset > 0 ? { label: field.key, offsetMinutes: offset, source: "field" } : undefined;
}

function fieldChecks(document: PlanDocument): MonitoringCheck[] {
  const checks: MonitoringCheck[] = [];
  const visit = (sections: PlanSection[], inMonitoring: boolean) => {
    for (const section of sections) {
      const monitoring = inMonitoring || MONITORING.test(section.title);
      for (const field of section.fields) {
        const check = fieldCheck(field, monitoring);
        if (check) checks.push(check);
      }
      visit(section.sections, monitoring);
    }
  };
  for (const field of document.metadata.extra) {
    const check = fieldCheck(field, false);
    if (check) checks.push(check);
  }
  visit(document.sections, false);
  return checks;
}

function byOffsetThenLabel(a: MonitoringCheck, b: MonitoringCheck): number {
  if (a.offsetMinutes !== b.offsetMinutes) return a.offsetMinutes - b.offsetMinutes;
  return a.label < b.label ? -1 : a.label > b.label ? 1 : 0;
}

/** One entry per label and offset, earliest first, at most 60. */
export function monitoringSchedule(document: PlanDocument): MonitoringCheck[] {
  const tables = document.tables.flatMap((table) => (table.kind === "monitoring" ? table.rows.flatMap(tableChecks) : []));
  const found = [...tables, ...sectionChecks(document.sections), ...fieldChecks(document)];
  const seen = new Set<string>();
  const unique = found.filter((check) => {
    const key = `${check.offsetMinutes}\u0000${check.label}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const checks = unique.length > 0 ? unique : DEFAULT_CHECKS;
  return [...checks].sort(byOffsetThenLabel).slice(0, MAX_CHECKS);
}
