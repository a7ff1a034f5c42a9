import { contextFor } from "@/lib/import/heading-context";
import type { PlanDocument, PlanSection } from "@/lib/plan-document/schema";
import type { HeadingContext } from "@/lib/import/heading-context";

interface PlacedSection {
  section: PlanSection;
  context: HeadingContext;
}

function sectionsInOrder(sections: readonly PlanSection[], parent: HeadingContext | undefined): PlacedSection[] {
  return sections
    .filter((section) => section.level > 0)
    .flatMap((section) => {
      const context = contextFor(section.title, parent);
      return [{ section, context }, ...sectionsInOrder(section.sections, context)];
    });
}

/**
 * The section a new gate goes in, chosen so that the export writes it where the importer
 * reads it back as the same gate: the importer keeps one gate per section, so only a section
 * without one. A sign-off section comes first (there the gate's title is written as its
 * caption and read back); else the document's last section that is not one of messages or
 * rollback triggers. `index`: its place among the document's gates, in the order of their
 * sections, as the importer lists them. `undefined` when every section already has a gate.
 */
export function placeNewGate(document: PlanDocument): { sectionId: string; index: number } | undefined {
  const ordered = sectionsInOrder(document.sections, undefined);
  const taken = new Set(document.gates.map((gate) => gate.sectionId));
  const free = ordered.filter(({ section, context }) => !taken.has(section.id) && !context.comms && !context.rollbackTriggers);
  const home = (free.find(({ context }) => context.signoff) ?? free.at(-1))?.section;
  if (!home) return undefined;
  const rank = new Map(ordered.map(({ section }, position) => [section.id, position]));
  const homeRank = rank.get(home.id)!;
  const after = document.gates.findIndex((gate) => gate.sectionId !== null && (rank.get(gate.sectionId) ?? -1) > homeRank);
  return { sectionId: home.id, index: after === -1 ? document.gates.length : after };
}
