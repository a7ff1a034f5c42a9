import type { Table } from "mdast";
import type { ContactRow, Field, MonitoringRow, PlanTable, RiskRow, TimelineRow } from "@/lib/plan-document/schema";
import { type BlockScope, type BuildState, gateFor, nextId } from "@/lib/import/build-state";
import { alignContactColumns } from "@/lib/import/contact-text";
import { toField } from "@/lib/import/field-line";
import { assignMetadataField } from "@/lib/import/metadata-fields";
import { stripBlanks } from "@/lib/import/placeholders";
import { analyzeItemText } from "@/lib/import/item-text";
import { isAffirmative } from "@/lib/import/signoff";
import { type ColumnMap, cell, classifyTable } from "@/lib/import/table-semantics";
import { parseDuration, parseOffsetCell } from "@/lib/import/time-text";

/** Cell text as inline Markdown, with the `\|` escape undone (the exporter re-escapes). */
function tableCells(table: Table, state: BuildState): string[][] {
  return table.children.map((row) => row.children.map((tableCell) => state.source.inline(tableCell).replace(/\\\|/g, "|")));
}

function extraColumns(row: string[], header: string[], map: ColumnMap): Field[] {
  return map.extra.map((index) => ({ key: header[index] ?? "", value: (row[index] ?? "").trim() }));
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

export function timelineRow(row: string[], header: string[], map: ColumnMap): TimelineRow {
  const time = cell(row, map, "time");
  const duration = cell(row, map, "duration");
  const offset = time === undefined ? undefined : parseOffsetCell(time);
  const minutes = duration === undefined ? undefined : parseDuration(duration)?.minutes;
  return {
    ...optional("time", time),
    ...(offset ? { offset } : {}),
    activity: cell(row, map, "activity") ?? "",
    ...optional("duration", duration),
    ...(minutes === undefined ? {} : { durationMinutes: minutes }),
    ...optional("owner", cell(row, map, "owner")),
    ...optional("status", cell(row, map, "status")),
    extra: extraColumns(row, header, map),
  };
}

export function riskRow(row: string[], header: string[], map: ColumnMap): RiskRow {
  return {
    risk: cell(row, map, "risk") ?? "",
    ...optional("probability", cell(row, map, "probability")),
    ...optional("impact", cell(row, map, "impact")),
    ...optional("mitigation", cell(row, map, "mitigation")),
    ...optional("owner", cell(row, map, "owner")),
    extra: extraColumns(row, header, map),
  };
}

export function monitoringRow(row: string[], header: string[], map: ColumnMap): MonitoringRow {
  return {
    ...optional("window", cell(row, map, "window")),
    ...optional("frequency", cell(row, map, "frequency")),
    ...optional("owner", cell(row, map, "owner")),
    ...optional("checks", cell(row, map, "checks")),
    extra: extraColumns(row, header, map),
  };
}

/** Contact cells keep declared blanks ("" for an empty Phone cell: a number still to collect). */
export function contactRow(row: string[], header: string[], map: ColumnMap): ContactRow {
  const declared = (column: string) => (map.columns.has(column) ? stripBlanks(cell(row, map, column) ?? "") : undefined);
  const order = Number.parseInt(cell(row, map, "order") ?? "", 10);
  return {
    ...(Number.isFinite(order) ? { order } : {}),
    role: declared("role") ?? "",
    name: declared("name") ?? "",
    ...optional("email", declared("email")),
    ...optional("phone", declared("phone")),
    ...optional("responsibility", declared("responsibility")),
    extra: extraColumns(row, header, map),
  };
}

/**
 * A checklist written as a table ("Check | Owner | Done"): each row is an item, its owner the
 * assignee, a ticked box ("✓", "yes", "[x]") done. The items join the section's own.
 */
function addChecklistRows(rows: string[][], map: ColumnMap, table: Table, scope: BlockScope, state: BuildState): void {
  const section = scope.section();
  const line = state.source.startLine(table);
  for (const row of rows) {
    const text = cell(row, map, "item");
    if (text === undefined) continue;
    const facts = analyzeItemText(text);
    const owner = cell(row, map, "owner");
    const assignee = facts.assignee ?? owner;
    section.items.push({
      id: `${section.id}:i${section.items.length + 1}`,
      text,
      commands: [],
      items: [],
      required: facts.required,
      critical: facts.critical,
      ...(facts.expected ? { expected: facts.expected } : {}),
      ...(assignee ? { assignee } : {}),
      ...(facts.metric ? { metric: facts.metric } : {}),
      ...(isAffirmative(cell(row, map, "done")) ? { state: { status: "done" as const, by: "import" } } : {}),
      line,
    });
  }
}

/**
 * A GFM table becomes metadata (Field/Value), gate roles (a Role column under a sign-off
 * heading), one of the recognised row kinds, or — if its header means nothing known — a
 * generic table that is kept verbatim and reported.
 */
export function handleTable(table: Table, scope: BlockScope, state: BuildState): void {
  const [header = [], ...rows] = tableCells(table, state);
  const classified = classifyTable(header, { inSignoff: scope.context.signoff, inContacts: scope.context.contacts }, rows);
  if (classified?.weak) {
    state.warnings.push(
      `Line ${state.source.startLine(table)}: a table with columns "${header.join(" | ")}" was read as ${classified.kind} from its values: ${classified.inferred.join(", ")}; check it.`,
    );
  }
  const base = { id: "", sectionId: scope.sectionId() };
  let planTable: PlanTable;
  switch (classified?.kind) {
    case "metadata":
      for (const row of rows) {
        const key = cell(row, classified.map, "key");
        if (key !== undefined) assignMetadataField(state.document.metadata, toField(key, row[classified.map.columns.get("value") ?? 1] ?? ""));
      }
      return;
    case "signoff": {
      const { map } = classified;
      const gate = gateFor(scope, state, scope.context.gateKind);
      for (const row of rows) {
        const roleCell = cell(row, map, "role");
        if (roleCell === undefined) continue;
        const role = roleCell.replace(/(?<!\s)\s*\(\s*optional\s*\)/i, "");
        const signedBy = stripBlanks(cell(row, map, "name") ?? cell(row, map, "signature") ?? "");
        const date = map.columns.has("date") ? stripBlanks(cell(row, map, "date") ?? "") : undefined;
        gate.roles.push({
          role,
          required: role === roleCell,
          signed: isAffirmative(cell(row, map, "signed")) || (map.columns.has("signature") && stripBlanks(cell(row, map, "signature") ?? "") !== ""),
          signedBy,
          ...(date === undefined ? {} : { signedAt: date }),
        });
      }
      return;
    }
    case "checklist":
      addChecklistRows(rows, classified.map, table, scope, state);
      return;
    case "timeline":
      planTable = { ...base, kind: "timeline", rows: rows.map((row) => timelineRow(row, header, classified.map)) };
      break;
    case "risks":
      planTable = { ...base, kind: "risks", rows: rows.map((row) => riskRow(row, header, classified.map)) };
      break;
    case "monitoring":
      planTable = { ...base, kind: "monitoring", rows: rows.map((row) => monitoringRow(row, header, classified.map)) };
      break;
    case "contacts":
      planTable = { ...base, kind: "contacts", rows: alignContactColumns(rows.map((row) => contactRow(row, header, classified.map))) };
      break;
    case undefined: {
      const line = state.source.startLine(table);
      planTable = { ...base, kind: "generic", header, rows: rows.map((row) => header.map((_, index) => row[index] ?? "")), line };
      state.warnings.push(`Line ${line}: a table with columns "${header.join(" | ")}" was not recognised; it is kept as a generic table.`);
      break;
    }
  }
  planTable.id = nextId(state, "table");
  state.document.tables.push(planTable);
}
