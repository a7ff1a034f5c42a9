import { db } from "@/lib/db";
import type { PlanStatus } from "@/lib/generated/prisma/enums";
import type { DashboardFilters } from "@/lib/dashboard/dashboard-filters";
import { dashboardPlansWhere, type DashboardViewer } from "@/lib/dashboard/dashboard-scope";

export interface UpcomingPlan {
  id: string;
  title: string;
  environment: string | null;
  version: string | null;
  deployLead: string | null;
  status: PlanStatus;
  windowStart: string | null;
  windowTimeZone: string | null;
}

const NOT_STARTED: PlanStatus[] = ["DRAFT", "SCHEDULED"];

/**
 * A window that passed this long ago without the plan starting is still shown (someone should
 * notice it was missed); older ones are stale drafts and stay in the plan list only.
 */
export const MISSED_WINDOW_GRACE_MS = 24 * 60 * 60 * 1000;

/** Plans not started yet: those with a window soonest first, then those without one, newest first. */
export async function listUpcomingWindows(viewer: DashboardViewer, filters: DashboardFilters, now: Date): Promise<UpcomingPlan[]> {
  const plans = await db().plan.findMany({
    where: {
      AND: [
        dashboardPlansWhere(viewer, filters),
        { status: { in: NOT_STARTED }, startedAt: null },
        { OR: [{ windowStart: { gte: new Date(now.getTime() - MISSED_WINDOW_GRACE_MS) } }, { windowStart: null }] },
      ],
    },
    select: { id: true, title: true, environment: true, version: true, deployLead: true, status: true, windowStart: true, windowTimeZone: true },
    orderBy: [{ windowStart: { sort: "asc", nulls: "last" } }, { updatedAt: "desc" }],
    take: 25,
  });
  return plans.map((plan) => ({ ...plan, windowStart: plan.windowStart?.toISOString() ?? null }));
}
