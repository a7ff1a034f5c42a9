import type { Prisma } from "@/lib/generated/prisma/client";
import type { PlanChange } from "@/lib/plan-state/change-schema";
import type { PlanEventPayload } from "@/lib/plan-state/events";
import type { LockedPlan } from "@/lib/plan-state/lock-plan";
import { assertPlanMessagesExist } from "@/lib/status-updates/update-text";

/** The lead edits the plan's title and its sign-off and sharing settings. */
export async function writePlanSettings(tx: Prisma.TransactionClient, plan: LockedPlan, change: Extract<PlanChange, { type: "plan.edit" }>): Promise<PlanEventPayload> {
  // A message chosen to go out by itself must be one of the plan's, or nothing would go out on the night.
  await assertPlanMessagesExist(tx, plan.id, [change.autoUpdateOnStart, change.autoUpdateOnComplete, change.autoUpdateOnRollback]);
  const settings = await tx.plan.update({
    where: { id: plan.id },
    data: {
      title: change.title,
      allowSelfApproval: change.allowSelfApproval,
      hideCommandsInShare: change.hideCommandsInShare,
      shareShowsDiscussion: change.shareShowsDiscussion,
      // Read only when the plan rolls back (lib/plan-state/monitoring-checks.ts), so it is not part of the live settings.
      monitorAfterRollback: change.monitorAfterRollback,
      // Status updates (lib/status-updates/): read when the plan runs, so not part of the live settings either.
      updateReminderMinutes: change.updateReminderMinutes,
      autoUpdateOnStart: change.autoUpdateOnStart,
      autoUpdateOnComplete: change.autoUpdateOnComplete,
      autoUpdateOnRollback: change.autoUpdateOnRollback,
    },
    select: { title: true, allowSelfApproval: true, hideCommandsInShare: true, shareShowsDiscussion: true },
  });
  return { type: "plan.edited", settings };
}
