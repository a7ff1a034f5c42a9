import { db } from "@/lib/db";
import type { DashboardFilters } from "@/lib/dashboard/dashboard-filters";
import { dashboardPlansWhere, type DashboardViewer } from "@/lib/dashboard/dashboard-scope";

export interface DueCheck {
  id: string;
  label: string;
  dueAt: string;
  /** Due before now and still pending. */
  overdue: boolean;
  plan: { id: string; title: string; environment: string | null };
}

export interface DueChecks {
  checks: DueCheck[];
  /** All pending checks in the horizon, of which `checks` holds the first DUE_CHECKS_SHOWN. */
  total: number;
}

export const DUE_CHECK_HORIZON_MS = 24 * 60 * 60 * 1000;
export const DUE_CHECKS_SHOWN = 12;

/** Pending monitoring checks on the plans in view that are overdue or fall due within a day, soonest first. */
export async function listDueChecks(viewer: DashboardViewer, filters: DashboardFilters, now: Date): Promise<DueChecks> {
  // (status, dueAt) is indexed: the range scan finds the pending checks, the plan filter narrows them.
  const where = { status: "PENDING" as const, dueAt: { lte: new Date(now.getTime() + DUE_CHECK_HORIZON_MS) }, plan: dashboardPlansWhere(viewer, filters) };
  const [checks, total] = await Promise.all([
    db().monitoringCheck.findMany({
      where,
      select: { id: true, label: true, dueAt: true, plan: { select: { id: true, title: true, environment: true } } },
      orderBy: [{ dueAt: "asc" }, { position: "asc" }],
      take: DUE_CHECKS_SHOWN,
    }),
    db().monitoringCheck.count({ where }),
  ]);
  return {
    checks: checks.map((check) => ({ ...check, dueAt: check.dueAt.toISOString(), overdue: check.dueAt.getTime() < now.getTime() })),
    total,
  };
}
