import { parseTimeOfDay } from "@/lib/import/time-text";
import type { PlanDocument } from "@/lib/plan-document/schema";
import { timeOfDayOffsetMinutes } from "@/lib/time/window";
import type { ScheduleRowInput } from "@/lib/timeline/plan-timeline";

/**
 * The rows of the document's timeline tables that can be placed: those with an offset
 * ("T+7") and, once the window has a start, those with a time of day ("10:30"), which count
 * from the window's date in the plan's time zone.
 */
export function scheduleRowsOf(document: PlanDocument, windowStart: Date | null, timeZone: string): ScheduleRowInput[] {
  const rows: ScheduleRowInput[] = [];
  for (const table of document.tables) {
    if (table.kind !== "timeline") continue;
    table.rows.forEach((row, index) => {
      const timeOfDay = row.time ? parseTimeOfDay(row.time) : undefined;
      const offsetMinutes = row.offset?.minutes ?? (timeOfDay && windowStart ? timeOfDayOffsetMinutes(timeOfDay, windowStart, timeZone) : undefined);
      if (offsetMinutes === undefined) return;
      rows.push({ key: `${table.id}:${index}`, activity: row.activity, offsetMinutes, durationMinutes: row.durationMinutes ?? null, owner: row.owner ?? null });
    });
  }
  return rows;
}
