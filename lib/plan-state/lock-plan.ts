import type { Prisma } from "@/lib/generated/prisma/client";
import type { PlanStatusName } from "@/lib/plan-state/lifecycle";
import type { PlanRoleName } from "@/lib/plan-state/permissions";

/** The plan as the one writer sees it under the plan's row lock, with the actor's membership. */
export interface LockedPlan {
  id: string;
  title: string;
  status: PlanStatusName;
  lastSeq: number;
  allowSelfApproval: boolean;
  hideCommandsInShare: boolean;
  shareShowsDiscussion: boolean;
  role: PlanRoleName | null;
  titles: string[];
}

/**
 * Locks the plan's row for the rest of the transaction. Every writer to a plan takes this
 * lock first, which is what serialises them and keeps the event sequence gap-free.
 */
export async function lockPlan(tx: Prisma.TransactionClient, planId: string, userId: string): Promise<LockedPlan | null> {
  const rows = await tx.$queryRaw<LockedPlan[]>`
    SELECT p.id, p.title, p.status::text AS status, p."lastSeq", p."allowSelfApproval", p."hideCommandsInShare", p."shareShowsDiscussion",
           m.role::text AS role, COALESCE(m.titles, ARRAY[]::text[]) AS titles
      FROM "Plan" p
      LEFT JOIN "PlanMember" m ON m."planId" = p.id AND m."userId" = ${userId}
     WHERE p.id = ${planId}
       FOR UPDATE OF p`;
  return rows[0] ?? null;
}
