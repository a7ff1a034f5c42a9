import type { CodeBlock } from "@/lib/plan-document/schema";
import { placeItem, placeSection, removeFromOutline, type Outline, type OutlineItem, type OutlineSection } from "@/lib/plan-editing/outline";
import type { ItemSnapshot, SectionSnapshot, StructureEventPayload } from "@/lib/plan-editing/structure-events";

/**
 * The plan's structure as it stood at an earlier moment, rebuilt from the structural events:
 * starting from the structure now, each edit after that moment is reverted, newest first.
 * Every event carries the section or step before and after in full, so no copies of the plan
 * need to be kept, any moment can be shown, and the result agrees with the history list by
 * construction. The cost is one step per edit since that moment. Pure.
 */
export interface TextOutline {
  outline: Outline;
  /** Notes and commands of each step, by step id. */
  content: Map<string, { notes: string | null; commands: CodeBlock[] }>;
}

export function rewind(current: TextOutline, newestFirst: readonly StructureEventPayload[]): TextOutline {
  let outline = current.outline;
  const content = new Map(current.content);
  for (const event of newestFirst) outline = revert(outline, content, event);
  return { outline, content };
}

const sectionRow = (snapshot: SectionSnapshot): OutlineSection => ({
  id: snapshot.id,
  documentKey: snapshot.documentKey,
  parentId: snapshot.parentSectionId,
  level: snapshot.level,
  title: snapshot.title,
  plannedDurationMinutes: snapshot.plannedMinutes,
  isRollback: snapshot.isRollback,
  version: snapshot.version,
});

const itemRow = (snapshot: ItemSnapshot): OutlineItem => ({
  id: snapshot.id,
  documentKey: snapshot.documentKey,
  sectionId: snapshot.sectionId,
  parentId: snapshot.parentItemId,
  text: snapshot.text,
  required: snapshot.required,
  critical: snapshot.critical,
  metric: snapshot.metric,
  status: snapshot.status,
  version: snapshot.version,
  addedDuringRun: snapshot.addedDuringRun,
});

/** A placement that no longer fits (its neighbour went too) falls back to the first place under the parent. */
function tolerant(place: (afterId: string | null | undefined) => Outline, afterId: string | null): Outline {
  try {
    return place(afterId);
  } catch {
    return place(null);
  }
}

function reinsert(outline: Outline, sections: readonly SectionSnapshot[], items: readonly ItemSnapshot[]): Outline {
  let result = outline;
  sections.forEach((snapshot, index) => {
    if (snapshot.parentSectionId && !result.sections.some((row) => row.id === snapshot.parentSectionId)) return;
    result = index === 0 ? tolerant((afterId) => placeSection(result, sectionRow(snapshot), { parentId: snapshot.parentSectionId, afterId }), snapshot.afterSectionId) : placeSection(result, sectionRow(snapshot), { parentId: snapshot.parentSectionId });
  });
  items.forEach((snapshot, index) => {
    if (!result.sections.some((row) => row.id === snapshot.sectionId)) return;
    const parentId = snapshot.parentItemId && result.items.some((row) => row.id === snapshot.parentItemId) ? snapshot.parentItemId : null;
    result = index === 0 ? tolerant((afterId) => placeItem(result, itemRow(snapshot), snapshot.sectionId, { parentId, afterId }), snapshot.afterItemId) : placeItem(result, itemRow(snapshot), snapshot.sectionId, { parentId });
  });
  return result;
}

function revert(outline: Outline, content: TextOutline["content"], event: StructureEventPayload): Outline {
  switch (event.type) {
    case "section.added":
      return removeFromOutline(outline, { kind: "section", id: event.section.id });
    case "item.added":
      return removeFromOutline(outline, { kind: "item", id: event.item.id });
    case "section.removed":
    case "item.removed":
      for (const item of event.removed.items) content.set(item.id, { notes: item.notes, commands: item.commands });
      return reinsert(outline, event.removed.sections, event.removed.items);
    case "section.edited":
      return { ...outline, sections: outline.sections.map((row) => (row.id === event.section.id ? { ...row, title: event.before.title, plannedDurationMinutes: event.before.plannedMinutes } : row)) };
    case "item.edited":
      content.set(event.item.id, { notes: event.before.notes, commands: event.before.commands });
      return { ...outline, items: outline.items.map((row) => (row.id === event.item.id ? { ...row, text: event.before.text, required: event.before.required, critical: event.before.critical } : row)) };
    case "section.moved": {
      const row = outline.sections.find((candidate) => candidate.id === event.section.id);
      if (!row) return outline;
      return tolerant((afterId) => placeSection(outline, row, { parentId: event.before.parentSectionId, afterId }), event.before.afterSectionId);
    }
    case "item.moved": {
      const row = outline.items.find((candidate) => candidate.id === event.item.id);
      if (!row) return outline;
      return tolerant((afterId) => placeItem(outline, row, event.before.sectionId, { parentId: event.before.parentItemId, afterId }), event.before.afterItemId);
    }
  }
}

/** The structure as readable text, one line per heading and step, for a line diff. */
export function outlineText({ outline, content }: TextOutline): string {
  const depth = new Map<string, number>();
  const itemsBySection = new Map<string, OutlineItem[]>();
  for (const item of outline.items) itemsBySection.set(item.sectionId, [...(itemsBySection.get(item.sectionId) ?? []), item]);
  const lines: string[] = [];
  for (const section of outline.sections) {
    if (section.level > 0) lines.push(`${"#".repeat(section.level)} ${section.title}${section.plannedDurationMinutes !== null ? ` (${section.plannedDurationMinutes} min)` : ""}`);
    for (const item of itemsBySection.get(section.id) ?? []) {
      const level = item.parentId ? (depth.get(item.parentId) ?? 0) + 1 : 0;
      depth.set(item.id, level);
      const indent = "  ".repeat(level);
      const flags = [!item.required ? "optional" : "", item.critical ? "critical" : ""].filter(Boolean);
      lines.push(`${indent}- ${item.text}${flags.length ? ` (${flags.join(", ")})` : ""}`);
      const extra = content.get(item.id);
      if (extra?.notes) for (const line of extra.notes.split("\n")) lines.push(`${indent}  ${line}`);
      for (const command of extra?.commands ?? []) {
        lines.push(`${indent}  \`\`\`${command.language}`);
        for (const line of command.code.split("\n")) lines.push(`${indent}  ${line}`);
        lines.push(`${indent}  \`\`\``);
      }
    }
  }
  return `${lines.join("\n")}\n`;
}
