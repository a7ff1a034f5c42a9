import type { Prisma } from "@/lib/generated/prisma/client";
import type { PlanChange } from "@/lib/plan-state/change-schema";
import type { PlanEventPayload } from "@/lib/plan-state/events";
import type { LockedPlan } from "@/lib/plan-state/lock-plan";

/** The lead edits the plan's title and its sign-off and sharing settings. */
export async function writePlanSettings(tx: Prisma.TransactionClient, plan: LockedPlan, change: Extract<PlanChange, { type: "plan.edit" }>): Promise<PlanEventPayload> {
  const settings = await tx.plan.update({
    where: { id: plan.id },
    data: {
      title: change.title,
      allowSelfApproval: change.allowSelfApproval,
      hideCommandsInShare: change.hideCommandsInShare,
      shareShowsDiscussion: change.shareShowsDiscussion,
      // Read only when the plan rolls back (lib/plan-state/monitoring-checks.ts), so it is not part of the live settings.
      monitorAfterRollback: change.monitorAfterRollback,
    },
    select: { title: true, allowSelfApproval: true, hideCommandsInShare: true, shareShowsDiscussion: true },
  });
  return { type: "plan.edited", settings };
}
