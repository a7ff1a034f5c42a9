import { AppError } from "@/lib/errors";

/**
 * A plan's structure as ordered rows: sections depth first (parents before children), items
 * grouped by section in section order, each depth first. This is the order of the rows'
 * `position` columns and of the document's trees. Pure: placing and removing a section or a
 * step returns the new order, and the writer stores what differs.
 */
export interface OutlineSection {
  id: string;
  documentKey: string;
  parentId: string | null;
  level: number;
  title: string;
  plannedDurationMinutes: number | null;
  isRollback: boolean;
  version: number;
}

export interface OutlineItem {
  id: string;
  documentKey: string;
  sectionId: string;
  parentId: string | null;
  text: string;
  required: boolean;
  critical: boolean;
  metric: unknown;
  status: "PENDING" | "DONE" | "SKIPPED" | "FAILED" | "NOT_APPLICABLE";
  version: number;
  addedDuringRun: boolean;
}

export interface Outline {
  sections: OutlineSection[];
  items: OutlineItem[];
}

/** Headings go from # to ######; a section nested deeper has no heading to export to. */
export const MAX_SECTION_LEVEL = 6;

/** Where a section or step goes: under `parentId`, right after `afterId` (null: first; undefined: last). */
export interface Placement {
  parentId: string | null;
  afterId?: string | null;
}

function insertAt<T extends { id: string }>(siblings: T[], node: T, afterId: string | null | undefined, what: string): T[] {
  if (afterId === undefined) return [...siblings, node];
  if (afterId === null) return [node, ...siblings];
  const index = siblings.findIndex((sibling) => sibling.id === afterId);
  if (index === -1) throw new AppError("unprocessable", `The ${what} to place it after is not beside it: choose one under the same parent.`);
  return [...siblings.slice(0, index + 1), node, ...siblings.slice(index + 1)];
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

const ROOT = "";
const sectionParentKey = (section: Pick<OutlineSection, "parentId">) => section.parentId ?? ROOT;
const itemParentKey = (item: Pick<OutlineItem, "sectionId" | "parentId">) => `${item.sectionId}/${item.parentId ?? ROOT}`;

function flattenSections(byParent: Map<string, OutlineSection[]>): OutlineSection[] {
  const out: OutlineSection[] = [];
  const visit = (parentKey: string) => {
    for (const section of byParent.get(parentKey) ?? []) {
      out.push(section);
      visit(section.id);
    }
  };
  visit(ROOT);
  return out;
}

function flattenItems(sections: readonly OutlineSection[], byParent: Map<string, OutlineItem[]>): OutlineItem[] {
  const out: OutlineItem[] = [];
  const visit = (sectionId: string, parentId: string | null) => {
    for (const item of byParent.get(`${sectionId}/${parentId ?? ROOT}`) ?? []) {
      out.push(item);
      visit(sectionId, item.id);
    }
  };
  for (const section of sections) visit(section.id, null);
  return out;
}

/** The section and every section below it, in order. */
export function sectionSubtree(outline: Outline, sectionId: string): OutlineSection[] {
  const ids = new Set([sectionId]);
  return outline.sections.filter((section) => {
    if (section.id === sectionId || (section.parentId && ids.has(section.parentId))) {
      ids.add(section.id);
      return true;
    }
    return false;
  });
}

/** The step and every sub-step below it, in order. */
export function itemSubtree(outline: Outline, itemId: string): OutlineItem[] {
  const ids = new Set([itemId]);
  return outline.items.filter((item) => {
    if (item.id === itemId || (item.parentId && ids.has(item.parentId))) {
      ids.add(item.id);
      return true;
    }
    return false;
  });
}

/** The sibling just before a section or step (what `afterId` names to put it back), or null when it comes first. */
export function previousSiblingId(outline: Outline, node: { kind: "section"; id: string } | { kind: "item"; id: string }): string | null {
  if (node.kind === "section") {
    const section = outline.sections.find((candidate) => candidate.id === node.id);
    if (!section) return null;
    const siblings = outline.sections.filter((candidate) => candidate.parentId === section.parentId);
    return siblings[siblings.findIndex((candidate) => candidate.id === node.id) - 1]?.id ?? null;
  }
  const item = outline.items.find((candidate) => candidate.id === node.id);
  if (!item) return null;
  const siblings = outline.items.filter((candidate) => candidate.sectionId === item.sectionId && candidate.parentId === item.parentId);
  return siblings[siblings.findIndex((candidate) => candidate.id === node.id) - 1]?.id ?? null;
}

/**
 * The outline with `section` (new, or one of its sections, with its subtree) placed under
 * `placement.parentId` after `placement.afterId`. Levels follow the nesting (top-level
 * sections keep the level the plan's top level uses); a section cannot go inside itself.
 */
export function placeSection(outline: Outline, section: OutlineSection, placement: Placement, rollbackKeys: ReadonlySet<string> = new Set()): Outline {
  const moving = outline.sections.some((existing) => existing.id === section.id) ? sectionSubtree(outline, section.id) : [section];
  const movingIds = new Set(moving.map((row) => row.id));
  const parent = placement.parentId === null ? null : outline.sections.find((row) => row.id === placement.parentId);
  if (placement.parentId !== null && !parent) throw new AppError("not_found", "The section to nest it under is not part of the plan.");
  if (parent && movingIds.has(parent.id)) throw new AppError("conflict", "A section cannot be moved inside itself.");

  const rest = outline.sections.filter((row) => !movingIds.has(row.id));
  const byParent = groupBy(rest, sectionParentKey);
  const topLevel = rest.find((row) => row.parentId === null && row.level > 0)?.level ?? 2;
  const rootLevel = parent ? Math.max(parent.level, 1) + 1 : section.level === 0 ? 0 : topLevel;
  const shift = rootLevel - moving[0]!.level;
  const deepest = Math.max(...moving.map((row) => row.level + shift));
  if (deepest > MAX_SECTION_LEVEL) throw new AppError("conflict", `Sections nest at most ${MAX_SECTION_LEVEL - 1} deep below the plan's title; this would go deeper.`);

  // Levels and the rollback flag follow the new place; the rest of the subtree keeps its shape.
  const isRollbackById = new Map<string, boolean>();
  const placed = moving.map((row, index) => {
    const parentId = index === 0 ? (parent?.id ?? null) : row.parentId;
    const parentIsRollback = parentId === null ? false : (isRollbackById.get(parentId) ?? rest.find((candidate) => candidate.id === parentId)?.isRollback ?? false);
    const isRollback = parentIsRollback || rollbackKeys.has(row.documentKey);
    isRollbackById.set(row.id, isRollback);
    return { ...(index === 0 ? section : row), parentId, level: index === 0 ? rootLevel : row.level + shift, isRollback };
  });
  const [head, ...below] = placed;
  const key = parent?.id ?? ROOT;
  byParent.set(key, insertAt(byParent.get(key) ?? [], head!, placement.afterId, "section"));
  for (const row of below) byParent.set(row.parentId!, [...(byParent.get(row.parentId!) ?? []), row]);

  const sections = flattenSections(byParent);
  return { sections, items: flattenItems(sections, groupBy(outline.items, itemParentKey)) };
}

/**
 * The outline with `item` (new, or one of its steps, with its sub-steps) placed in
 * `sectionId`, under `placement.parentId` after `placement.afterId`.
 */
export function placeItem(outline: Outline, item: OutlineItem, sectionId: string, placement: Placement): Outline {
  if (!outline.sections.some((section) => section.id === sectionId)) throw new AppError("not_found", "This section is not part of the plan.");
  const moving = outline.items.some((existing) => existing.id === item.id) ? itemSubtree(outline, item.id) : [item];
  const movingIds = new Set(moving.map((row) => row.id));
  if (placement.parentId !== null) {
    const parent = outline.items.find((row) => row.id === placement.parentId);
    if (!parent) throw new AppError("not_found", "The step to nest it under is not part of the plan.");
    if (movingIds.has(parent.id)) throw new AppError("conflict", "A step cannot be moved inside itself.");
    if (parent.sectionId !== sectionId) throw new AppError("unprocessable", "The step to nest it under is in another section.");
  }
  const rest = outline.items.filter((row) => !movingIds.has(row.id));
  const byParent = groupBy(rest, itemParentKey);
  const [head, ...below] = moving.map((row, index) => ({ ...(index === 0 ? item : row), sectionId, parentId: index === 0 ? placement.parentId : row.parentId }));
  const key = itemParentKey(head!);
  byParent.set(key, insertAt(byParent.get(key) ?? [], head!, placement.afterId, "step"));
  for (const row of below) byParent.set(itemParentKey(row), [...(byParent.get(itemParentKey(row)) ?? []), row]);
  return { sections: outline.sections, items: flattenItems(outline.sections, byParent) };
}

/** The outline without the section (and everything below it) or the step (and its sub-steps). */
export function removeFromOutline(outline: Outline, node: { kind: "section" | "item"; id: string }): Outline {
  if (node.kind === "item") {
    const gone = new Set(itemSubtree(outline, node.id).map((row) => row.id));
    return { sections: outline.sections, items: outline.items.filter((row) => !gone.has(row.id)) };
  }
  const gone = new Set(sectionSubtree(outline, node.id).map((row) => row.id));
  return { sections: outline.sections.filter((row) => !gone.has(row.id)), items: outline.items.filter((row) => !gone.has(row.sectionId)) };
}
