import type { PlanItem } from "@/lib/plan-document/schema";
import type { ItemAdd } from "@/lib/plan-editing/edit-change-schema";
import type { OutlineItem } from "@/lib/plan-editing/outline";

/** A change's code blocks as the document keeps them (no language is an empty one). */
export function commandsOf(commands: ItemAdd["commands"]): PlanItem["commands"] {
  return (commands ?? []).map((command) => ({ language: command.language ?? "", code: command.code }));
}

/**
 * The outline row and document entry of the step an `item.add` creates, in a plan (ids are new
 * rows' ids) or in a template (the id is the document key): pending, at version 0, required
 * unless said otherwise.
 */
export function newStep(change: ItemAdd, ids: { id: string; documentKey: string }, addedDuringRun: boolean): { row: OutlineItem; entry: PlanItem } {
  const row: OutlineItem = {
    id: ids.id,
    documentKey: ids.documentKey,
    sectionId: change.sectionId,
    parentId: change.parentItemId ?? null,
    text: change.text,
    required: change.required ?? true,
    critical: change.critical ?? false,
    metric: change.metric ?? null,
    status: "PENDING",
    version: 0,
    addedDuringRun,
  };
  const entry: PlanItem = {
    id: row.documentKey,
    text: row.text,
    ...(change.notes?.trim() ? { details: change.notes } : {}),
    commands: commandsOf(change.commands),
    items: [],
    required: row.required,
    critical: row.critical,
    ...(change.metric ? { metric: change.metric } : {}),
  };
  return { row, entry };
}
