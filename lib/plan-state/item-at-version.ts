import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ItemLiveState } from "@/lib/plan-state/events";
import { itemsMayChange } from "@/lib/plan-state/lifecycle";
import type { LockedPlan } from "@/lib/plan-state/lock-plan";

/**
 * A step that a change about it (its planning, its HTTP check) is about to rewrite, read in the
 * one writer's transaction: 409 on a finished plan, 404 when it is not the plan's, and 409 with
 * its fresh state when someone changed it since the sender saw `expectedVersion` — as for ticks.
 */
export async function itemAtVersion(tx: Prisma.TransactionClient, plan: LockedPlan, itemId: string, expectedVersion: number): Promise<ItemLiveState> {
  if (!itemsMayChange(plan.status)) throw new AppError("conflict", "This plan has finished; its steps can no longer change.");
  const item = await tx.planItem.findFirst({
    where: { id: itemId, planId: plan.id },
    select: { id: true, status: true, statusNote: true, measuredValue: true, statusAt: true, version: true, statusByName: true, statusBy: { select: { name: true } } },
  });
  if (!item) throw new AppError("not_found", "This item is not part of the plan.");
  const live: ItemLiveState = {
    id: item.id,
    status: item.status,
    statusNote: item.statusNote,
    measuredValue: item.measuredValue,
    statusAt: item.statusAt?.toISOString() ?? null,
    changedBy: item.statusBy?.name ?? item.statusByName,
    version: item.version,
  };
  if (item.version !== expectedVersion) throw new AppError("conflict", "Someone changed this step first. It now shows their update.", { item: live });
  return live;
}
