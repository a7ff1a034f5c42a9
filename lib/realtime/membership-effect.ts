import type { PlanEventWire } from "@/lib/plan-state/events";
import type { PlanRoleName } from "@/lib/plan-state/permissions";

/**
 * What a committed membership change means for the person's open sockets on the plan: a
 * removed member leaves the plan's room (unless they are an admin, who may read every plan);
 * a member whose role changed gets the new role on their sockets (shown in presence; every
 * handler re-reads the role from the database before it acts).
 */
export type MembershipEffect =
  | { kind: "removed"; planId: string; userId: string }
  | { kind: "role"; planId: string; userId: string; role: PlanRoleName };

export function membershipEffectOf(message: PlanEventWire): MembershipEffect | null {
  const event = message.event;
  if (event.type === "member.removed") return { kind: "removed", planId: message.planId, userId: event.userId };
  if (event.type === "member.set" && event.previousRole !== null && event.previousRole !== event.member.role) {
    return { kind: "role", planId: message.planId, userId: event.member.userId, role: event.member.role };
  }
  return null;
}

/** What a removed member's page is told, so it can say why the plan stopped updating. */
export const ACCESS_LOST_MESSAGE = "You were removed from this plan, so it no longer updates here.";
