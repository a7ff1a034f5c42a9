import type { PlanStatusName } from "@/lib/plan-state/lifecycle";
import type { ItemStatusName } from "@/lib/plans/progress";

/**
 * How much of a plan's structure may change in its status (issue 12):
 * - "full": draft or scheduled — everything;
 * - "run": in progress or rolling back — the lead may add steps and edit the text of pending ones;
 * - "read-only": finished plans.
 */
export type EditMode = "full" | "run" | "read-only";

export function editModeFor(status: PlanStatusName): EditMode {
  if (status === "DRAFT" || status === "SCHEDULED") return "full";
  if (status === "IN_PROGRESS" || status === "ROLLING_BACK") return "run";
  return "read-only";
}

export interface ItemEditRights {
  /** The step's text. */
  editText: boolean;
  /** Notes, commands, required/critical and the measured target. */
  editDetails: boolean;
  move: boolean;
  remove: boolean;
  /** Adding a step after it or under it. */
  addNext: boolean;
}

const NONE: ItemEditRights = { editText: false, editDetails: false, move: false, remove: false, addNext: false };

/**
 * What the editor offers on one step. A settled step (done, skipped, failed, not applicable)
 * is never rewritten or deleted, whatever the plan's status: its record is the run's history.
 */
export function itemEditRights(mode: EditMode, itemStatus: ItemStatusName): ItemEditRights {
  if (mode === "read-only") return NONE;
  const pending = itemStatus === "PENDING";
  if (mode === "run") return { editText: pending, editDetails: false, move: false, remove: false, addNext: true };
  return { editText: pending, editDetails: pending, move: pending, remove: pending, addNext: true };
}

export interface SectionEditRights {
  rename: boolean;
  move: boolean;
  remove: boolean;
  addSection: boolean;
  addItem: boolean;
}

/** What the editor offers on a section: only steps can be added during the run. */
export function sectionEditRights(mode: EditMode, settledItems: number): SectionEditRights {
  if (mode === "read-only") return { rename: false, move: false, remove: false, addSection: false, addItem: false };
  if (mode === "run") return { rename: false, move: false, remove: false, addSection: false, addItem: true };
  // A section holding a settled step cannot go: the step would go with it.
  return { rename: true, move: true, remove: settledItems === 0, addSection: true, addItem: true };
}
