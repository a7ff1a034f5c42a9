import type { Metric, PlanItem, PlanSection } from "@/lib/plan-document/schema";
import { allItems, allSections } from "@/lib/plan-document/walk";
import type { PlanDocument } from "@/lib/plan-document/schema";
import { previousSiblingId, type Outline, type OutlineItem, type OutlineSection } from "@/lib/plan-editing/outline";
import type { ItemSnapshot, SectionSnapshot } from "@/lib/plan-editing/structure-events";

/** A section or step as the history and undo record it: its row, its place, and (for a step) what the document says of it. */
export function sectionSnapshot(outline: Outline, row: OutlineSection): SectionSnapshot {
  return {
    id: row.id,
    documentKey: row.documentKey,
    parentSectionId: row.parentId,
    afterSectionId: previousSiblingId(outline, { kind: "section", id: row.id }),
    title: row.title,
    level: row.level,
    plannedMinutes: row.plannedDurationMinutes,
    isRollback: row.isRollback,
    version: row.version,
  };
}

export function itemSnapshot(outline: Outline, row: OutlineItem, entry: PlanItem | undefined): ItemSnapshot {
  return {
    id: row.id,
    documentKey: row.documentKey,
    sectionId: row.sectionId,
    parentItemId: row.parentId,
    afterItemId: previousSiblingId(outline, { kind: "item", id: row.id }),
    text: row.text,
    notes: entry?.details ?? null,
    commands: entry?.commands ?? [],
    required: row.required,
    critical: row.critical,
    metric: (row.metric as Metric | null) ?? null,
    status: row.status,
    addedDuringRun: row.addedDuringRun,
    version: row.version,
  };
}

/** The document's entries by key, without their children (the outline holds the nesting). */
export function documentEntries(document: PlanDocument): { sections: Map<string, PlanSection>; items: Map<string, PlanItem> } {
  return {
    sections: new Map(allSections(document).map((section) => [section.id, { ...section, items: [], sections: [] }])),
    items: new Map(allItems(document).map((item) => [item.id, { ...item, items: [] }])),
  };
}
