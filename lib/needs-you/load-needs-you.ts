import { db } from "@/lib/db";
import type { PlanStatusName } from "@/lib/plan-state/lifecycle";
import type { PlanRoleName } from "@/lib/plan-state/permissions";
import { needsYou, type NeedsYouEntry } from "@/lib/needs-you/needs-you";
import type { GateBlocksName } from "@/lib/signoffs/gate-blocks";
import { gateStatus, type GateConfig, type GateKindName } from "@/lib/signoffs/gate-rules";
import { signatureLiveState } from "@/lib/signoffs/read-signoffs";

/** One plan's waiting signatures and decisions, with the plan's title for lists. */
export interface PlanNeedsYou {
  planTitle: string;
  entries: NeedsYouEntry[];
}

const UNFINISHED: PlanStatusName[] = ["DRAFT", "SCHEDULED", "IN_PROGRESS", "ROLLING_BACK"];

/**
 * What waits for this person, per plan (only plans where something does), across the plans
 * they sign on, or only the ones named. Three queries, whatever the number of plans.
 */
export async function loadNeedsYou(userId: string, options: { planIds?: readonly string[] } = {}): Promise<Map<string, PlanNeedsYou>> {
  const memberships = await db().planMember.findMany({
    where: {
      userId,
      role: { in: ["LEAD", "APPROVER"] },
      plan: { status: { in: UNFINISHED }, gates: { some: {} } },
      ...(options.planIds ? { planId: { in: [...options.planIds] } } : {}),
    },
    select: { planId: true, role: true, titles: true, plan: { select: { title: true, status: true, allowSelfApproval: true, updatedAt: true } } },
    orderBy: { plan: { updatedAt: "desc" } },
    take: 500,
  });
  if (!memberships.length) return new Map();
  const planIds = memberships.map((membership) => membership.planId);
  const [gates, signatures] = await Promise.all([
    db().gate.findMany({
      where: { planId: { in: planIds } },
      orderBy: [{ planId: "asc" }, { position: "asc" }],
      select: { id: true, planId: true, kind: true, title: true, decisionMakerRole: true, blocks: true, requiredItemIds: true, roles: { orderBy: { position: "asc" }, select: { title: true, quorum: true } } },
    }),
    db().gateSignature.findMany({
      where: { planId: { in: planIds }, supersededAt: null },
      orderBy: { createdAt: "asc" },
      select: { id: true, planId: true, gateId: true, title: true, userId: true, user: { select: { name: true } }, decision: true, comment: true, createdAt: true, staleAt: true, staleReason: true },
    }),
  ]);
  const result = new Map<string, PlanNeedsYou>();
  for (const membership of memberships) {
    const planSignatures = signatures.filter((signature) => signature.planId === membership.planId).map(signatureLiveState);
    const planGates = gates
      .filter((gate) => gate.planId === membership.planId)
      .map((gate): GateConfig => ({ ...gate, kind: gate.kind as GateKindName, blocks: gate.blocks as GateBlocksName }));
    // Whether the gate's required items are done does not change who it waits for.
    const withStatus = planGates.map((gate) => ({ gate, status: gateStatus({ ...gate, requiredItemIds: [] }, planSignatures, () => undefined) }));
    const entries = needsYou({
      userId,
      role: membership.role as PlanRoleName,
      titles: membership.titles,
      allowSelfApproval: membership.plan.allowSelfApproval,
      status: membership.plan.status as PlanStatusName,
      gates: withStatus,
    });
    if (entries.length) result.set(membership.planId, { planTitle: membership.plan.title, entries });
  }
  return result;
}
