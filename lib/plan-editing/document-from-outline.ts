import type { PlanDocument, PlanItem, PlanSection } from "@/lib/plan-document/schema";
import { allItems, allSections } from "@/lib/plan-document/walk";
import type { Metric } from "@/lib/plan-document/schema";
import type { Outline, OutlineItem, OutlineSection } from "@/lib/plan-editing/outline";

/**
 * Where a plan's structure lives, and the one rule that keeps it whole: the rows (PlanSection,
 * PlanItem) hold the order, the nesting, the wording and the run state; the document
 * (Plan.document) holds everything else a section or step says (notes, commands, fields,
 * tables, templates) and is what the export writes. Every structural edit changes both in
 * one transaction: the writer computes the new outline, stores the rows that differ, and
 * rebuilds the document's section and item trees from it with this function. So the page,
 * the live state, the export and the history never disagree about what the plan is.
 *
 * Pure. `content` gives a section's or step's document entry when the edit changed it (or
 * when an undo brings it back); every other entry comes from the current document, and a
 * new one without an entry gets a blank one.
 */
export interface OutlineContent {
  sections?: ReadonlyMap<string, PlanSection>;
  items?: ReadonlyMap<string, PlanItem>;
}

export function documentFromOutline(document: PlanDocument, outline: Outline, content: OutlineContent = {}): PlanDocument {
  const sectionByKey = new Map(allSections(document).map((section) => [section.id, section]));
  const itemByKey = new Map(allItems(document).map((item) => [item.id, item]));
  for (const [key, section] of content.sections ?? []) sectionByKey.set(key, section);
  for (const [key, item] of content.items ?? []) itemByKey.set(key, item);

  const itemsByParent = new Map<string, PlanItem[]>();
  const itemNodes = new Map<string, PlanItem>();
  for (const row of outline.items) {
    const node: PlanItem = { ...itemEntry(row, itemByKey.get(row.documentKey)), items: [] };
    itemNodes.set(row.id, node);
    const siblings = row.parentId ? itemNodes.get(row.parentId)!.items : (itemsByParent.get(row.sectionId) ?? []);
    siblings.push(node);
    if (!row.parentId) itemsByParent.set(row.sectionId, siblings);
  }

  const roots: PlanSection[] = [];
  const sectionNodes = new Map<string, PlanSection>();
  for (const row of outline.sections) {
    const node: PlanSection = { ...sectionEntry(row, sectionByKey.get(row.documentKey)), items: itemsByParent.get(row.id) ?? [], sections: [] };
    sectionNodes.set(row.id, node);
    (row.parentId ? sectionNodes.get(row.parentId)!.sections : roots).push(node);
  }

  const keys = new Set(outline.sections.map((row) => row.documentKey));
  const kept = <T extends { sectionId: string | null }>(entries: readonly T[]) => entries.filter((entry) => entry.sectionId === null || keys.has(entry.sectionId));
  return {
    ...document,
    sections: roots,
    tables: kept(document.tables),
    commsTemplates: kept(document.commsTemplates),
    gates: document.gates.map((gate) => (gate.sectionId === null || keys.has(gate.sectionId) ? gate : { ...gate, sectionId: null })),
    rollback: { triggers: kept(document.rollback.triggers), procedureSectionIds: document.rollback.procedureSectionIds.filter((key) => keys.has(key)) },
    unrecognized: kept(document.unrecognized),
  };
}

function sectionEntry(row: OutlineSection, entry: PlanSection | undefined): PlanSection {
  const base = entry ?? { id: row.documentKey, heading: row.title, title: row.title, level: row.level, notes: "", codeBlocks: [], fields: [], items: [], sections: [] };
  return { ...base, level: row.level };
}

function itemEntry(row: OutlineItem, entry: PlanItem | undefined): PlanItem {
  const base = entry ?? { id: row.documentKey, text: row.text, commands: [], items: [], required: row.required, critical: row.critical };
  const { metric: _metric, ...rest } = base;
  const metric = (row.metric as Metric | null) ?? undefined;
  return { ...rest, text: row.text, required: row.required, critical: row.critical, ...(metric ? { metric } : {}) };
}

/**
 * A section heading as the importer reads it back: the title, then its time offset and its
 * planned duration in parentheses ("Deploy (T+0) (30 min)").
 */
export function headingOf(title: string, section: Pick<PlanSection, "offset" | "duration">): string {
  const offset = section.offset ? ` (${section.offset.raw})` : "";
  const duration = section.duration ? ` (${section.duration.raw})` : "";
  return `${title}${offset}${duration}`;
}

/** Parts of the document that belong to sections (tables, templates, rollback triggers, unrecognised blocks), for the given section keys. */
export interface SectionAttachments {
  tables: PlanDocument["tables"];
  commsTemplates: PlanDocument["commsTemplates"];
  triggers: PlanDocument["rollback"]["triggers"];
  procedureSectionIds: string[];
  unrecognized: PlanDocument["unrecognized"];
}

export function attachmentsOf(document: PlanDocument, sectionKeys: ReadonlySet<string>): SectionAttachments {
  const inside = <T extends { sectionId: string | null }>(entries: readonly T[]) => entries.filter((entry) => entry.sectionId !== null && sectionKeys.has(entry.sectionId));
  return {
    tables: inside(document.tables),
    commsTemplates: inside(document.commsTemplates),
    triggers: inside(document.rollback.triggers),
    procedureSectionIds: document.rollback.procedureSectionIds.filter((key) => sectionKeys.has(key)),
    unrecognized: inside(document.unrecognized),
  };
}

/** The document with a removed section's attachments back (undo of a section's removal). */
export function withAttachments(document: PlanDocument, attachments: SectionAttachments): PlanDocument {
  return {
    ...document,
    tables: [...document.tables, ...attachments.tables],
    commsTemplates: [...document.commsTemplates, ...attachments.commsTemplates],
    rollback: { triggers: [...document.rollback.triggers, ...attachments.triggers], procedureSectionIds: [...document.rollback.procedureSectionIds, ...attachments.procedureSectionIds] },
    unrecognized: [...document.unrecognized, ...attachments.unrecognized],
  };
}
