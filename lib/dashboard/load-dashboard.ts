import { aggregateFinishedMetrics } from "@/lib/dashboard/aggregate-finished-metrics";
import type { DashboardFilters } from "@/lib/dashboard/dashboard-filters";
import type { DashboardViewer } from "@/lib/dashboard/dashboard-scope";
import type { FinishedMetrics } from "@/lib/dashboard/finished-metrics";
import { listDueChecks, type DueChecks } from "@/lib/dashboard/list-due-checks";
import { listFilterOptions, type FilterOptions } from "@/lib/dashboard/list-filter-options";
import { listRecentlyFinished, type FinishedPlan } from "@/lib/dashboard/list-recently-finished";
import { listRunningPlans, type RunningPlan } from "@/lib/dashboard/list-running-plans";
import { listUpcomingWindows, type UpcomingPlan } from "@/lib/dashboard/list-upcoming-windows";

/** Everything the dashboard shows, as plain data (instants as ISO strings) that can cross to client components. */
export interface DashboardData {
  /** The instant "now" was for this load: relative times and "overdue" are measured from it. */
  generatedAt: string;
  filters: DashboardFilters;
  options: FilterOptions;
  running: RunningPlan[];
  upcoming: UpcomingPlan[];
  recentlyFinished: FinishedPlan[];
  dueChecks: DueChecks;
  metrics: FinishedMetrics;
}

/**
 * The cross-plan dashboard for one viewer: each section applies the viewer's access and the
 * filters itself, so the queries are independent and run side by side on the pool.
 */
export async function loadDashboard(viewer: DashboardViewer, filters: DashboardFilters, options: { now?: Date } = {}): Promise<DashboardData> {
  const now = options.now ?? new Date();
  const [filterOptions, running, upcoming, recentlyFinished, dueChecks, metrics] = await Promise.all([
    listFilterOptions(viewer),
    listRunningPlans(viewer, filters),
    listUpcomingWindows(viewer, filters, now),
    listRecentlyFinished(viewer, filters),
    listDueChecks(viewer, filters, now),
    aggregateFinishedMetrics(viewer, filters),
  ]);
  return { generatedAt: now.toISOString(), filters, options: filterOptions, running, upcoming, recentlyFinished, dueChecks, metrics };
}
