import { contextFor, headingKey, type HeadingContext } from "@/lib/import/heading-context";
import type { PlanDocument, PlanSection, PlanTableKind } from "@/lib/plan-document/schema";

/** Headings that name where a table of each kind belongs. */
const HOME_HEADING: Record<PlanTableKind, (key: string, context: HeadingContext) => boolean> = {
  contacts: (_key, context) => context.contacts,
  risks: (key) => /\brisk/.test(key),
  timeline: (key) => /timeline|schedule|run ?sheet|ablauf|zeitplan/.test(key),
  monitoring: (key) => /monitor/.test(key),
  generic: () => false,
};

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
 * The section a new table of `kind` goes in (null: the plan's introduction), chosen so that
 * the export puts it where the importer reads it back as the same kind: the first section
 * whose heading names the kind ("Contacts", "Risks", "Timeline"), else the document's last
 * section. Never a sign-off section, where a Role/Name table reads as sign-off lines, nor a
 * section of messages or rollback triggers, where it would sit among what it is not.
 */
export function placeNewTable(document: PlanDocument, kind: PlanTableKind): string | null {
  const candidates = sectionsInOrder(document.sections, undefined).filter(({ context }) => !context.signoff && !context.comms && !context.rollbackTriggers);
  const home = candidates.find(({ section, context }) => HOME_HEADING[kind](headingKey(section.title), context));
  return (home ?? candidates.at(-1))?.section.id ?? null;
}
