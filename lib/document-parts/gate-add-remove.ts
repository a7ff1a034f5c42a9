import { randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Gate, PlanDocument } from "@/lib/plan-document/schema";
import { findSection } from "@/lib/plan-document/walk";
import { gateRows } from "@/lib/plans/plan-rows";
import type { LockedPlan } from "@/lib/plan-state/lock-plan";
import { liveConfigOf } from "@/lib/signoffs/read-signoffs";
import type { GateBlocksName } from "@/lib/signoffs/gate-blocks";
import type { GateAdd, GateRemove } from "@/lib/document-parts/part-change-schema";
import { decideDocumentPartEdit } from "@/lib/document-parts/part-edit-rules";
import type { DocumentPartEventPayload, GateSnapshot, RemovedGate } from "@/lib/document-parts/part-events";
import { partHash } from "@/lib/document-parts/part-hash";
import { placeNewGate } from "@/lib/document-parts/place-new-gate";

type Tx = Prisma.TransactionClient;

/** Undo of a gate's removal: the gate put back as it was (never sent by a client). */
export interface GateRestore {
  type: "gate.restore";
  index: number;
  gate: RemovedGate & { title: string; decisionMaker: string | null; roles: { title: string; quorum: number }[] };
}

interface GateEditResult {
  document: PlanDocument;
  event: DocumentPartEventPayload;
}

function allow(type: "gate.add" | "gate.remove", plan: LockedPlan, gateSigned = false): void {
  const decision = decideDocumentPartEdit({ type, planStatus: plan.status, gateSigned });
  if (!decision.ok) throw new AppError("conflict", decision.message);
}

/** The document's entry for a new gate: its title as the caption, the titles as blank lines to sign. */
export function newGateEntry(change: GateAdd, sectionId: string): Gate {
  const base = { id: `gate-${randomBytes(6).toString("hex")}`, sectionId, label: change.title };
  if (change.kind === "go-no-go") return { ...base, kind: "go-no-go", decisionMaker: change.decisionMaker, decisionOptions: ["GO", "NO-GO"], roles: [] };
  return { ...base, kind: "sign-off", decisionOptions: [], roles: (change.roles ?? []).map((role) => ({ role: role.title, required: true, signed: false, signedBy: "" })) };
}

/** The next free position among the plan's gates (positions order them; a removed gate leaves a gap). */
async function nextPosition(tx: Tx, planId: string): Promise<number> {
  const last = await tx.gate.findFirst({ where: { planId }, orderBy: { position: "desc" }, select: { position: true } });
  return (last?.position ?? -1) + 1;
}

export async function addGate(tx: Tx, plan: LockedPlan, document: PlanDocument, change: GateAdd): Promise<GateEditResult> {
  allow("gate.add", plan);
  const place = placeNewGate(document);
  if (place === undefined) throw new AppError("conflict", "Every section of this plan already has a gate. Add a section for the new gate first.");
  const entry = newGateEntry(change, place.sectionId);
  const withGate = { ...document, gates: document.gates.toSpliced(place.index, 0, entry) };
  // The row as creating the plan would make it (its kind and what it holds back), with the quorums asked for.
  const { id: _unused, position: _documentPosition, roles: _defaultQuorums, ...row } = gateRows(withGate)[place.index]!;
  const roles = change.kind === "sign-off" ? (change.roles ?? []) : [];
  const created = await tx.gate.create({
    data: { ...row, planId: plan.id, position: await nextPosition(tx, plan.id), roles: { create: roles.map((role, position) => ({ ...role, position })) } },
    select: { id: true, title: true, decisionMakerRole: true, blocks: true, requiredItemIds: true },
  });
  const gate: GateSnapshot = { title: created.title, decisionMaker: created.decisionMakerRole, roles };
  return {
    document: withGate,
    event: { type: "gate.added", gateId: created.id, gate, config: liveConfigOf({ requiredItemIds: created.requiredItemIds, blocks: created.blocks as GateBlocksName, roles }) },
  };
}

export async function removeGate(tx: Tx, plan: LockedPlan, document: PlanDocument, change: GateRemove): Promise<GateEditResult> {
  const gate = await tx.gate.findFirst({
    where: { id: change.gateId, planId: plan.id },
    select: { id: true, documentKey: true, position: true, kind: true, title: true, decisionMakerRole: true, blocks: true, requiredItemIds: true, roles: { orderBy: { position: "asc" }, select: { title: true, quorum: true } } },
  });
  if (!gate) throw new AppError("not_found", "This gate is not part of the plan.");
  const before: GateSnapshot = { title: gate.title, decisionMaker: gate.decisionMakerRole, roles: gate.roles };
  if (partHash(before) !== change.expectedHash) {
    throw new AppError("conflict", `Someone changed the gate “${gate.title}” first. It now shows their update.`, { gate: { ...before, hash: partHash(before) } });
  }
  const signed = (await tx.gateSignature.count({ where: { gateId: gate.id, supersededAt: null, staleAt: null } })) > 0;
  allow("gate.remove", plan, signed);
  const index = document.gates.findIndex((entry) => entry.id === gate.documentKey);
  const entry = document.gates[index];
  if (!entry) throw new AppError("unprocessable", `The gate “${gate.title}” is missing from this plan's document, so it cannot be removed.`);
  // Signatures no longer in force (stale or superseded) go with the gate.
  await tx.gate.delete({ where: { id: gate.id } });
  const removed: RemovedGate = {
    entry,
    row: { documentKey: gate.documentKey, position: gate.position, kind: gate.kind, blocks: gate.blocks as GateBlocksName, requiredItemIds: gate.requiredItemIds },
  };
  return { document: { ...document, gates: document.gates.toSpliced(index, 1) }, event: { type: "gate.removed", gateId: gate.id, before, index, removed } };
}

export async function restoreGate(tx: Tx, plan: LockedPlan, document: PlanDocument, change: GateRestore): Promise<GateEditResult> {
  allow("gate.add", plan);
  const { entry, row, title, decisionMaker, roles } = change.gate;
  if (entry.sectionId !== null && !findSection(document, entry.sectionId)) {
    throw new AppError("conflict", "The section this gate was in has been removed since, so undoing would leave the gate nowhere. Add the gate again instead.");
  }
  if (document.gates.some((gate) => gate.sectionId === entry.sectionId)) {
    throw new AppError("conflict", "Another gate took this gate's place after it was removed, so undoing would put two gates in one section. Add the gate again instead.");
  }
  const taken = await tx.gate.findFirst({ where: { planId: plan.id, position: row.position }, select: { id: true } });
  // Steps it waited for that were removed since are no longer there to wait for.
  const stillThere = await tx.planItem.findMany({ where: { planId: plan.id, id: { in: row.requiredItemIds } }, select: { id: true } });
  const requiredItemIds = row.requiredItemIds.filter((id) => stillThere.some((item) => item.id === id));
  const created = await tx.gate.create({
    data: {
      ...row,
      requiredItemIds,
      planId: plan.id,
      position: taken ? await nextPosition(tx, plan.id) : row.position,
      title,
      decisionMakerRole: decisionMaker,
      roles: { create: roles.map((role, position) => ({ ...role, position })) },
    },
    select: { id: true },
  });
  return {
    document: { ...document, gates: document.gates.toSpliced(Math.min(change.index, document.gates.length), 0, entry) },
    event: { type: "gate.added", gateId: created.id, gate: { title, decisionMaker, roles }, config: liveConfigOf({ requiredItemIds, blocks: row.blocks, roles }) },
  };
}
