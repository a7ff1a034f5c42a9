import type { EditorItem, EditorSection } from "@/components/editor/editor-types";
import type { PlanningOptions } from "@/components/editor/planning-fields";
import type { Metric, PlanDocument, PlanItem } from "@/lib/plan-document/schema";
import { allItems, allSections } from "@/lib/plan-document/walk";
import { templateSignOffTitles } from "@/lib/templates/create-plan-from-template";
import { templateOutline } from "@/lib/templates/edit-template-document";
import { readTemplatePlanning } from "@/lib/templates/template-planning";

/**
 * A template as the plan editor shows a plan: ids are the document's keys, every step is
 * pending, and every section and step carries the template's version (a template is saved
 * as a whole, so that is the version an edit is checked against).
 */
export function templateEditorSections(document: PlanDocument, version: number): EditorSection[] {
  const outline = templateOutline(document);
  const planning = readTemplatePlanning(document);
  const entries = new Map(allItems(document).map((item) => [item.id, item]));
  const sectionDepth = new Map<string, number>();
  const itemDepth = new Map<string, number>();
  return outline.sections.map((section) => {
    const depth = section.parentId ? (sectionDepth.get(section.parentId) ?? 0) + 1 : 0;
    sectionDepth.set(section.id, depth);
    const items = outline.items
      .filter((item) => item.sectionId === section.id)
      .map((item): EditorItem => {
        const entry = entries.get(item.id) as PlanItem;
        const itemLevel = item.parentId ? (itemDepth.get(item.parentId) ?? 0) + 1 : 0;
        itemDepth.set(item.id, itemLevel);
        const { unresolved: _unresolved, ...itemPlanning } = planning.get(item.id) ?? { owners: [], dependsOn: [], plannedMinutes: null, unresolved: [] };
        return {
          id: item.id,
          text: item.text,
          notes: entry.details ?? "",
          commands: entry.commands.map((command) => ({ language: command.language || undefined, code: command.code })),
          required: item.required,
          critical: item.critical,
          metric: (item.metric as Metric | null) ?? null,
          version,
          status: "PENDING",
          parentItemId: item.parentId,
          depth: itemLevel,
          addedDuringRun: false,
          planning: itemPlanning,
          check: entry.check ?? null,
        };
      });
    return { id: section.id, title: section.title, version, parentSectionId: section.parentId, depth, items };
  });
}

/**
 * What a template's step form offers: owners are sign-off titles (the template's own, and any
 * its steps already name), and a step may wait for any step or section of the template.
 */
export function templatePlanningOptions(document: PlanDocument): PlanningOptions {
  const named = allItems(document).flatMap((item) => item.owners ?? []);
  const titles = [...new Set([...templateSignOffTitles(document), ...named])].sort((a, b) => a.localeCompare(b));
  return {
    owners: titles.map((title) => ({ key: `title:${title}`, label: `${title} (title)` })),
    targets: allSections(document).flatMap((section) => [
      { key: `section:${section.id}`, label: `Section: ${section.title || "Untitled"}` },
      ...flatItems(section.items).map((item) => ({ key: `item:${item.id}`, label: item.text })),
    ]),
  };
}

function flatItems(items: readonly PlanItem[]): PlanItem[] {
  return items.flatMap((item) => [item, ...flatItems(item.items)]);
}
