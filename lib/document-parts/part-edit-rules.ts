import type { DocumentPartChangeType } from "@/lib/document-parts/part-change-schema";
import type { PlanTableKind } from "@/lib/plan-document/schema";
import { FINISHED_STATUSES, type PlanStatusName } from "@/lib/plan-state/lifecycle";

/**
 * What may change in a plan's gates, rollback triggers, tables and messages, by the plan's
 * status and what was already signed. Pure, so each rule has a test.
 *
 * - Draft or scheduled: everything, except what a signature covers (below).
 * - Running (in progress or rolling back): what people reach for during the run may be kept
 *   current: rollback triggers, the contact and risk tables, other tables without a kind, the
 *   messages, and gates nobody has signed yet. The timeline and the monitoring table are what
 *   the run is measured and checked against, so they stay as the run started: neither edited,
 *   added nor removed.
 * - A gate someone signed or decided (a signature in force, not stale) keeps its title, the
 *   titles it needs and its decision maker, whatever the status: they are what was signed.
 *   Its quorums may still change, as gate.configure allows.
 * - Gates are added or removed only while the plan is a draft or scheduled, and never a gate
 *   with a signature or decision in force: removing it would throw away what was signed.
 * - Finished plans are read-only.
 */
export interface DocumentPartEditRequest {
  type: DocumentPartChangeType;
  planStatus: PlanStatusName;
  /** For table.edit, table.add and table.remove: the table's kind. */
  tableKind?: PlanTableKind;
  /** For gate.edit and gate.remove: whether the gate has a signature or decision in force. */
  gateSigned?: boolean;
  /** For gate.edit: whether the title, the set of titles or the decision maker change (not only quorums). */
  gateWordingChanges?: boolean;
}

export type PartEditDecision = { ok: true } | { ok: false; message: string };

const RUNNING: ReadonlySet<PlanStatusName> = new Set(["IN_PROGRESS", "ROLLING_BACK"]);
const TABLE_CHANGES: ReadonlySet<DocumentPartChangeType> = new Set(["table.edit", "table.add", "table.remove"]);
const GATE_CHANGES: ReadonlySet<DocumentPartChangeType> = new Set(["gate.add", "gate.remove"]);
const FIXED_DURING_RUN: ReadonlySet<PlanTableKind> = new Set(["timeline", "monitoring"]);

export function decideDocumentPartEdit(request: DocumentPartEditRequest): PartEditDecision {
  if (FINISHED_STATUSES.has(request.planStatus)) return refuse("This plan has finished; it is read-only now.");
  if (request.type === "gate.edit" && request.gateSigned && request.gateWordingChanges) {
    return refuse("This gate has been signed or decided, so its title, the titles it needs and its decision maker stay as they were signed. You can still change how many must sign.");
  }
  if (request.type === "gate.remove" && request.gateSigned) {
    return refuse("This gate has a signature or decision in force, so it cannot be removed: that would throw away what was signed.");
  }
  if (GATE_CHANGES.has(request.type) && RUNNING.has(request.planStatus)) {
    return refuse("Gates are added and removed only while the plan is a draft or scheduled; this plan is running.");
  }
  if (!RUNNING.has(request.planStatus)) return { ok: true };
  if (TABLE_CHANGES.has(request.type) && request.tableKind && FIXED_DURING_RUN.has(request.tableKind)) {
    return refuse(`While the plan runs the ${request.tableKind} table stays as the run started; the run is measured against it.`);
  }
  return { ok: true };
}

function refuse(message: string): PartEditDecision {
  return { ok: false, message };
}
