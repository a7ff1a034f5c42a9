import { db } from "@/lib/db";
import type { DashboardFilters } from "@/lib/dashboard/dashboard-filters";
import { dashboardPlansSql, type DashboardViewer } from "@/lib/dashboard/dashboard-scope";
import { groupMetricsRows, type FinishedMetrics, type MetricsRow } from "@/lib/dashboard/finished-metrics";

/**
 * Success and rollback counts and the median durations and downtimes of the finished plans the
 * viewer sees within the filters: overall, by environment and by UTC month of the finish.
 *
 * One statement with GROUPING SETS, so the three breakdowns come from a single scan and always
 * agree with each other. Counting and medians stay in PostgreSQL (percentile_cont ignores
 * NULLs, so a plan without a planned duration does not drag the planned median), and only a
 * few dozen rows come back however many plans have finished. A plan aborted before it started
 * was never a deployment, so it counts neither for nor against the success rate. `finishedAt` is stored as UTC
 * (timestamp without time zone), so date_trunc on it gives the UTC month.
 */
export async function aggregateFinishedMetrics(viewer: DashboardViewer, filters: DashboardFilters): Promise<FinishedMetrics> {
  const rows = await db().$queryRaw<MetricsRow[]>`
    WITH finished AS (
      SELECT p.environment,
             to_char(date_trunc('month', p."finishedAt"), 'YYYY-MM') AS month,
             m.succeeded, m."rolledBack", m."durationSeconds", m."plannedDurationMinutes",
             m."downtimeSeconds", m."expectedDowntimeMinutes"
        FROM "PlanMetrics" m
        JOIN "Plan" p ON p.id = m."planId"
       WHERE p."finishedAt" IS NOT NULL AND p."startedAt" IS NOT NULL AND ${dashboardPlansSql(viewer, filters)}
    )
    SELECT CASE WHEN GROUPING(environment) = 0 THEN 'environment'
                WHEN GROUPING(month) = 0 THEN 'month'
                ELSE 'overall' END AS "grouping",
           environment,
           month,
           count(*)::int AS finished,
           (count(*) FILTER (WHERE succeeded))::int AS succeeded,
           (count(*) FILTER (WHERE "rolledBack"))::int AS "rolledBack",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY "durationSeconds") AS "medianDurationSeconds",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY "plannedDurationMinutes") AS "medianPlannedDurationMinutes",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY "downtimeSeconds") AS "medianDowntimeSeconds",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY "expectedDowntimeMinutes") AS "medianExpectedDowntimeMinutes"
      FROM finished
     GROUP BY GROUPING SETS ((), (environment), (month))`;
  return groupMetricsRows(rows);
}
