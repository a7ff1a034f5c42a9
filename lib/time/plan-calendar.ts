import ical from "ical-generator";
import { formatInZone } from "@/lib/time/format-time";

/**
 * A plan's schedule as an iCalendar feed: the window, each phase and each follow-up check.
 * UIDs are derived from the plan and item keys so a re-download updates events in the
 * subscriber's calendar instead of duplicating them. Times are written in UTC; the plan's
 * zone only shapes the human-readable descriptions.
 */

export interface PlanCalendarInput {
  planId: string;
  title: string;
  url: string;
  timeZone: string;
  window: { start: Date; end: Date };
  phases: { key: string; title: string; start: Date; end: Date }[];
  checks: { key: string; label: string; dueAt: Date }[];
  description?: string;
}

const CHECK_MINUTES = 15;

function describe(lines: (string | undefined)[]): string {
  return lines.filter((line): line is string => line !== undefined && line !== "").join("\n");
}

export function planCalendar(input: PlanCalendarInput): string {
  const { planId, title, url, timeZone } = input;
  const when = (date: Date) => formatInZone(date, timeZone);
  const calendar = ical({
    prodId: { company: "Preflight", product: "Deployment plans", language: "EN" },
    name: title,
  });
  calendar.createEvent({
    id: `${planId}-window@preflight`,
    start: input.window.start,
    end: input.window.end,
    summary: title,
    description: describe([input.description, `${when(input.window.start)} – ${when(input.window.end)}`, url]),
    url,
  });
  for (const phase of input.phases) {
    calendar.createEvent({
      id: `${planId}-${phase.key}@preflight`,
      start: phase.start,
      end: phase.end,
      summary: `${title}: ${phase.title}`,
      description: describe([`${when(phase.start)} – ${when(phase.end)}`, url]),
      url,
    });
  }
  for (const check of input.checks) {
    calendar.createEvent({
      id: `${planId}-${check.key}@preflight`,
      start: check.dueAt,
      end: new Date(check.dueAt.getTime() + CHECK_MINUTES * 60_000),
      summary: `${title}: ${check.label}`,
      description: describe([`Due ${when(check.dueAt)}`, url]),
      url,
    });
  }
  return calendar.toString();
}
