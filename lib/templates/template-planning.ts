import type { PlanDocument } from "@/lib/plan-document/schema";
import { allItems, allSections, mapItems, withPlanningFields } from "@/lib/plan-document/walk";
import type { DependencyTargetInput, ItemPlanning } from "@/lib/planning/planning-schema";

/**
 * A template's owners, dependencies and planned minutes in the editor's terms. A template has
 * no members, so every owner is a sign-off title (whoever holds it on a plan made from the
 * template owns the step); an inline "(owner: …)" or "@name" stays in the step's text. The document stores them as the importer reads them ("Owner:",
 * "Depends on: <step text>; section <title>"), so the editor reads them into targets by
 * document key before an edit and writes them back in words after it: renaming a step or a
 * section keeps what waits for it. Words that name nothing in the template stay as written.
 */
export interface TemplateItemPlanning extends ItemPlanning {
  /** "Depends on" words that name no step or section of the template, kept as written. */
  unresolved: string[];
}

const SECTION_PREFIX = "section ";
const fold = (text: string) => text.trim().toLowerCase();

export function readTemplatePlanning(document: PlanDocument): Map<string, TemplateItemPlanning> {
  const items = allItems(document);
  const sectionByTitle = new Map<string, string>();
  for (const section of allSections(document)) if (!sectionByTitle.has(fold(section.title))) sectionByTitle.set(fold(section.title), section.id);
  const itemKeys = new Set(items.map((item) => item.id));
  const itemByText = new Map<string, string>();
  for (const item of items) if (!itemByText.has(fold(item.text))) itemByText.set(fold(item.text), item.id);

  const resolve = (written: string): DependencyTargetInput | undefined => {
    if (written.toLowerCase().startsWith(SECTION_PREFIX)) {
      const sectionId = sectionByTitle.get(fold(written.slice(SECTION_PREFIX.length)));
      return sectionId ? { sectionId } : undefined;
    }
    const itemId = itemKeys.has(written.trim()) ? written.trim() : itemByText.get(fold(written));
    return itemId ? { itemId } : undefined;
  };
  return new Map(
    items.map((item) => {
      const dependsOn: DependencyTargetInput[] = [];
      const unresolved: string[] = [];
      for (const written of item.dependsOn ?? []) {
        const target = resolve(written);
        if (target) dependsOn.push(target);
        else unresolved.push(written);
      }
      const owners = (item.owners ?? []).map((title) => ({ title }));
      return [item.id, { owners, dependsOn, plannedMinutes: item.plannedMinutes ?? null, unresolved }];
    }),
  );
}

/** The document with each step's planning written back in words, with the texts and titles it has now. */
export function writeTemplatePlanning(document: PlanDocument, planning: ReadonlyMap<string, TemplateItemPlanning>): PlanDocument {
  const items = allItems(document);
  const textCount = new Map<string, number>();
  for (const item of items) textCount.set(fold(item.text), (textCount.get(fold(item.text)) ?? 0) + 1);
  // The importer reads a step by its text; a text two steps share, or one a list cannot hold, is named by its key.
  const itemWord = new Map(items.map((item) => [item.id, textCount.get(fold(item.text)) === 1 && !item.text.includes(";") && !item.text.includes("\n") ? item.text.trim() : item.id]));
  const sectionWord = new Map(allSections(document).map((section) => [section.id, `${SECTION_PREFIX}${section.title}`]));

  return mapItems(document, (item) => {
    const current = planning.get(item.id);
    const owners = (current?.owners ?? []).flatMap((owner) => ("title" in owner ? [owner.title] : []));
    const dependsOn = [
      ...(current?.dependsOn ?? []).flatMap((target) => ("itemId" in target ? (itemWord.get(target.itemId) ?? []) : (sectionWord.get(target.sectionId) ?? []))),
      ...(current?.unresolved ?? []),
    ];
    return withPlanningFields(item, { owners, dependsOn, plannedMinutes: current?.plannedMinutes });
  });
}
