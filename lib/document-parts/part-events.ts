import type { TableGrid } from "@/lib/import/export-blocks";
import type { CommsTemplate, Gate, PlanTable, PlanTableKind, RollbackTriggerMode } from "@/lib/plan-document/schema";
import type { GateBlocksName } from "@/lib/signoffs/gate-blocks";
import type { GateKindName } from "@/lib/signoffs/gate-rules";
import type { GateLiveConfig } from "@/lib/plan-state/events";

/**
 * The events of edits to a plan's gates, rollback triggers, tables and messages, as stored
 * and broadcast. Each carries the part before and after in full: what the Changes view shows
 * and what a page needs to know the part changed.
 */
export interface GateSnapshot {
  title: string;
  decisionMaker: string | null;
  roles: { title: string; quorum: number }[];
}

export interface TriggerSnapshot {
  text: string;
  mode: RollbackTriggerMode;
}

export interface CommsSnapshot {
  id: string;
  name: string;
  audience: string | null;
  subject: string | null;
  body: string;
}

/** A gate whole, as removing it leaves it: its row and its entry in the document, so that undo puts it back. */
export interface RemovedGate {
  entry: Gate;
  row: { documentKey: string; position: number; kind: GateKindName; blocks: GateBlocksName; requiredItemIds: string[] };
}

/** `undoOf`: the sequence number of the edit this one undid (plan.undo). */
interface Undoable {
  undoOf?: number;
}

export type DocumentPartEventPayload =
  /** `config`: the gate's live configuration afterwards (its quorums), which pages keep in their live state. */
  | ({ type: "gate.edited"; gateId: string; before: GateSnapshot; gate: GateSnapshot; config: GateLiveConfig } & Undoable)
  | ({ type: "trigger.added"; index: number; trigger: TriggerSnapshot } & Undoable)
  | ({ type: "trigger.edited"; index: number; before: TriggerSnapshot; trigger: TriggerSnapshot } & Undoable)
  /** `sectionId`: where the document kept it, so that undo puts it back there. */
  | ({ type: "trigger.removed"; index: number; before: TriggerSnapshot; sectionId: string | null } & Undoable)
  | ({ type: "table.edited"; tableId: string; kind: PlanTableKind; before: TableGrid; table: TableGrid } & Undoable)
  | ({ type: "comms.added"; template: CommsSnapshot } & Undoable)
  | ({ type: "comms.edited"; before: CommsSnapshot; template: CommsSnapshot } & Undoable)
  /** `removed`: the template whole, and `index` its place, so that undo puts it back as it was. */
  | ({ type: "comms.removed"; before: CommsSnapshot; index: number; removed: CommsTemplate } & Undoable)
  | ({ type: "table.added"; tableId: string; kind: PlanTableKind; table: TableGrid } & Undoable)
  /** `removed`: the table whole, and `index` its place, so that undo puts it back as it was. */
  | ({ type: "table.removed"; tableId: string; kind: PlanTableKind; before: TableGrid; index: number; removed: PlanTable } & Undoable)
  /** `config`: the new gate's live configuration, which pages keep in their live state. */
  | ({ type: "gate.added"; gateId: string; gate: GateSnapshot; config: GateLiveConfig } & Undoable)
  /** `removed`: the gate whole and `index` its place in the document, so that undo puts it back as it was. */
  | ({ type: "gate.removed"; gateId: string; before: GateSnapshot; index: number; removed: RemovedGate } & Undoable);

/** The events of edits that touch only the document (not a gate's rows): what undo-part-edit.ts inverts purely. */
export type DocumentOnlyPartEvent = Exclude<DocumentPartEventPayload, { type: "gate.edited" | "gate.added" | "gate.removed" }>;

export const DOCUMENT_PART_EVENT_TYPES: ReadonlySet<string> = new Set([
  "gate.edited",
  "trigger.added",
  "trigger.edited",
  "trigger.removed",
  "table.edited",
  "comms.added",
  "comms.edited",
  "comms.removed",
  "table.added",
  "table.removed",
  "gate.added",
  "gate.removed",
]);

export function isDocumentPartEvent(event: { type: string }): event is DocumentPartEventPayload {
  return DOCUMENT_PART_EVENT_TYPES.has(event.type);
}
