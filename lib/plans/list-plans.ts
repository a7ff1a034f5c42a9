import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { searchTerms, type PlanListQuery } from "@/lib/plans/plan-list-query";

export const planSummarySelect = {
  id: true,
  title: true,
  feature: true,
  environment: true,
  version: true,
  changeTicket: true,
  status: true,
  windowStart: true,
  startedAt: true,
  finishedAt: true,
  updatedAt: true,
} as const;

const SEARCHED_FIELDS = ["title", "feature", "version", "environment", "changeTicket"] as const;

/** Plans the user may see: those they take part in, every plan for an administrator. */
export function visibleTo(user: { id: string; role: "ADMIN" | "MEMBER" }): Prisma.PlanWhereInput {
  return user.role === "ADMIN" ? {} : { members: { some: { userId: user.id } } };
}

/**
 * Plans the user takes part in (every plan, for an admin), most recently changed first,
 * narrowed by the list's search and environment filter. Every search word must appear
 * (case-insensitive) in one of the title, feature, version, environment or change ticket.
 */
export function listPlansForUser(user: { id: string; role: "ADMIN" | "MEMBER" }, query: Partial<PlanListQuery> = {}) {
  const words = searchTerms(query.search ?? "");
  const where: Prisma.PlanWhereInput = {
    AND: [
      visibleTo(user),
      ...(query.environment ? [{ environment: { equals: query.environment, mode: "insensitive" as const } }] : []),
      ...words.map((word) => ({ OR: SEARCHED_FIELDS.map((field) => ({ [field]: { contains: word, mode: "insensitive" as const } })) })),
    ],
  };
  return db().plan.findMany({ where, select: planSummarySelect, orderBy: { updatedAt: "desc" }, take: 200 });
}

/** The environments of the plans the user can see, for the list's filter (sorted, each once). */
export async function listPlanEnvironments(user: { id: string; role: "ADMIN" | "MEMBER" }): Promise<string[]> {
  const rows = await db().plan.findMany({
    where: { AND: [visibleTo(user), { environment: { not: null } }] },
    select: { environment: true },
    distinct: ["environment"],
    orderBy: { environment: "asc" },
    take: 100,
  });
  return rows.flatMap((row) => (row.environment ? [row.environment] : []));
}

export type PlanSummary = Awaited<ReturnType<typeof listPlansForUser>>[number];
