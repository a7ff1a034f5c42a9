import { db } from "@/lib/db";

export const planSummarySelect = {
  id: true,
  title: true,
  environment: true,
  version: true,
  status: true,
  updatedAt: true,
} as const;

/** Plans the user takes part in (every plan, for an admin), most recently changed first. */
export function listPlansForUser(user: { id: string; role: "ADMIN" | "MEMBER" }) {
  return db().plan.findMany({
    where: user.role === "ADMIN" ? {} : { members: { some: { userId: user.id } } },
    select: planSummarySelect,
    orderBy: { updatedAt: "desc" },
    take: 200,
  });
}

export type PlanSummary = Awaited<ReturnType<typeof listPlansForUser>>[number];
