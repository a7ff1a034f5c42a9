import { z } from "zod";
import { PlanStatus } from "@/lib/generated/prisma/enums";

/**
 * The dashboard's filters, read from the page's query string (a GET form, so a filtered view
 * is a link someone can share). Each field is checked on its own: one bad value is reported
 * and ignored while the others still apply, so a mistyped URL never blanks the whole page.
 */

export interface DashboardFilters {
  environment?: string;
  status?: PlanStatus;
  /** The plan's deploy lead as the document names it (not necessarily an account). */
  lead?: string;
  /** Inclusive UTC calendar days, "YYYY-MM-DD"; a plan matches when its window start or its finish falls in them. */
  from?: string;
  to?: string;
}

export type SearchParams = Record<string, string | string[] | undefined>;

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const optionalText = z.string().trim().max(120, { error: "is longer than 120 characters" });

const calendarDay = z
  .string()
  .trim()
  .regex(DAY_PATTERN, { error: "is not a date (use YYYY-MM-DD)", abort: true })
  .refine(isCalendarDay, { error: "is not a real calendar date" });

const FIELDS = {
  environment: { label: "Environment", schema: optionalText },
  status: { label: "Status", schema: z.enum(PlanStatus, { error: "is not a plan status" }) },
  lead: { label: "Lead", schema: optionalText },
  from: { label: "From", schema: calendarDay },
  to: { label: "To", schema: calendarDay },
} as const;

export interface ParsedDashboardFilters {
  filters: DashboardFilters;
  /** One sentence per value that was ignored, written for the person who typed it. */
  problems: string[];
}

export function parseDashboardFilters(params: SearchParams): ParsedDashboardFilters {
  const filters: Record<string, string> = {};
  const problems: string[] = [];
  for (const [name, { label, schema }] of Object.entries(FIELDS)) {
    const raw = firstValue(params[name])?.trim();
    // An empty field is the form's "All": no filter, not an error.
    if (!raw) continue;
    const result = schema.safeParse(raw);
    if (result.success) filters[name] = result.data;
    else problems.push(`${label} “${raw.slice(0, 60)}” ${result.error.issues[0]?.message ?? "is not valid"}, so it was ignored.`);
  }
  const parsed = filters as DashboardFilters;
  if (parsed.from && parsed.to && parsed.from > parsed.to) {
    problems.push(`The date range ends (${parsed.to}) before it starts (${parsed.from}), so it was ignored.`);
    delete parsed.from;
    delete parsed.to;
  }
  return { filters: parsed, problems };
}

/** The filters' date range as instants: from the start of `from` to the end of `to` (exclusive), in UTC. */
export function dateRangeOf(filters: DashboardFilters): { from?: Date; until?: Date } | null {
  if (!filters.from && !filters.to) return null;
  return {
    from: filters.from ? startOfUtcDay(filters.from) : undefined,
    until: filters.to ? new Date(startOfUtcDay(filters.to).getTime() + 24 * 60 * 60 * 1000) : undefined,
  };
}

export function hasActiveFilters(filters: DashboardFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}

/** "2026-02-30" has the right shape but no such day; Date would quietly roll it into March. */
function isCalendarDay(day: string): boolean {
  const start = startOfUtcDay(day);
  return !Number.isNaN(start.getTime()) && start.toISOString().slice(0, 10) === day;
}

function startOfUtcDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
