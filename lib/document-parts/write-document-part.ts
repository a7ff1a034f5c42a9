import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { planDocumentSchema, type GateRole, type PlanDocument } from "@/lib/plan-document/schema";
import type { DocumentPartChange, GateEdit } from "@/lib/document-parts/part-change-schema";
import { decideDocumentPartEdit } from "@/lib/document-parts/part-edit-rules";
import { editDocumentPart, type PartEdit, type PartRestore } from "@/lib/document-parts/edit-document-parts";
import type { DocumentPartEventPayload, GateSnapshot } from "@/lib/document-parts/part-events";
import { partHash } from "@/lib/document-parts/part-hash";
import { addGate, removeGate, restoreGate, type GateRestore } from "@/lib/document-parts/gate-add-remove";
import type { LockedPlan } from "@/lib/plan-state/lock-plan";
import { liveConfigOf } from "@/lib/signoffs/read-signoffs";
import type { GateBlocksName } from "@/lib/signoffs/gate-blocks";

type Tx = Prisma.TransactionClient;

/**
 * An edit of a gate, a rollback trigger, a table or a message, inside the one writer's
 * transaction under the plan's lock: the document (and for a gate its rows) is written here,
 * the event by the caller with the plan's next sequence number.
 */
export async function writeDocumentPartChange(tx: Tx, plan: LockedPlan, change: DocumentPartChange | PartRestore | GateRestore): Promise<DocumentPartEventPayload> {
  const stored = await tx.plan.findUniqueOrThrow({ where: { id: plan.id }, select: { document: true } });
  const parsed = planDocumentSchema.safeParse(stored.document);
  if (!parsed.success) throw new AppError("unprocessable", "This plan's stored document could not be read, so it cannot be edited.");
  const edit = await editPart(tx, plan, parsed.data, change);
  await tx.plan.update({ where: { id: plan.id }, data: { document: edit.document as unknown as Prisma.InputJsonValue } });
  return edit.event;
}

function editPart(tx: Tx, plan: LockedPlan, document: PlanDocument, change: DocumentPartChange | PartRestore | GateRestore): Promise<PartEdit> | PartEdit {
  switch (change.type) {
    case "gate.edit":
      return editGate(tx, plan, document, change);
    case "gate.add":
      return addGate(tx, plan, document, change);
    case "gate.remove":
      return removeGate(tx, plan, document, change);
    case "gate.restore":
      return restoreGate(tx, plan, document, change);
    default:
      return editDocumentPart(document, change, plan.status);
  }
}

/** The gate as its hash covers it: what gate.edit can change. */
export function gateSnapshot(gate: { title: string; decisionMakerRole: string | null; roles: { title: string; quorum: number }[] }): GateSnapshot {
  return { title: gate.title, decisionMaker: gate.decisionMakerRole, roles: gate.roles.map(({ title, quorum }) => ({ title, quorum })) };
}

const titlesOf = (snapshot: GateSnapshot) => JSON.stringify(snapshot.roles.map((role) => role.title));

async function editGate(tx: Tx, plan: LockedPlan, document: PlanDocument, change: GateEdit): Promise<PartEdit> {
  const gate = await tx.gate.findFirst({
    where: { id: change.gateId, planId: plan.id },
    select: { id: true, documentKey: true, title: true, decisionMakerRole: true, blocks: true, requiredItemIds: true, roles: { orderBy: { position: "asc" }, select: { title: true, quorum: true } } },
  });
  if (!gate) throw new AppError("not_found", "This gate is not part of the plan.");
  const before = gateSnapshot(gate);
  if (partHash(before) !== change.expectedHash) {
    throw new AppError("conflict", `Someone changed the gate “${gate.title}” first. It now shows their update.`, { gate: { ...before, hash: partHash(before) } });
  }
  const after: GateSnapshot = {
    title: change.title ?? before.title,
    decisionMaker: change.decisionMaker === undefined ? before.decisionMaker : change.decisionMaker || null,
    roles: change.roles ?? before.roles,
  };
  const signed = (await tx.gateSignature.count({ where: { gateId: gate.id, supersededAt: null, staleAt: null } })) > 0;
  const wordingChanges = after.title !== before.title || after.decisionMaker !== before.decisionMaker || titlesOf(after) !== titlesOf(before);
  const decision = decideDocumentPartEdit({ type: "gate.edit", planStatus: plan.status, gateSigned: signed, gateWordingChanges: wordingChanges });
  if (!decision.ok) throw new AppError("conflict", decision.message);

  await tx.gate.update({ where: { id: gate.id }, data: { title: after.title, decisionMakerRole: after.decisionMaker } });
  await tx.gateRole.deleteMany({ where: { gateId: gate.id } });
  await tx.gateRole.createMany({ data: after.roles.map((role, position) => ({ gateId: gate.id, position, title: role.title, quorum: role.quorum })) });

  const gates = document.gates.map((entry) => {
    if (entry.id !== gate.documentKey) return entry;
    // A title kept keeps what the document says of it (optional, signed by whom); a new one is a blank line to sign.
    const roles = after.roles.map((role): GateRole => entry.roles.find((old) => old.role === role.title) ?? { role: role.title, required: true, signed: false, signedBy: "" });
    const { decisionMaker: _old, label, ...rest } = entry;
    // The document names a gate only when it says more than its kind; a rename is such a name.
    const named = after.title !== before.title ? after.title : label;
    return { ...rest, ...(named !== undefined ? { label: named } : {}), roles, ...(after.decisionMaker !== null ? { decisionMaker: after.decisionMaker } : {}) };
  });
  return {
    document: { ...document, gates },
    event: {
      type: "gate.edited",
      gateId: gate.id,
      before,
      gate: after,
      config: liveConfigOf({ requiredItemIds: gate.requiredItemIds, blocks: gate.blocks as GateBlocksName, roles: after.roles }),
    },
  };
}
