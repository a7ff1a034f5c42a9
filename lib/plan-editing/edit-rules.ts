import type { StructuralChangeType } from "@/lib/plan-editing/edit-change-schema";
import type { ItemStatusName } from "@/lib/plans/progress";
import { FINISHED_STATUSES, type PlanStatusName } from "@/lib/plan-state/lifecycle";

/**
 * What may change in a plan's structure, by the plan's status. Pure, so each rule has a test.
 *
 * - Draft or scheduled: everything.
 * - Running (in progress, and rolling back, which is a run too): the lead may add steps (they
 *   are marked as added during the run) and edit the text of pending steps; nothing else.
 *   Undoing such an edit is allowed too: removing a step the run added, while it is pending,
 *   or putting a pending step's text back.
 * - Steps someone already acted on (any status but pending) are never removed or rewritten,
 *   whatever the plan's status: they are the record of what was done.
 * - Finished plans are read-only.
 */
export interface StructuralEditRequest {
  type: StructuralChangeType;
  planStatus: PlanStatusName;
  /** For item.edit: which fields change. */
  fields?: readonly string[];
  /** For item.edit, item.remove and section.remove: the status of every step it touches (the step and its sub-steps, or the section's). */
  statuses?: readonly ItemStatusName[];
  /** For item.remove: whether the step was added during the run. */
  addedDuringRun?: boolean;
  /** The edit reverts an earlier one (plan.undo). */
  undo?: boolean;
}

export type EditDecision = { ok: true } | { ok: false; message: string };

const RUNNING: ReadonlySet<PlanStatusName> = new Set(["IN_PROGRESS", "ROLLING_BACK"]);

export function decideStructuralEdit(request: StructuralEditRequest): EditDecision {
  if (FINISHED_STATUSES.has(request.planStatus)) return refuse("This plan has finished; it is read-only now.");
  const settled = (request.statuses ?? []).filter((status) => status !== "PENDING").length;
  if (request.type === "item.edit" && settled) return refuse("This step was already acted on, so its wording stays as it was when it was done.");
  if ((request.type === "item.remove" || request.type === "section.remove") && settled) {
    const what = request.type === "item.remove" ? "This step" : "This section";
    return refuse(`${what} holds ${settled === 1 ? "a step" : `${settled} steps`} already acted on; those stay in the plan as the record of the run.`);
  }
  if (!RUNNING.has(request.planStatus)) return { ok: true };

  if (request.type === "item.add") return { ok: true };
  if (request.type === "item.edit" && request.fields?.length && request.fields.every((field) => field === "text")) return { ok: true };
  if (request.type === "item.remove" && request.undo && request.addedDuringRun) return { ok: true };
  return refuse("While the plan runs you can add steps and edit the text of pending steps; everything else can change only before the run starts.");
}

function refuse(message: string): EditDecision {
  return { ok: false, message };
}
