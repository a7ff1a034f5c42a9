import type { ItemPlanning } from "@/lib/planning/planning-schema";
import type { CodeBlock, Metric, PlanItem, PlanSection } from "@/lib/plan-document/schema";
import type { SectionAttachments } from "@/lib/plan-editing/document-from-outline";
import type { ItemStatusName } from "@/lib/plans/progress";

/**
 * The events of structural edits, as stored and broadcast. Each carries the section or step
 * before and after the edit in full (placement included), which is what the Changes view
 * shows ("who, when, before → after"), what a page needs to apply it without a reload, and
 * what undo needs to put things back. `undoOf` is the sequence number of the edit an undo reverted.
 */
export interface SectionSnapshot {
  id: string;
  documentKey: string;
  parentSectionId: string | null;
  /** The sibling it comes right after; null when it is first under its parent. */
  afterSectionId: string | null;
  title: string;
  level: number;
  plannedMinutes: number | null;
  isRollback: boolean;
  version: number;
}

export interface ItemSnapshot {
  id: string;
  documentKey: string;
  sectionId: string;
  parentItemId: string | null;
  /** The sibling it comes right after; null when it is first under its parent. */
  afterItemId: string | null;
  text: string;
  notes: string | null;
  commands: CodeBlock[];
  required: boolean;
  critical: boolean;
  metric: Metric | null;
  status: ItemStatusName;
  addedDuringRun: boolean;
  version: number;
}

/** What removing a section or step took away, in order, so that undo can bring it back whole. */
export interface RemovedSubtree {
  sections: SectionSnapshot[];
  items: ItemSnapshot[];
  /** The document entries of what was removed (notes, commands, fields), by document key. */
  documentSections: PlanSection[];
  documentItems: PlanItem[];
  attachments?: SectionAttachments;
}

interface Undoable {
  undoOf?: number;
}

export type StructureEventPayload =
  | ({ type: "section.added"; section: SectionSnapshot; restored?: RemovedSubtree } & Undoable)
  | ({ type: "section.edited"; before: SectionSnapshot; section: SectionSnapshot } & Undoable)
  /** `levels`: the new heading level of every section that moved (the section and those below it). */
  | ({ type: "section.moved"; before: SectionSnapshot; section: SectionSnapshot; levels: Record<string, number> } & Undoable)
  | ({ type: "section.removed"; before: SectionSnapshot; removed: RemovedSubtree } & Undoable)
  | ({ type: "item.added"; item: ItemSnapshot; restored?: RemovedSubtree; /** Owners, dependencies and planned minutes given with the new step. */ planning?: ItemPlanning } & Undoable)
  | ({ type: "item.edited"; before: ItemSnapshot; item: ItemSnapshot; staleSignatureIds?: string[] } & Undoable)
  | ({ type: "item.moved"; before: ItemSnapshot; item: ItemSnapshot } & Undoable)
  | ({ type: "item.removed"; before: ItemSnapshot; removed: RemovedSubtree } & Undoable);

export const STRUCTURE_EVENT_TYPES: ReadonlySet<string> = new Set([
  "section.added",
  "section.edited",
  "section.moved",
  "section.removed",
  "item.added",
  "item.edited",
  "item.moved",
  "item.removed",
]);

export function isStructureEvent(event: { type: string }): event is StructureEventPayload {
  return STRUCTURE_EVENT_TYPES.has(event.type);
}
