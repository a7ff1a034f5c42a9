import { db } from "@/lib/db";
import type { PlanStatus } from "@/lib/generated/prisma/enums";
import type { DashboardFilters } from "@/lib/dashboard/dashboard-filters";
import { dashboardPlansWhere, type DashboardViewer } from "@/lib/dashboard/dashboard-scope";

export interface RunningPlan {
  id: string;
  title: string;
  environment: string | null;
  deployLead: string | null;
  status: PlanStatus;
  startedAt: string | null;
}

const RUNNING: PlanStatus[] = ["IN_PROGRESS", "ROLLING_BACK"];

/** Plans under way or rolling back, the longest-running first (they are the likeliest to need help). */
export async function listRunningPlans(viewer: DashboardViewer, filters: DashboardFilters): Promise<RunningPlan[]> {
  const plans = await db().plan.findMany({
    where: { AND: [dashboardPlansWhere(viewer, filters), { status: { in: RUNNING } }] },
    select: { id: true, title: true, environment: true, deployLead: true, status: true, startedAt: true },
    orderBy: [{ startedAt: { sort: "asc", nulls: "last" } }, { title: "asc" }],
    take: 50,
  });
  return plans.map((plan) => ({ ...plan, startedAt: plan.startedAt?.toISOString() ?? null }));
}
