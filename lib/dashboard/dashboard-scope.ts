import { Prisma } from "@/lib/generated/prisma/client";
import { dateRangeOf, type DashboardFilters } from "@/lib/dashboard/dashboard-filters";

/**
 * Which plans a dashboard shows: the ones the viewer may see (an admin every plan, a member
 * the plans they belong to, as in lib/plans/list-plans.ts) narrowed by the filters. The same
 * rule is written twice, once for Prisma queries and once as SQL for the aggregates, and the
 * integration tests hold the two to the same answers.
 */

export interface DashboardViewer {
  id: string;
  role: "ADMIN" | "MEMBER";
}

/** Plans the viewer may see, before any filter: what the filter choices are drawn from. */
export function visiblePlansWhere(viewer: DashboardViewer): Prisma.PlanWhereInput {
  return viewer.role === "ADMIN" ? {} : { members: { some: { userId: viewer.id } } };
}

export function dashboardPlansWhere(viewer: DashboardViewer, filters: DashboardFilters): Prisma.PlanWhereInput {
  const conditions: Prisma.PlanWhereInput[] = [visiblePlansWhere(viewer)];
  if (filters.environment) conditions.push({ environment: filters.environment });
  if (filters.status) conditions.push({ status: filters.status });
  if (filters.lead) conditions.push({ deployLead: filters.lead });
  const range = dateRangeOf(filters);
  if (range) {
    const within = { ...(range.from ? { gte: range.from } : {}), ...(range.until ? { lt: range.until } : {}) };
    conditions.push({ OR: [{ windowStart: within }, { finishedAt: within }] });
  }
  return { AND: conditions };
}

/** The same rule as a SQL condition on a `"Plan"` row aliased `p`; every value is a bound parameter. */
export function dashboardPlansSql(viewer: DashboardViewer, filters: DashboardFilters): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (viewer.role !== "ADMIN") {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "PlanMember" pm WHERE pm."planId" = p.id AND pm."userId" = ${viewer.id})`);
  }
  if (filters.environment) conditions.push(Prisma.sql`p.environment = ${filters.environment}`);
  if (filters.status) conditions.push(Prisma.sql`p.status = ${filters.status}::"PlanStatus"`);
  if (filters.lead) conditions.push(Prisma.sql`p."deployLead" = ${filters.lead}`);
  const range = dateRangeOf(filters);
  if (range) {
    conditions.push(Prisma.sql`(${withinRange(Prisma.sql`p."windowStart"`, range)} OR ${withinRange(Prisma.sql`p."finishedAt"`, range)})`);
  }
  return conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
}

function withinRange(column: Prisma.Sql, range: { from?: Date; until?: Date }): Prisma.Sql {
  const bounds: Prisma.Sql[] = [];
  if (range.from) bounds.push(Prisma.sql`${column} >= ${range.from}`);
  if (range.until) bounds.push(Prisma.sql`${column} < ${range.until}`);
  return Prisma.sql`(${Prisma.join(bounds, " AND ")})`;
}
