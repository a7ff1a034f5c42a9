import { db } from "@/lib/db";
import type { PlanStatus } from "@/lib/generated/prisma/enums";
import type { DashboardFilters } from "@/lib/dashboard/dashboard-filters";
import { dashboardPlansWhere, type DashboardViewer } from "@/lib/dashboard/dashboard-scope";

export interface FinishedPlan {
  id: string;
  title: string;
  environment: string | null;
  deployLead: string | null;
  status: PlanStatus;
  finishedAt: string;
  durationSeconds: number | null;
  plannedDurationMinutes: number | null;
  downtimeSeconds: number | null;
  expectedDowntimeMinutes: number | null;
  rolledBack: boolean;
}

export const RECENTLY_FINISHED_COUNT = 20;

/**
 * The last plans to finish, with how long they took and were down against the plan. The
 * figures come from PlanMetrics; a plan finished before metrics existed falls back to its own
 * timestamps and expectations, and shows its downtime as unknown rather than zero.
 */
export async function listRecentlyFinished(viewer: DashboardViewer, filters: DashboardFilters): Promise<FinishedPlan[]> {
  const plans = await db().plan.findMany({
    where: { AND: [dashboardPlansWhere(viewer, filters), { finishedAt: { not: null } }] },
    select: {
      id: true,
      title: true,
      environment: true,
      deployLead: true,
      status: true,
      startedAt: true,
      finishedAt: true,
      expectedDurationMinutes: true,
      expectedDowntimeMinutes: true,
      metrics: {
        select: { rolledBack: true, durationSeconds: true, plannedDurationMinutes: true, downtimeSeconds: true, expectedDowntimeMinutes: true },
      },
    },
    orderBy: [{ finishedAt: "desc" }, { id: "asc" }],
    take: RECENTLY_FINISHED_COUNT,
  });
  return plans.map(({ metrics, startedAt, finishedAt, expectedDurationMinutes, expectedDowntimeMinutes, ...plan }) => ({
    ...plan,
    finishedAt: finishedAt!.toISOString(),
    durationSeconds: metrics ? metrics.durationSeconds : startedAt ? Math.round((finishedAt!.getTime() - startedAt.getTime()) / 1000) : null,
    plannedDurationMinutes: metrics?.plannedDurationMinutes ?? expectedDurationMinutes,
    downtimeSeconds: metrics?.downtimeSeconds ?? null,
    expectedDowntimeMinutes: metrics?.expectedDowntimeMinutes ?? expectedDowntimeMinutes,
    rolledBack: metrics?.rolledBack ?? plan.status === "ROLLED_BACK",
  }));
}
