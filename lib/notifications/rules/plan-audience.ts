import type { DatabaseOrTransaction } from "@/lib/db";
import type { PlanEventPayload } from "@/lib/plan-state/events";
import type { PlanStatusName } from "@/lib/plan-state/lifecycle";
import type { PlanRoleName } from "@/lib/plan-state/permissions";
import type { CommittedEvent } from "@/lib/notifications/rules/notification-rule";

/** A member of the plan as the rules need them: only members are ever notified about a plan. */
export interface AudienceMember {
  userId: string;
  role: PlanRoleName;
  titles: readonly string[];
}

export interface PlanAudience {
  planId: string;
  title: string;
  status: PlanStatusName;
  allowSelfApproval: boolean;
  members: AudienceMember[];
}

/**
 * The event a PlanEvent row records. The row's payload is `{ actor, event }` (apply-plan-change.ts);
 * a bare event is accepted too, so a rule does not care which of the two the worker hands over.
 */
export function planEventOf(event: CommittedEvent): PlanEventPayload | null {
  const payload = event.payload as { event?: { type?: unknown } } | { type?: unknown } | null;
  if (!payload || typeof payload !== "object") return null;
  if ("event" in payload && payload.event && typeof payload.event.type === "string") return payload.event as PlanEventPayload;
  if ("type" in payload && typeof payload.type === "string") return payload as PlanEventPayload;
  return null;
}

/** The plan's name, status and members now (after the event committed); null when the plan is gone. */
export async function loadPlanAudience(tx: DatabaseOrTransaction, planId: string): Promise<PlanAudience | null> {
  const plan = await tx.plan.findUnique({
    where: { id: planId },
    select: { title: true, status: true, allowSelfApproval: true, members: { orderBy: { createdAt: "asc" }, select: { userId: true, role: true, titles: true } } },
  });
  if (!plan) return null;
  return {
    planId,
    title: plan.title,
    status: plan.status as PlanStatusName,
    allowSelfApproval: plan.allowSelfApproval,
    members: plan.members.map((member) => ({ userId: member.userId, role: member.role as PlanRoleName, titles: [...member.titles] })),
  };
}

const NAME_LENGTH = 80;

/** A plan's or gate's name as a notification quotes it: “Release 4.2”, cut when very long. */
export function quoted(name: string): string {
  const flat = name.replace(/\s+/g, " ").trim();
  return `“${flat.length > NAME_LENGTH ? `${flat.slice(0, NAME_LENGTH - 1)}…` : flat}”`;
}

/** A gate's own page (what it covers, who signed, the buttons): the exact place a sign-off notification leads to. */
export function gateHref(planId: string, gateId: string): string {
  return `/plans/${planId}/gates/${gateId}`;
}
