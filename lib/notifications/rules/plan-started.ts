import type { NotificationToSend } from "@/lib/notifications/notify";
import type { NotificationRule } from "@/lib/notifications/rules/notification-rule";
import { loadPlanAudience, planEventOf, quoted, type PlanAudience } from "@/lib/notifications/rules/plan-audience";

/** Everyone on the plan but the person who started it hears that it started. */
export function planStartedNotices(plan: Pick<PlanAudience, "planId" | "title" | "members">, actorId: string | null, eventId: string): NotificationToSend[] {
  return plan.members
    .filter((member) => member.userId !== actorId)
    .map((member) => ({
      userId: member.userId,
      planId: plan.planId,
      kind: "PLAN_STARTED" as const,
      title: `Started: ${quoted(plan.title)}`,
      body: `The deployment ${quoted(plan.title)} is under way.`,
      href: `/plans/${plan.planId}`,
      dedupeKey: `plan-started:${plan.planId}:${eventId}`,
    }));
}

export const planStartedRule: NotificationRule = async (event, tx) => {
  const payload = planEventOf(event);
  if (payload?.type !== "plan.status" || payload.status !== "IN_PROGRESS" || payload.previousStatus === "IN_PROGRESS") return [];
  const plan = await loadPlanAudience(tx, event.planId);
  return plan ? planStartedNotices(plan, event.actorId, event.id) : [];
};
