import { sectionSubtreeIds, type OutlineSectionNode } from "@/lib/plan-editor/outline-moves";

interface CountedSection extends OutlineSectionNode {
  title: string;
  items: readonly unknown[];
}

/** "Delete section Verify and its 4 items?" — the steps of its sub-sections go too, so they count. */
export function deleteSectionQuestion(section: CountedSection, sections: readonly CountedSection[]): string {
  const ids = new Set(sectionSubtreeIds(sections, section.id));
  const count = sections.filter((other) => ids.has(other.id)).reduce((total, other) => total + other.items.length, 0);
  return `Delete section ${section.title} and its ${count} item${count === 1 ? "" : "s"}?`;
}
