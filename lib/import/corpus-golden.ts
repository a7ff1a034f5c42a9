/**
 * What a golden file pins down for one corpus document (lib/import/fixtures/corpus): the
 * import summary, and the structure a person checks against the document by eye — section
 * paths with their items, gates, rollback triggers, table rows, metadata and warnings.
 * Test support only; the golden JSON files are written from this shape and then read and
 * corrected by hand against each document, never accepted blindly.
 */
import type { ReadUpload } from "@/lib/import/read-upload";
import type { PlanItem, PlanSection } from "@/lib/plan-document/schema";

export interface GoldenItem {
  text: string;
  done?: true;
  assignee?: string;
  commands?: number;
  items?: GoldenItem[];
}

export interface GoldenSection {
  path: string;
  offsetMinutes?: number;
  items: GoldenItem[];
}

export interface Golden {
  summary: ReadUpload["summary"];
  title: string;
  overview: string;
  metadata: Record<string, unknown>;
  sections: GoldenSection[];
  gates: { section: string; kind: string; options: string[]; decision?: string; decisionMaker?: string; roles: string[] }[];
  rollbackTriggers: { section: string; text: string }[];
  rollbackProcedures: string[];
  tables: { section: string; kind: string; rows: string[][] }[];
  warnings: string[];
}

function goldenItem(item: PlanItem): GoldenItem {
  return {
    text: item.text,
    ...(item.state?.status === "done" ? { done: true as const } : {}),
    ...(item.assignee ? { assignee: item.assignee } : {}),
    ...(item.commands.length > 0 ? { commands: item.commands.length } : {}),
    ...(item.items.length > 0 ? { items: item.items.map(goldenItem) } : {}),
  };
}

function sectionPaths(sections: PlanSection[], parent: string, out: Map<string, string>, list: GoldenSection[]): void {
  for (const section of sections) {
    const path = parent === "" ? section.title : `${parent} > ${section.title}`;
    out.set(section.id, path);
    list.push({ path, ...(section.offset ? { offsetMinutes: section.offset.minutes } : {}), items: section.items.map(goldenItem) });
    sectionPaths(section.sections, path, out, list);
  }
}

/** Rows as the cells a reader sees, in the kind's own column order. */
function rowCells(row: Record<string, unknown>): string[] {
  return Object.entries(row)
    .filter(([key, value]) => key !== "extra" && key !== "offset" && key !== "durationMinutes" && typeof value !== "object")
    .map(([key, value]) => `${key}=${String(value)}`);
}

export function goldenOf(upload: ReadUpload): Golden {
  const { document } = upload;
  const paths = new Map<string, string>();
  const sections: GoldenSection[] = [];
  sectionPaths(document.sections, "", paths, sections);
  const where = (id: string | null) => (id === null ? "(preamble)" : (paths.get(id) ?? id));
  return {
    summary: upload.summary,
    title: document.title,
    overview: document.overview,
    metadata: document.metadata,
    sections,
    gates: document.gates.map((gate) => ({
      section: where(gate.sectionId),
      kind: gate.kind,
      options: gate.decisionOptions,
      ...(gate.decision ? { decision: gate.decision } : {}),
      ...(gate.decisionMaker ? { decisionMaker: gate.decisionMaker } : {}),
      roles: gate.roles.map((role) => role.role),
    })),
    rollbackTriggers: document.rollback.triggers.map((trigger) => ({ section: where(trigger.sectionId), text: trigger.text })),
    rollbackProcedures: document.rollback.procedureSectionIds.map(where),
    tables: document.tables.map((table) => ({
      section: where(table.sectionId),
      kind: table.kind,
      rows:
        table.kind === "generic"
          ? [table.header, ...table.rows]
          : table.rows.map((row) => [
              ...rowCells(row as unknown as Record<string, unknown>),
              ...row.extra.map((field) => `${field.key}=${field.value}`),
            ]),
    })),
    warnings: upload.warnings,
  };
}
