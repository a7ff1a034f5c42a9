import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PlanChange } from "@/lib/plan-state/change-schema";
import type { PlanEventPayload } from "@/lib/plan-state/events";
import { itemsMayChange } from "@/lib/plan-state/lifecycle";
import type { LockedPlan } from "@/lib/plan-state/lock-plan";
import { isSettled } from "@/lib/plans/progress";
import { writeItemPlanning } from "@/lib/planning/write-item-planning";

/**
 * `item.plan`: the lead sets a step's owners, dependencies or planned duration. The step's
 * version decides between two writers, as for ticks, and goes up by one; a settled step
 * keeps the planning it was carried out under.
 */
export async function writeItemPlanChange(tx: Prisma.TransactionClient, plan: LockedPlan, change: Extract<PlanChange, { type: "item.plan" }>): Promise<PlanEventPayload> {
  if (!itemsMayChange(plan.status)) throw new AppError("conflict", "This plan has finished; its steps can no longer change.");
  const item = await tx.planItem.findFirst({
    where: { id: change.itemId, planId: plan.id },
    select: { id: true, status: true, statusNote: true, measuredValue: true, statusAt: true, version: true, statusByName: true, statusBy: { select: { name: true } } },
  });
  if (!item) throw new AppError("not_found", "This item is not part of the plan.");
  const live = {
    id: item.id,
    status: item.status,
    statusNote: item.statusNote,
    measuredValue: item.measuredValue,
    statusAt: item.statusAt?.toISOString() ?? null,
    changedBy: item.statusBy?.name ?? item.statusByName,
    version: item.version,
  };
  if (item.version !== change.expectedVersion) throw new AppError("conflict", "Someone changed this step first. It now shows their update.", { item: live });
  if (isSettled(item.status)) throw new AppError("conflict", "This step is settled; its owners, dependencies and duration stay as they were when it was carried out.");

  const planning = await writeItemPlanning(tx, plan, item.id, { owners: change.owners, dependsOn: change.dependsOn, plannedMinutes: change.plannedMinutes });
  await tx.planItem.update({ where: { id: item.id }, data: { version: { increment: 1 } } });
  return { type: "item.planned", item: { ...live, version: item.version + 1 }, planning };
}
