import { AppError } from "@/lib/errors";
import { itemAtVersion } from "@/lib/plan-state/item-at-version";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PlanChange } from "@/lib/plan-state/change-schema";
import type { PlanEventPayload } from "@/lib/plan-state/events";
import type { LockedPlan } from "@/lib/plan-state/lock-plan";
import { isSettled } from "@/lib/plans/progress";
import { writeItemPlanning } from "@/lib/planning/write-item-planning";

/**
 * `item.plan`: the lead sets a step's owners, dependencies or planned duration. The step's
 * version decides between two writers, as for ticks, and goes up by one; a settled step
 * keeps the planning it was carried out under.
 */
export async function writeItemPlanChange(tx: Prisma.TransactionClient, plan: LockedPlan, change: Extract<PlanChange, { type: "item.plan" }>): Promise<PlanEventPayload> {
  const item = await itemAtVersion(tx, plan, change.itemId, change.expectedVersion);
  if (isSettled(item.status)) throw new AppError("conflict", "This step is settled; its owners, dependencies and duration stay as they were when it was carried out.");

  const planning = await writeItemPlanning(tx, plan, item.id, { owners: change.owners, dependsOn: change.dependsOn, plannedMinutes: change.plannedMinutes });
  await tx.planItem.update({ where: { id: item.id }, data: { version: { increment: 1 } } });
  return { type: "item.planned", item: { ...item, version: item.version + 1 }, planning };
}
