/**
 * Where a step or section goes when the lead moves it with the keyboard (Alt+↑/↓ to move,
 * Alt+→/← to nest and un-nest) or drops it after a drag. Pure: the editor turns the answer
 * into an `item.move` / `section.move` change; the server decides whether it is allowed.
 *
 * Placement is always "under this parent, right after this sibling" (null: first among the
 * parent's children), the shape of the move changes. A moved step or section takes its
 * children along.
 */

export interface OutlineItem {
  id: string;
  parentItemId: string | null;
}

export interface OutlineSection {
  id: string;
  /** The section's steps in plan order (depth first). */
  items: readonly OutlineItem[];
}

export interface ItemPlacement {
  sectionId: string;
  parentItemId: string | null;
  afterItemId: string | null;
}

export type OutlineKey = "up" | "down" | "nest" | "unnest";

/** Alt+↑ ↓ → ← as an outline key, or null for any other key. */
export function outlineKeyOf(event: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }): OutlineKey | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  const keys: Record<string, OutlineKey> = { ArrowUp: "up", ArrowDown: "down", ArrowRight: "nest", ArrowLeft: "unnest" };
  return keys[event.key] ?? null;
}

function siblingsOf<T extends { id: string }>(nodes: readonly T[], parentOf: (node: T) => string | null, parent: string | null): T[] {
  return nodes.filter((node) => parentOf(node) === parent);
}

const itemParent = (item: OutlineItem) => item.parentItemId;

/** The new place of a step after an outline key, or null when it cannot go that way. */
export function keyboardItemMove(sections: readonly OutlineSection[], itemId: string, key: OutlineKey): ItemPlacement | null {
  const sectionIndex = sections.findIndex((section) => section.items.some((item) => item.id === itemId));
  if (sectionIndex < 0) return null;
  const section = sections[sectionIndex]!;
  const item = section.items.find((candidate) => candidate.id === itemId)!;
  const siblings = siblingsOf(section.items, itemParent, item.parentItemId);
  const index = siblings.findIndex((sibling) => sibling.id === itemId);
  const here = { sectionId: section.id, parentItemId: item.parentItemId };

  switch (key) {
    case "up": {
      if (index > 0) return { ...here, afterItemId: index >= 2 ? siblings[index - 2]!.id : null };
      // The first top-level step of a section goes to the end of the section before.
      const previous = sections[sectionIndex - 1];
      if (item.parentItemId !== null || !previous) return null;
      return { sectionId: previous.id, parentItemId: null, afterItemId: siblingsOf(previous.items, itemParent, null).at(-1)?.id ?? null };
    }
    case "down": {
      if (index < siblings.length - 1) return { ...here, afterItemId: siblings[index + 1]!.id };
      // The last top-level step of a section goes to the start of the section after.
      const next = sections[sectionIndex + 1];
      if (item.parentItemId !== null || !next) return null;
      return { sectionId: next.id, parentItemId: null, afterItemId: null };
    }
    case "nest": {
      const newParent = siblings[index - 1];
      if (!newParent) return null;
      return { sectionId: section.id, parentItemId: newParent.id, afterItemId: siblingsOf(section.items, itemParent, newParent.id).at(-1)?.id ?? null };
    }
    case "unnest": {
      if (item.parentItemId === null) return null;
      const parent = section.items.find((candidate) => candidate.id === item.parentItemId);
      if (!parent) return null;
      return { sectionId: section.id, parentItemId: parent.parentItemId, afterItemId: parent.id };
    }
  }
}

/**
 * The new place of a dragged step dropped on another step (`overId`) or on a section's empty
 * list (`overSectionId`). It takes the place of the step it is dropped on, under the same
 * parent: after it when dragged downwards, before it when dragged upwards. Null when the
 * drop changes nothing or would put a step inside itself.
 */
export function dropItemPlacement(
  sections: readonly OutlineSection[],
  activeId: string,
  target: { overId: string } | { overSectionId: string },
): ItemPlacement | null {
  const flat = sections.flatMap((section) => section.items.map((item) => ({ item, sectionId: section.id })));
  const from = flat.findIndex((entry) => entry.item.id === activeId);
  if (from < 0) return null;
  if ("overSectionId" in target) {
    const section = sections.find((candidate) => candidate.id === target.overSectionId);
    if (!section || section.items.length) return null;
    return { sectionId: section.id, parentItemId: null, afterItemId: null };
  }
  if (target.overId === activeId) return null;
  const to = flat.findIndex((entry) => entry.item.id === target.overId);
  if (to < 0) return null;
  const over = flat[to]!;
  const byId = new Map(flat.map((entry) => [entry.item.id, entry.item]));
  // Dropping a step among its own children would make it its own ancestor.
  for (let ancestor: string | null = over.item.parentItemId; ancestor; ancestor = byId.get(ancestor)?.parentItemId ?? null) {
    if (ancestor === activeId) return null;
  }
  const section = sections.find((candidate) => candidate.id === over.sectionId)!;
  const siblings = siblingsOf(section.items, itemParent, over.item.parentItemId).filter((sibling) => sibling.id !== activeId);
  const overIndex = siblings.findIndex((sibling) => sibling.id === over.item.id);
  const afterItemId = to > from ? over.item.id : (siblings[overIndex - 1]?.id ?? null);
  return { sectionId: over.sectionId, parentItemId: over.item.parentItemId, afterItemId };
}

export interface OutlineSectionNode {
  id: string;
  parentSectionId: string | null;
}

export interface SectionPlacement {
  parentSectionId: string | null;
  afterSectionId: string | null;
}

const sectionParent = (section: OutlineSectionNode) => section.parentSectionId;

/** The new place of a section after an outline key (among its sibling sections), or null. */
export function keyboardSectionMove(sections: readonly OutlineSectionNode[], sectionId: string, key: OutlineKey): SectionPlacement | null {
  const section = sections.find((candidate) => candidate.id === sectionId);
  if (!section) return null;
  const siblings = siblingsOf(sections, sectionParent, section.parentSectionId);
  const index = siblings.findIndex((sibling) => sibling.id === sectionId);
  switch (key) {
    case "up":
      return index > 0 ? { parentSectionId: section.parentSectionId, afterSectionId: index >= 2 ? siblings[index - 2]!.id : null } : null;
    case "down":
      return index < siblings.length - 1 ? { parentSectionId: section.parentSectionId, afterSectionId: siblings[index + 1]!.id } : null;
    case "nest": {
      const newParent = siblings[index - 1];
      if (!newParent) return null;
      return { parentSectionId: newParent.id, afterSectionId: siblingsOf(sections, sectionParent, newParent.id).at(-1)?.id ?? null };
    }
    case "unnest": {
      const parent = sections.find((candidate) => candidate.id === section.parentSectionId);
      return parent ? { parentSectionId: parent.parentSectionId, afterSectionId: parent.id } : null;
    }
  }
}

/** A section and every section under it, for counting what a delete takes along. */
export function sectionSubtreeIds(sections: readonly OutlineSectionNode[], sectionId: string): string[] {
  const ids = [sectionId];
  for (let index = 0; index < ids.length; index += 1) {
    for (const section of sections) if (section.parentSectionId === ids[index]) ids.push(section.id);
  }
  return ids;
}
