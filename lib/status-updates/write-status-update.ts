import type { Prisma } from "@/lib/generated/prisma/client";
import type { PlanChange } from "@/lib/plan-state/change-schema";
import type { PlanEventMessage, PlanEventPayload } from "@/lib/plan-state/events";
import type { PlanStatusName } from "@/lib/plan-state/lifecycle";
import { enqueueDeliveries } from "@/lib/webhooks/enqueue-deliveries";
import { enqueueNotificationJob } from "@/lib/notifications/enqueue-notification-job";
import { mailStatusUpdate } from "@/lib/status-updates/mail-status-update";
import { fillPlanMessage, statusUpdateText } from "@/lib/status-updates/update-text";

type Tx = Prisma.TransactionClient;
type StatusUpdatePost = Extract<PlanChange, { type: "status-update.post" }>;
type StatusUpdateEvent = Extract<PlanEventPayload, { type: "status-update.posted" }>;

/** The lead's update as the event records it: the final text, filled now from the live state when it is one of the document's messages. */
export async function writeStatusUpdate(tx: Tx, plan: { id: string }, change: StatusUpdatePost, at: Date): Promise<StatusUpdateEvent> {
  const source = change.text !== undefined ? { text: change.text } : { messageName: change.messageName ?? "" };
  const { text, messageName } = await statusUpdateText(tx, plan.id, source, at);
  return { type: "status-update.posted", text, messageName };
}

/** Which plan setting names the message that goes out by itself when the plan enters this status. */
const AUTOMATIC_ON: Partial<Record<PlanStatusName, "autoUpdateOnStart" | "autoUpdateOnComplete" | "autoUpdateOnRollback">> = {
  IN_PROGRESS: "autoUpdateOnStart",
  COMPLETE: "autoUpdateOnComplete",
  ROLLING_BACK: "autoUpdateOnRollback",
};

/**
 * After a start, completion or rollback has been recorded as event `afterSeq`: when the lead
 * chose a message for it, records that message as the next event (`afterSeq + 1`), with its
 * webhooks and subscriber mails, in the same transaction. Returns the event to broadcast, or
 * null when nothing was set (or the chosen message has since been removed from the document).
 */
export async function recordAutomaticUpdate(
  tx: Tx,
  context: { planId: string; planTitle: string; status: PlanStatusName; afterSeq: number; actor: { id: string; name: string }; at: Date },
): Promise<PlanEventMessage | null> {
  const setting = AUTOMATIC_ON[context.status];
  if (!setting) return null;
  const plan = await tx.plan.findUnique({ where: { id: context.planId }, select: { [setting]: true } });
  const messageName = (plan as Record<string, string | null> | null)?.[setting];
  if (!messageName) return null;
  const filled = await fillPlanMessage(tx, context.planId, messageName, context.at);
  if (!filled) return null;
  const event: StatusUpdateEvent = { type: "status-update.posted", text: filled.text, messageName: filled.messageName };
  const seq = context.afterSeq + 1;
  await tx.plan.update({ where: { id: context.planId }, data: { lastSeq: seq } });
  const recorded = await tx.planEvent.create({
    data: { planId: context.planId, seq, type: event.type, actorId: context.actor.id, createdAt: context.at, payload: { actor: context.actor, event } as unknown as Prisma.InputJsonValue },
    select: { id: true },
  });
  await enqueueDeliveries(tx, { eventId: recorded.id, planId: context.planId, type: event.type });
  await enqueueNotificationJob(tx, recorded.id);
  await mailStatusUpdate(tx, { eventId: recorded.id, planId: context.planId, planTitle: context.planTitle, text: event.text });
  return { planId: context.planId, seq, at: context.at.toISOString(), actor: context.actor, event };
}
