import type { PlanDocument } from "@/lib/plan-document/schema";
import { allItems, allSections } from "@/lib/plan-document/walk";

/** Counts shown after an import ("42 items, 3 gates …") and asserted by the tests. */
export interface ParseSummary {
  sections: number;
  items: number;
  checkedItems: number;
  /** Fenced code blocks attached to sections or items (communication templates excluded). */
  commands: number;
  timelineRows: number;
  riskRows: number;
  contactRows: number;
  monitoringRows: number;
  commsTemplates: number;
  gates: number;
  signoffRoles: number;
  rollbackTriggers: number;
  /** Unrecognized blocks plus tables kept as generic tables. */
  unrecognizedBlocks: number;
}

export function summarize(document: PlanDocument): ParseSummary {
  const sections = allSections(document);
  const items = allItems(document);
  const rows = (kind: string) =>
    document.tables.filter((table) => table.kind === kind).reduce((total, table) => total + table.rows.length, 0);
  return {
    sections: sections.length,
    items: items.length,
    checkedItems: items.filter((item) => item.state?.status === "done").length,
    commands:
      sections.reduce((total, section) => total + section.codeBlocks.length, 0) +
      items.reduce((total, item) => total + item.commands.length, 0),
    timelineRows: rows("timeline"),
    riskRows: rows("risks"),
    contactRows: rows("contacts"),
    monitoringRows: rows("monitoring"),
    commsTemplates: document.commsTemplates.length,
    gates: document.gates.length,
    signoffRoles: document.gates.reduce((total, gate) => total + gate.roles.length, 0),
    rollbackTriggers: document.rollback.triggers.length,
    unrecognizedBlocks: document.unrecognized.length + document.tables.filter((table) => table.kind === "generic").length,
  };
}
