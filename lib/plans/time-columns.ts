import type { PlanDocument } from "@/lib/plan-document/schema";
import { allSections } from "@/lib/plan-document/walk";
import { parseDowntimeMinutes, parseDurationMinutes, resolveWindowStart } from "@/lib/time/window";

export interface TimeColumns {
  windowStart: Date | null;
  windowTimeZone: string | null;
  expectedDurationMinutes: number | null;
  expectedDowntimeMinutes: number | null;
}

const DURATION_FIELD = /^(?:total\s+)?(?:deployment\s+time|estimated\s+duration|expected\s+duration|duration|(?:deployment\s+)?window\s+(?:length|duration)|length)$/i;
const DOWNTIME_FIELD = /^(?:maximum|max\.?|expected|estimated)?\s*downtime(?:\s+expected)?$/i;

/**
 * What the document says about time, as the columns the timeline and metrics use: the
 * window start as an instant in its zone, the expected length (the metadata, a "Total
 * Deployment Time" line, or the end of the timeline table) and the expected downtime.
 */
export function timeColumnsOf(document: PlanDocument): TimeColumns {
  const { metadata } = document;
  const window = resolveWindowStart({ date: metadata.window.date, start: metadata.window.start });
  // The header's own lines first ("**Window length**: 90 min"), then those of its sections.
  const fields = [...metadata.extra, ...allSections(document).flatMap((section) => section.fields)];
  const fieldMinutes = (pattern: RegExp, parse: (text: string) => number | null) => {
    for (const field of fields) {
      const minutes = pattern.test(stripMarkup(field.key)) ? parse(field.value) : null;
      if (minutes !== null) return minutes;
    }
    return null;
  };
  const declaredDuration = metadata.window.estimatedDuration ? parseDurationMinutes(metadata.window.estimatedDuration) : null;
  const declaredDowntime = metadata.expectedDowntime ? parseDowntimeMinutes(metadata.expectedDowntime) : null;
  return {
    windowStart: window?.start ?? null,
    windowTimeZone: window?.timeZone ?? null,
    expectedDurationMinutes: roundMinutes(declaredDuration ?? fieldMinutes(DURATION_FIELD, parseDurationMinutes) ?? timelineTableEnd(document)),
    expectedDowntimeMinutes: roundMinutes(declaredDowntime ?? fieldMinutes(DOWNTIME_FIELD, parseDowntimeMinutes)),
  };
}

/** Where the deployment part of the timeline table (rows from T-0 on) ends. */
function timelineTableEnd(document: PlanDocument): number | null {
  const ends = document.tables.flatMap((table) =>
    table.kind === "timeline" ? table.rows.flatMap((row) => (row.offset && row.offset.minutes >= 0 ? [row.offset.minutes + (row.durationMinutes ?? 0)] : [])) : [],
  );
  return ends.length ? Math.max(...ends) : null;
}

const stripMarkup = (text: string) => text.replace(/[*_`]/g, "").trim();
const roundMinutes = (minutes: number | null) => (minutes === null ? null : Math.round(minutes));
