import type { DatabaseOrTransaction } from "@/lib/db";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { mayPerform, type PlanAction, type PlanRoleName } from "@/lib/plan-state/permissions";

export interface Actor {
  id: string;
  name: string;
  isAdmin: boolean;
  /** The system account that runs steps' HTTP checks (lib/checks/automation-actor.ts); it holds no plan role. */
  automation?: true;
}

/** The acting user as the plan-state module sees them. */
export function actorOf(user: { id: string; name: string; role: "ADMIN" | "MEMBER" }): Actor {
  return { id: user.id, name: user.name, isAdmin: user.role === "ADMIN" };
}

/** The actor's role on the plan, or null. */
export async function planRoleOf(planId: string, userId: string, client: DatabaseOrTransaction = db()): Promise<PlanRoleName | null> {
  const member = await client.planMember.findUnique({ where: { planId_userId: { planId, userId } }, select: { role: true } });
  return member?.role ?? null;
}

/**
 * Throws unless the actor may take `action` on the plan: a plan they cannot see is a 404 (its
 * existence is not revealed), an action beyond their role on a plan they can see is a 403.
 */
export function assertMay(role: PlanRoleName | null, action: PlanAction, actor: Pick<Actor, "isAdmin">): void {
  if (!mayPerform(role, "read", actor)) throw new AppError("not_found", "This plan does not exist, or you cannot see it.");
  if (!mayPerform(role, action, actor)) {
    throw new AppError("forbidden", role === "VIEWER" || !role ? "You are watching this plan; only its participants can change it." : "Your role on this plan does not allow this.");
  }
}

export async function assertMayRead(planId: string, actor: Actor): Promise<PlanRoleName | null> {
  const role = await planRoleOf(planId, actor.id);
  assertMay(role, "read", actor);
  return role;
}
