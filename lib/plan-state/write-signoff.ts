import { AppError } from "@/lib/errors";
import { changeTime } from "@/lib/plan-state/change-clock";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PlanChange } from "@/lib/plan-state/change-schema";
import type { PlanEventPayload } from "@/lib/plan-state/events";
import type { Actor } from "@/lib/plan-state/plan-access";
import type { LockedPlan } from "@/lib/plan-state/lock-plan";
import { gatedActionBlockedBy, type ActionBlock, type GatedAction } from "@/lib/signoffs/gate-blocks";
import { checkSignature, coveredItemsAt, gateStatus, type SignRequest } from "@/lib/signoffs/gate-rules";
import { liveConfigOf, loadGateConfigs, loadSignaturesInForce, signatureLiveState } from "@/lib/signoffs/read-signoffs";

type Tx = Prisma.TransactionClient;
type SignChange = Extract<PlanChange, { type: "gate.sign" | "gate.decide" }>;
type ConfigureChange = Extract<PlanChange, { type: "gate.configure" }>;

async function findGate(tx: Tx, planId: string, gateId: string) {
  const gate = (await loadGateConfigs(tx, planId)).find((candidate) => candidate.id === gateId);
  if (!gate) throw new AppError("not_found", "This gate is not part of the plan.");
  return gate;
}

/**
 * An approval, a rejection or a Go/No-Go decision. It records the versions of the items
 * settled at this moment (what it approves), and replaces the same person's earlier
 * signature for the same title, so one person's latest word is the one that counts.
 */
export async function writeSignature(tx: Tx, plan: LockedPlan, change: SignChange, actor: Actor): Promise<PlanEventPayload> {
  const gate = await findGate(tx, plan.id, change.gateId);
  const items = await tx.planItem.findMany({ where: { planId: plan.id }, select: { id: true, status: true, version: true } });
  const statusById = new Map(items.map((item) => [item.id, item.status]));
  const { openRequiredItemIds } = gateStatus(gate, [], (itemId) => statusById.get(itemId));

  const request: SignRequest = change.type === "gate.sign" ? { kind: "sign", title: change.title, decision: change.decision } : { kind: "decide", decision: change.decision };
  const check = checkSignature(gate, { role: plan.role, titles: plan.titles }, request, { allowSelfApproval: plan.allowSelfApproval, openRequiredItemIds });
  if (!check.ok) throw new AppError(check.code, check.message, check.code === "conflict" ? { openItemIds: openRequiredItemIds } : undefined);

  const title = change.type === "gate.sign" ? change.title : null;
  const now = changeTime();
  const previous = await tx.gateSignature.findFirst({ where: { gateId: gate.id, userId: actor.id, title, supersededAt: null }, select: { id: true } });
  if (previous) await tx.gateSignature.update({ where: { id: previous.id }, data: { supersededAt: now } });
  const created = await tx.gateSignature.create({
    data: {
      planId: plan.id,
      gateId: gate.id,
      title,
      userId: actor.id,
      decision: change.decision,
      comment: (change.type === "gate.sign" ? change.comment : change.rationale) || null,
      coveredItems: coveredItemsAt(items),
      createdAt: now,
    },
    select: { id: true, gateId: true, title: true, userId: true, user: { select: { name: true } }, decision: true, comment: true, createdAt: true, staleAt: true, staleReason: true },
  });
  return { type: "gate.signed", signature: signatureLiveState(created), supersededId: previous?.id ?? null };
}

/** The lead sets which items a gate waits for and how many holders of each title must sign. */
export async function writeGateConfiguration(tx: Tx, plan: LockedPlan, change: ConfigureChange): Promise<PlanEventPayload> {
  const gate = await findGate(tx, plan.id, change.gateId);
  if (change.requiredItemIds) {
    const found = await tx.planItem.count({ where: { planId: plan.id, id: { in: change.requiredItemIds } } });
    if (found !== new Set(change.requiredItemIds).size) throw new AppError("unprocessable", "Some of the required items are not part of this plan.");
    await tx.gate.update({ where: { id: gate.id }, data: { requiredItemIds: [...new Set(change.requiredItemIds)] } });
  }
  if (change.blocks) await tx.gate.update({ where: { id: gate.id }, data: { blocks: change.blocks } });
  for (const { title, quorum } of change.quorums ?? []) {
    const updated = await tx.gateRole.updateMany({ where: { gateId: gate.id, title }, data: { quorum } });
    if (updated.count === 0) throw new AppError("unprocessable", `${gate.title} does not need a ${title} sign-off.`);
  }
  const fresh = await findGate(tx, plan.id, gate.id);
  return { type: "gate.configured", gateId: gate.id, config: liveConfigOf(fresh) };
}

/** Why the plan may not start (or complete) now, or null: the gates that hold back this action and are not satisfied. */
export async function gatedActionBlock(tx: Tx, planId: string, action: GatedAction): Promise<ActionBlock | null> {
  const gates = await loadGateConfigs(tx, planId);
  if (!gates.length) return null;
  const [signatures, items] = await Promise.all([loadSignaturesInForce(tx, planId), tx.planItem.findMany({ where: { planId }, select: { id: true, status: true } })]);
  const statusById = new Map(items.map((item) => [item.id, item.status]));
  return gatedActionBlockedBy(action, gates.map((gate) => ({ gate, status: gateStatus(gate, signatures, (itemId) => statusById.get(itemId)) })));
}
