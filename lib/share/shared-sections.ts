import type { LiveSectionStructure } from "@/lib/plans/plan-view";

/** The checklist as a share link shows it: without command blocks when the lead hid them from links. */
export function sharedSections(sections: readonly LiveSectionStructure[], hideCommands: boolean): LiveSectionStructure[] {
  if (!hideCommands) return [...sections];
  return sections.map((section) => ({ ...section, commands: [], items: section.items.map((item) => ({ ...item, commands: [] })) }));
}
