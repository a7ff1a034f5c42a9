import { z } from "zod";

/** Longest search text the plans list accepts; longer input is cut, not refused (it comes from a URL). */
export const PLAN_SEARCH_MAX = 200;
const ENVIRONMENT_MAX = 100;

export interface PlanListQuery {
  /** Words to find in the title, feature, version, environment or change ticket; empty for all. */
  search: string;
  /** Exact environment to show, or null for every environment. */
  environment: string | null;
}

const oneValue = z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.string().optional());

const schema = z.object({ q: oneValue, env: oneValue });

/** Reads the plans list's URL search parameters (`?q=…&env=…`); anything odd reads as "no filter". */
export function parsePlanListQuery(params: Record<string, string | string[] | undefined>): PlanListQuery {
  const parsed = schema.safeParse(params);
  const q = parsed.success ? (parsed.data.q ?? "") : "";
  const env = parsed.success ? (parsed.data.env ?? "") : "";
  const environment = env.trim().slice(0, ENVIRONMENT_MAX);
  return { search: q.trim().slice(0, PLAN_SEARCH_MAX), environment: environment || null };
}

/** The search words: split on white space, at most eight, so one query stays a small SQL filter. */
export function searchTerms(search: string): string[] {
  return search.split(/\s+/).filter(Boolean).slice(0, 8);
}
