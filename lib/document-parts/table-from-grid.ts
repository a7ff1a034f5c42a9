import { AppError } from "@/lib/errors";
import { alignContactColumns } from "@/lib/import/contact-text";
import type { TableGrid } from "@/lib/import/export-blocks";
import { contactRow, monitoringRow, riskRow, timelineRow } from "@/lib/import/section-tables";
import { mapColumns } from "@/lib/import/table-semantics";
import type { PlanTable } from "@/lib/plan-document/schema";

/** The column a table of each kind cannot do without, and how to name it in a message. */
const NEEDED: Partial<Record<PlanTable["kind"], { columns: string[]; message: string }>> = {
  timeline: { columns: ["activity"], message: "A timeline needs a column for what happens (Activity, Step or Task)." },
  risks: { columns: ["risk"], message: "A risk table needs a Risk column." },
  contacts: { columns: ["role", "name"], message: "A contact table needs a Role or a Name column." },
};

/**
 * The table `table` becomes when the editor sends `grid` back: the same id, place and kind,
 * its rows read from the cells by what their headers mean, with the importer's own column
 * rules (lib/import/table-semantics.ts). So a table edited in the app reads back the same
 * when its export is imported again. Refuses (422) a grid that lost the column its kind needs.
 */
export function tableFromGrid(table: PlanTable, grid: TableGrid): PlanTable {
  const base = { id: table.id, sectionId: table.sectionId };
  const rows = grid.rows.map((row) => grid.header.map((_, index) => row[index] ?? ""));
  if (table.kind === "generic") return { ...base, kind: "generic", header: grid.header, rows, ...(table.line !== undefined ? { line: table.line } : {}) };
  const map = mapColumns(table.kind, grid.header);
  const needed = NEEDED[table.kind];
  if (needed && !needed.columns.some((column) => map.columns.has(column))) throw new AppError("unprocessable", needed.message);
  switch (table.kind) {
    case "timeline":
      return { ...base, kind: "timeline", rows: rows.map((row) => timelineRow(row, grid.header, map)) };
    case "risks":
      return { ...base, kind: "risks", rows: rows.map((row) => riskRow(row, grid.header, map)) };
    case "monitoring":
      return { ...base, kind: "monitoring", rows: rows.map((row) => monitoringRow(row, grid.header, map)) };
    case "contacts":
      return { ...base, kind: "contacts", rows: alignContactColumns(rows.map((row) => contactRow(row, grid.header, map))) };
  }
}
