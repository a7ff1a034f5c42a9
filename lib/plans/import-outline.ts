import type { PlanDocument, PlanItem, PlanSection } from "@/lib/plan-document/schema";

/** What the import preview shows of a parsed document: the section tree with counts. */
export interface OutlineSection {
  id: string;
  title: string;
  offset?: string;
  items: number;
  checked: number;
  commands: number;
  isRollback: boolean;
  sampleItems: string[];
  children: OutlineSection[];
}

function countItems(items: PlanItem[]): { items: number; checked: number; commands: number } {
  return items.reduce(
    (total, item) => {
      const nested = countItems(item.items);
      return {
        items: total.items + 1 + nested.items,
        checked: total.checked + (item.state?.status === "done" ? 1 : 0) + nested.checked,
        commands: total.commands + item.commands.length + nested.commands,
      };
    },
    { items: 0, checked: 0, commands: 0 },
  );
}

export function outlineOf(document: PlanDocument): OutlineSection[] {
  const rollback = new Set(document.rollback.procedureSectionIds);
  const visit = (section: PlanSection, insideRollback: boolean): OutlineSection => {
    const counts = countItems(section.items);
    const isRollback = insideRollback || rollback.has(section.id);
    return {
      id: section.id,
      title: section.title || section.heading || "(before the first heading)",
      offset: section.offset?.raw,
      items: counts.items,
      checked: counts.checked,
      commands: counts.commands + section.codeBlocks.length,
      isRollback,
      sampleItems: section.items.slice(0, 3).map((item) => item.text),
      children: section.sections.map((child) => visit(child, isRollback)),
    };
  };
  return document.sections.map((section) => visit(section, false));
}
