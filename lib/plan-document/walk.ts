import type { PlanDocument, PlanItem, PlanSection } from "@/lib/plan-document/schema";

/** Every section, depth first in document order. */
export function allSections(document: Pick<PlanDocument, "sections">): PlanSection[] {
  const out: PlanSection[] = [];
  const visit = (sections: PlanSection[]) => {
    for (const section of sections) {
      out.push(section);
      visit(section.sections);
    }
  };
  visit(document.sections);
  return out;
}

/** Every item including sub-items, depth first in document order. */
export function allItems(document: Pick<PlanDocument, "sections">): PlanItem[] {
  const out: PlanItem[] = [];
  const visit = (items: PlanItem[]) => {
    for (const item of items) {
      out.push(item);
      visit(item.items);
    }
  };
  for (const section of allSections(document)) visit(section.items);
  return out;
}

export function findSection(document: Pick<PlanDocument, "sections">, id: string): PlanSection | undefined {
  return allSections(document).find((section) => section.id === id);
}

/** The document with every step, at any depth, replaced by `change(step)`; the steps below it are mapped the same way. */
export function mapItems<T extends Pick<PlanDocument, "sections">>(document: T, change: (item: PlanItem) => PlanItem): T {
  const withItem = (item: PlanItem): PlanItem => ({ ...change(item), items: item.items.map(withItem) });
  const withSection = (section: PlanSection): PlanSection => ({ ...section, items: section.items.map(withItem), sections: section.sections.map(withSection) });
  return { ...document, sections: document.sections.map(withSection) };
}

/** A step's planning fields as the document writes them: only those that say something. */
export function withPlanningFields(item: PlanItem, planning: { owners: string[]; dependsOn: string[]; plannedMinutes: number | null | undefined }): PlanItem {
  const { owners: _owners, dependsOn: _dependsOn, plannedMinutes: _minutes, ...rest } = item;
  return {
    ...rest,
    ...(planning.owners.length ? { owners: planning.owners } : {}),
    ...(planning.dependsOn.length ? { dependsOn: planning.dependsOn } : {}),
    ...(planning.plannedMinutes ? { plannedMinutes: planning.plannedMinutes } : {}),
  };
}
