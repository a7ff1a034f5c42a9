import type { PlanDocument, PlanItem, PlanSection } from "@/lib/plan-document/schema";

/**
 * The parts of a document a Markdown round trip must keep: sections, items, commands,
 * tables, gates, rollback triggers, metadata. Ids and source line numbers are left out.
 */
export function structureOf(document: PlanDocument) {
  const item = (entry: PlanItem): unknown => ({
    text: entry.text,
    required: entry.required,
    critical: entry.critical,
    metric: entry.metric ?? null,
    commands: entry.commands.map(({ language, code }) => ({ language, code })),
    items: entry.items.map(item),
  });
  const section = (entry: PlanSection): unknown => ({
    title: entry.title,
    level: entry.level,
    offset: entry.offset?.minutes ?? null,
    commands: entry.codeBlocks.map(({ language, code }) => ({ language, code })),
    items: entry.items.map(item),
    sections: entry.sections.map(section),
  });
  return {
    title: document.title,
    metadata: document.metadata,
    sections: document.sections.map(section),
    tables: document.tables.map(({ id: _id, sectionId: _sectionId, ...table }) => ("line" in table ? { ...table, line: undefined } : table)),
    gates: document.gates.map((gate) => ({ kind: gate.kind, roles: gate.roles.map((role) => role.role), decisionMaker: gate.decisionMaker ?? null })),
    rollbackTriggers: document.rollback.triggers.map((trigger) => trigger.text),
    commsTemplates: document.commsTemplates.map(({ name, subject, body }) => ({ name, subject, body })),
  };
}
