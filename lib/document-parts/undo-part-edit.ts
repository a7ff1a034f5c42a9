import { isDeepStrictEqual } from "node:util";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { tableGrid } from "@/lib/import/export-blocks";
import type { PlanDocument } from "@/lib/plan-document/schema";
import type { DocumentPartChange, GateEdit, GateRemove } from "@/lib/document-parts/part-change-schema";
import { commsSnapshot, type DocumentChange, type PartRestore } from "@/lib/document-parts/edit-document-parts";
import type { DocumentOnlyPartEvent, DocumentPartEventPayload, GateSnapshot } from "@/lib/document-parts/part-events";
import { partHash } from "@/lib/document-parts/part-hash";
import { gateSnapshot, writeDocumentPartChange } from "@/lib/document-parts/write-document-part";
import type { GateRestore } from "@/lib/document-parts/gate-add-remove";
import { planDocumentSchema } from "@/lib/plan-document/schema";
import type { LockedPlan } from "@/lib/plan-state/lock-plan";

type Tx = Prisma.TransactionClient;

const changedSince = (what: string) => new AppError("conflict", `${what} changed after your edit, so undoing it would lose that change. Edit it directly instead.`);
// Events come back from a jsonb column, which does not keep the order of an object's keys.
const same = (a: unknown, b: unknown) => isDeepStrictEqual(a, b);

/**
 * Undo of an edit of a gate, trigger, table or message: the edit that puts the part back as
 * it was, written like any other (rules by status included), its event naming the undone
 * one. Refused with 409 when the part changed since, as structural undo is.
 */
export async function undoDocumentPartEdit(tx: Tx, plan: LockedPlan, target: { seq: number; event: DocumentPartEventPayload }): Promise<DocumentPartEventPayload> {
  let inverse: DocumentPartChange | PartRestore | GateRestore;
  if (target.event.type === "gate.added" || target.event.type === "gate.removed") {
    inverse = await inverseGateAddOrRemove(tx, plan, target.event);
  } else if (target.event.type === "gate.edited") {
    const gate = await tx.gate.findFirst({
      where: { id: target.event.gateId, planId: plan.id },
      select: { title: true, decisionMakerRole: true, roles: { orderBy: { position: "asc" }, select: { title: true, quorum: true } } },
    });
    inverse = inverseGateEdit(target.event, gate ? gateSnapshot(gate) : null);
  } else {
    const stored = await tx.plan.findUniqueOrThrow({ where: { id: plan.id }, select: { document: true } });
    inverse = inversePartEdit(planDocumentSchema.parse(stored.document), target.event);
  }
  return { ...(await writeDocumentPartChange(tx, plan, inverse)), undoOf: target.seq };
}

/** Undo of an added gate removes it (if nobody changed it since); of a removed one puts it back whole. */
async function inverseGateAddOrRemove(tx: Tx, plan: LockedPlan, event: Extract<DocumentPartEventPayload, { type: "gate.added" | "gate.removed" }>): Promise<GateRemove | GateRestore> {
  if (event.type === "gate.removed") return { type: "gate.restore", index: event.index, gate: { ...event.removed, ...event.before } };
  const gate = await tx.gate.findFirst({
    where: { id: event.gateId, planId: plan.id },
    select: { title: true, decisionMakerRole: true, roles: { orderBy: { position: "asc" }, select: { title: true, quorum: true } } },
  });
  const current = gate ? gateSnapshot(gate) : null;
  if (!current || !same(current, event.gate)) throw changedSince(`The gate “${event.gate.title}”`);
  return { type: "gate.remove", gateId: event.gateId, expectedHash: partHash(current) };
}

export function inverseGateEdit(event: Extract<DocumentPartEventPayload, { type: "gate.edited" }>, current: GateSnapshot | null): GateEdit {
  if (!current || !same(current, event.gate)) throw changedSince(`The gate “${event.gate.title}”`);
  return { type: "gate.edit", gateId: event.gateId, expectedHash: partHash(current), title: event.before.title, roles: event.before.roles, decisionMaker: event.before.decisionMaker };
}

/** Pure: the edit that reverts `event` on `document` as it stands now. */
export function inversePartEdit(document: PlanDocument, event: DocumentOnlyPartEvent): DocumentChange {
  const triggers = document.rollback.triggers;
  switch (event.type) {
    case "trigger.added":
      if (triggers[event.index]?.text !== event.trigger.text) throw changedSince("The rollback triggers");
      return { type: "trigger.remove", index: event.index, expectedText: event.trigger.text };
    case "trigger.edited":
      if (triggers[event.index]?.text !== event.trigger.text) throw changedSince("The rollback triggers");
      return { type: "trigger.edit", index: event.index, expectedText: event.trigger.text, text: event.before.text };
    case "trigger.removed":
      return { type: "trigger.restore", index: Math.min(event.index, triggers.length), trigger: { text: event.before.text, sectionId: event.sectionId } };
    case "table.edited": {
      const table = document.tables.find((candidate) => candidate.id === event.tableId);
      if (!table || !same(tableGrid(table), event.table)) throw changedSince("The table");
      return { type: "table.edit", tableId: table.id, expectedHash: partHash(table), header: event.before.header, rows: event.before.rows };
    }
    case "comms.added":
    case "comms.edited": {
      const template = document.commsTemplates.find((candidate) => candidate.id === event.template.id);
      if (!template || !same(commsSnapshot(template), event.template)) throw changedSince(`The message “${event.template.name}”`);
      if (event.type === "comms.added") return { type: "comms.remove", templateId: template.id, expectedHash: partHash(template) };
      const { before } = event;
      return { type: "comms.edit", templateId: template.id, expectedHash: partHash(template), name: before.name, audience: before.audience ?? "", subject: before.subject ?? "", body: before.body };
    }
    case "comms.removed":
      return { type: "comms.restore", index: Math.min(event.index, document.commsTemplates.length), template: event.removed };
    case "table.added": {
      const table = document.tables.find((candidate) => candidate.id === event.tableId);
      if (!table || !same(tableGrid(table), event.table)) throw changedSince("The table");
      return { type: "table.remove", tableId: table.id, expectedHash: partHash(table) };
    }
    case "table.removed":
      return { type: "table.restore", index: Math.min(event.index, document.tables.length), table: event.removed };
  }
}
