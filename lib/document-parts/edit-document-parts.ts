import { randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";
import { tableGrid } from "@/lib/import/export-blocks";
import { blankNames, toMustachePlaceholders } from "@/lib/import/placeholders";
import type { CommsTemplate, PlanDocument, PlanTable } from "@/lib/plan-document/schema";
import type { CommsAdd, CommsEdit, CommsRemove, TableAdd, TableEdit, TableRemove, TriggerAdd, TriggerEdit, TriggerRemove } from "@/lib/document-parts/part-change-schema";
import type { CommsSnapshot, DocumentPartEventPayload, TriggerSnapshot } from "@/lib/document-parts/part-events";
import { decideDocumentPartEdit, type DocumentPartEditRequest } from "@/lib/document-parts/part-edit-rules";
import { partHash } from "@/lib/document-parts/part-hash";
import { placeNewTable } from "@/lib/document-parts/place-new-table";
import { tableFromGrid } from "@/lib/document-parts/table-from-grid";
import type { PlanStatusName } from "@/lib/plan-state/lifecycle";

/**
 * Edits of the document's triggers, tables and messages, as plain functions of the document:
 * each checks the rules by status (part-edit-rules.ts) and what the editor saw, and returns
 * the new document with the event that records it. The one writer stores both.
 */
export interface PartEdit {
  document: PlanDocument;
  event: DocumentPartEventPayload;
}

/** Undo of a removal: the trigger, message or table put back where it was (never sent by a client). */
export type PartRestore =
  | { type: "trigger.restore"; index: number; trigger: { text: string; sectionId: string | null } }
  | { type: "table.restore"; index: number; table: PlanTable }
  | { type: "comms.restore"; index: number; template: CommsTemplate };

/** Every edit these functions make: all part changes but gate.edit (write-document-part.ts), and the restores of undo. */
export type DocumentChange = TriggerAdd | TriggerEdit | TriggerRemove | TableEdit | TableAdd | TableRemove | CommsAdd | CommsEdit | CommsRemove | PartRestore;

export function editDocumentPart(document: PlanDocument, change: DocumentChange, planStatus: PlanStatusName): PartEdit {
  const allow = (request: Omit<DocumentPartEditRequest, "planStatus" | "type">) => {
    const type = change.type === "trigger.restore" ? "trigger.add" : change.type === "comms.restore" ? "comms.add" : change.type === "table.restore" ? "table.add" : change.type;
    const decision = decideDocumentPartEdit({ ...request, type, planStatus });
    if (!decision.ok) throw new AppError("conflict", decision.message);
  };
  switch (change.type) {
    case "trigger.add":
    case "trigger.edit":
    case "trigger.remove":
      allow({});
      return editTriggers(document, change);
    case "table.edit":
      return editTable(document, change, allow);
    case "table.add":
      allow({ tableKind: change.kind });
      return addTable(document, change);
    case "table.remove":
      return removeTable(document, change, allow);
    case "table.restore":
      allow({ tableKind: change.table.kind });
      return {
        document: { ...document, tables: document.tables.toSpliced(change.index, 0, change.table) },
        event: { type: "table.added", tableId: change.table.id, kind: change.table.kind, table: tableGrid(change.table) },
      };
    case "comms.add":
    case "comms.edit":
    case "comms.remove":
      allow({});
      return editComms(document, change);
    case "trigger.restore": {
      allow({});
      const trigger = { ...change.trigger, mode: "unspecified" } as const;
      const triggers = document.rollback.triggers.toSpliced(change.index, 0, trigger);
      return { document: { ...document, rollback: { ...document.rollback, triggers } }, event: { type: "trigger.added", index: change.index, trigger: triggerSnapshot(trigger) } };
    }
    case "comms.restore":
      allow({});
      return {
        document: { ...document, commsTemplates: document.commsTemplates.toSpliced(change.index, 0, change.template) },
        event: { type: "comms.added", template: commsSnapshot(change.template) },
      };
  }
}

const triggerSnapshot = (trigger: PlanDocument["rollback"]["triggers"][number]): TriggerSnapshot => ({ text: trigger.text, mode: trigger.mode });

function editTriggers(document: PlanDocument, change: TriggerAdd | TriggerEdit | TriggerRemove): PartEdit {
  const triggers = document.rollback.triggers;
  const withTriggers = (next: PlanDocument["rollback"]["triggers"]): PlanDocument => ({ ...document, rollback: { ...document.rollback, triggers: next } });
  if (change.type === "trigger.add") {
    // A new trigger joins the others where they are written (or the plan's introduction, if it has none).
    const trigger = { text: change.text, mode: "unspecified", sectionId: triggers.at(-1)?.sectionId ?? null } as const;
    return { document: withTriggers([...triggers, trigger]), event: { type: "trigger.added", index: triggers.length, trigger: triggerSnapshot(trigger) } };
  }
  const current = triggers[change.index];
  if (!current || current.text !== change.expectedText) {
    throw new AppError("conflict", "Someone changed the rollback triggers first. They now show their update.", { triggers: triggers.map(triggerSnapshot) });
  }
  if (change.type === "trigger.remove") {
    return { document: withTriggers(triggers.filter((_, index) => index !== change.index)), event: { type: "trigger.removed", index: change.index, before: triggerSnapshot(current), sectionId: current.sectionId } };
  }
  const updated = { ...current, text: change.text };
  return {
    document: withTriggers(triggers.map((trigger, index) => (index === change.index ? updated : trigger))),
    event: { type: "trigger.edited", index: change.index, before: triggerSnapshot(current), trigger: triggerSnapshot(updated) },
  };
}

function editTable(document: PlanDocument, change: TableEdit, allow: (request: Omit<DocumentPartEditRequest, "planStatus" | "type">) => void): PartEdit {
  const table = document.tables.find((candidate) => candidate.id === change.tableId);
  if (!table) throw new AppError("not_found", "This table is not part of the plan.");
  allow({ tableKind: table.kind });
  if (partHash(table) !== change.expectedHash) {
    throw new AppError("conflict", "Someone changed this table first. It now shows their update.", { table: { ...tableGrid(table), hash: partHash(table) } });
  }
  const updated = tableFromGrid(table, { header: change.header, rows: change.rows });
  return {
    document: { ...document, tables: document.tables.map((candidate) => (candidate.id === table.id ? updated : candidate)) },
    event: { type: "table.edited", tableId: table.id, kind: table.kind, before: tableGrid(table), table: tableGrid(updated) },
  };
}

function addTable(document: PlanDocument, change: TableAdd): PartEdit {
  const base = { id: `table-${randomBytes(6).toString("hex")}`, sectionId: placeNewTable(document, change.kind) };
  // Empty, with the usual columns of its kind (tableGrid writes them for a table without rows).
  const table: PlanTable = change.kind === "generic" ? { ...base, kind: "generic", header: change.header ?? [], rows: [] } : { ...base, kind: change.kind, rows: [] };
  return { document: { ...document, tables: [...document.tables, table] }, event: { type: "table.added", tableId: table.id, kind: table.kind, table: tableGrid(table) } };
}

function removeTable(document: PlanDocument, change: TableRemove, allow: (request: Omit<DocumentPartEditRequest, "planStatus" | "type">) => void): PartEdit {
  const index = document.tables.findIndex((candidate) => candidate.id === change.tableId);
  const table = document.tables[index];
  if (!table) throw new AppError("not_found", "This table is not part of the plan.");
  allow({ tableKind: table.kind });
  if (partHash(table) !== change.expectedHash) {
    throw new AppError("conflict", "Someone changed this table first. It now shows their update.", { table: { ...tableGrid(table), hash: partHash(table) } });
  }
  return {
    document: { ...document, tables: document.tables.toSpliced(index, 1) },
    event: { type: "table.removed", tableId: table.id, kind: table.kind, before: tableGrid(table), index, removed: table },
  };
}

export function commsSnapshot(template: CommsTemplate): CommsSnapshot {
  return { id: template.id, name: template.name, audience: template.audience ?? null, subject: template.subject ?? null, body: template.body };
}

/** A template's text as the importer would read it back: blanks as `{{placeholders}}`, and their names listed. */
function normalizedTemplate(template: CommsTemplate): CommsTemplate {
  const body = toMustachePlaceholders(template.body.trimEnd());
  const subject = template.subject === undefined ? undefined : toMustachePlaceholders(template.subject);
  const { subject: _subject, audience, ...rest } = template;
  return {
    ...rest,
    ...(audience ? { audience } : {}),
    ...(subject ? { subject } : {}),
    body,
    placeholders: blankNames(`${subject ?? ""}\n${body}`),
  };
}

function editComms(document: PlanDocument, change: CommsAdd | CommsEdit | CommsRemove): PartEdit {
  const templates = document.commsTemplates;
  if (change.type === "comms.add") {
    // With the other messages, where the document keeps them; the first one goes in the introduction.
    const template = normalizedTemplate({
      id: `template-${randomBytes(6).toString("hex")}`,
      sectionId: templates.at(-1)?.sectionId ?? null,
      name: change.name,
      ...(change.audience ? { audience: change.audience } : {}),
      ...(change.subject ? { subject: change.subject } : {}),
      body: change.body,
      placeholders: [],
    });
    return { document: { ...document, commsTemplates: [...templates, template] }, event: { type: "comms.added", template: commsSnapshot(template) } };
  }
  const current = templates.find((template) => template.id === change.templateId);
  if (!current) throw new AppError("not_found", "This message template is not part of the plan.");
  if (partHash(current) !== change.expectedHash) {
    throw new AppError("conflict", `Someone changed the message “${current.name}” first. It now shows their update.`, { template: { ...commsSnapshot(current), hash: partHash(current) } });
  }
  if (change.type === "comms.remove") {
    return {
      document: { ...document, commsTemplates: templates.filter((template) => template.id !== current.id) },
      event: { type: "comms.removed", before: commsSnapshot(current), index: templates.indexOf(current), removed: current },
    };
  }
  const updated = normalizedTemplate({
    ...current,
    name: change.name ?? current.name,
    audience: change.audience ?? current.audience,
    subject: change.subject ?? current.subject,
    body: change.body ?? current.body,
  });
  return {
    document: { ...document, commsTemplates: templates.map((template) => (template.id === current.id ? updated : template)) },
    event: { type: "comms.edited", before: commsSnapshot(current), template: commsSnapshot(updated) },
  };
}
