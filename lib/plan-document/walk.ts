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
