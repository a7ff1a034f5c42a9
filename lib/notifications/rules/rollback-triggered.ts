import type { NotificationToSend } from "@/lib/notifications/notify";
import type { NotificationRule } from "@/lib/notifications/rules/notification-rule";
import { loadPlanAudience, planEventOf, quoted, type PlanAudience } from "@/lib/notifications/rules/plan-audience";

/** Everyone on the plan but the person who triggered it hears of a rollback, and why. */
export function rollbackNotices(plan: Pick<PlanAudience, "planId" | "title" | "members">, actorId: string | null, eventId: string, reason: string | null): NotificationToSend[] {
  const why = reason?.trim() ? `Reason: ${reason.trim()}` : "No reason was given.";
  return plan.members
    .filter((member) => member.userId !== actorId)
    .map((member) => ({
      userId: member.userId,
      planId: plan.planId,
      kind: "ROLLBACK_TRIGGERED" as const,
      title: `Rollback triggered: ${quoted(plan.title)}`,
      body: `${quoted(plan.title)} is rolling back. ${why}`,
      href: `/plans/${plan.planId}`,
      dedupeKey: `rollback:${plan.planId}:${eventId}`,
    }));
}

export const rollbackTriggeredRule: NotificationRule = async (event, tx) => {
  const payload = planEventOf(event);
  if (payload?.type !== "plan.status" || payload.status !== "ROLLING_BACK" || payload.previousStatus === "ROLLING_BACK") return [];
  const plan = await loadPlanAudience(tx, event.planId);
  return plan ? rollbackNotices(plan, event.actorId, event.id, payload.reason) : [];
};
