import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { planSummarySelect } from "@/lib/plans/list-plans";
import { assertMayRead, type Actor } from "@/lib/plan-state/plan-access";

/** A plan's summary and the caller's role on it (null for an administrator who is not a member); 404 for a plan they cannot see. */
export async function getPlanSummary(planId: string, actor: Actor) {
  const role = await assertMayRead(planId, actor);
  const plan = await db().plan.findUnique({ where: { id: planId }, select: { ...planSummarySelect, createdAt: true, lastSeq: true } });
  if (!plan) throw new AppError("not_found", "This plan does not exist, or you cannot see it.");
  return { ...plan, role };
}
