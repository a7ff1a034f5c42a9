import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * A plan with everything its page shows, in document order, for a member of the plan (or an
 * admin). Anyone else gets the same 404 as for a plan that does not exist.
 */
export async function getPlanForUser(planId: string, user: { id: string; role: "ADMIN" | "MEMBER" }) {
  const plan = await db().plan.findFirst({
    where: { id: planId, ...(user.role === "ADMIN" ? {} : { members: { some: { userId: user.id } } }) },
    include: {
      sections: { orderBy: { position: "asc" } },
      items: {
        orderBy: { position: "asc" },
        include: { statusBy: { select: { id: true, name: true } } },
      },
      gates: { orderBy: { position: "asc" }, include: { roles: { orderBy: { position: "asc" } } } },
      createdBy: { select: { id: true, name: true } },
      members: { where: { userId: user.id }, select: { role: true, titles: true } },
    },
  });
  if (!plan) throw new AppError("not_found", "This plan does not exist, or you cannot see it.");
  return plan;
}

export type PlanWithStructure = Awaited<ReturnType<typeof getPlanForUser>>;
export type PlanSectionRow = PlanWithStructure["sections"][number];
export type PlanItemRow = PlanWithStructure["items"][number];
