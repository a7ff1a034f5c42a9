import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { mayPerform, type PlanRoleName } from "@/lib/plan-state/permissions";

/**
 * Who takes part in a plan, its share links and its sign-off settings, for the plan's
 * members page. Members (and admins) may read it; only a lead may change it.
 */
export async function getPlanPeople(planId: string, user: { id: string; role: "ADMIN" | "MEMBER" }) {
  const plan = await db().plan.findUnique({
    where: { id: planId },
    select: {
      id: true,
      title: true,
      allowSelfApproval: true,
      hideCommandsInShare: true,
      shareShowsDiscussion: true,
      monitorAfterRollback: true,
      members: {
        orderBy: [{ role: "asc" }, { createdAt: "asc" }],
        select: { role: true, titles: true, user: { select: { id: true, name: true, email: true, active: true } } },
      },
      shareLinks: {
        orderBy: { createdAt: "desc" },
        select: { id: true, createdAt: true, revokedAt: true, createdBy: { select: { name: true } } },
      },
      gates: {
        orderBy: { position: "asc" },
        select: { id: true, title: true, kind: true, decisionMakerRole: true, blocks: true, requiredItemIds: true, roles: { orderBy: { position: "asc" }, select: { title: true, quorum: true } } },
      },
      items: { orderBy: { position: "asc" }, select: { id: true, text: true } },
    },
  });
  const role: PlanRoleName | null = plan?.members.find((member) => member.user.id === user.id)?.role ?? null;
  if (!plan || !mayPerform(role, "read", { isAdmin: user.role === "ADMIN" })) throw new AppError("not_found", "This plan does not exist, or you cannot see it.");
  // The titles the plan's gates ask for, offered when assigning titles to members.
  const signOffTitles = [...new Set(plan.gates.flatMap((gate) => [...gate.roles.map((entry) => entry.title), ...(gate.decisionMakerRole ? [gate.decisionMakerRole] : [])]))];
  return { ...plan, role, mayManage: mayPerform(role, "manage"), signOffTitles };
}

export type PlanPeople = Awaited<ReturnType<typeof getPlanPeople>>;
