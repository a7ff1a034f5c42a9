import { itemAtVersion } from "@/lib/plan-state/item-at-version";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PlanChange } from "@/lib/plan-state/change-schema";
import type { PlanEventPayload } from "@/lib/plan-state/events";
import type { LockedPlan } from "@/lib/plan-state/lock-plan";
import { Prisma as PrismaNamespace } from "@/lib/generated/prisma/client";

/**
 * `item.check`: the lead sets, changes or removes a step's HTTP check. The step's version
 * decides between two writers, as for ticks, and goes up by one.
 */
export async function writeItemCheck(tx: Prisma.TransactionClient, plan: LockedPlan, change: Extract<PlanChange, { type: "item.check" }>): Promise<PlanEventPayload> {
  const item = await itemAtVersion(tx, plan, change.itemId, change.expectedVersion);
  await tx.planItem.update({
    where: { id: item.id },
    data: { httpCheck: change.check ?? PrismaNamespace.DbNull, version: { increment: 1 } },
  });
  return { type: "item.checkSet", item: { ...item, version: item.version + 1 }, check: change.check };
}
