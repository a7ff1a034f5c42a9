import type { CodeBlock, PlanDocument, PlanItem, PlanSection, PlanTable } from "@/lib/plan-document/schema";
import { planColumnsOf } from "@/lib/plans/plan-rows";
import { timeColumnsOf } from "@/lib/plans/time-columns";

/** What the import preview shows of a parsed document: its content, where it came from, and the counts. */
export interface OutlineCommand {
  language: string;
  code: string;
  line?: number;
}

export interface OutlineStep {
  id: string;
  text: string;
  line?: number;
  /** "done", "skipped", … when the document already marks it; absent while open. */
  status?: string;
  required: boolean;
  /** The commands that follow this step in the document, in order. */
  commands: OutlineCommand[];
  steps: OutlineStep[];
}

export interface OutlineSection {
  id: string;
  title: string;
  line?: number;
  offset?: string;
  items: number;
  checked: number;
  commands: number;
  isRollback: boolean;
  /** The section's steps, each with the commands that follow it. */
  steps: OutlineStep[];
  /** Commands before the section's first step, which belong to the section itself. */
  sectionCommands: OutlineCommand[];
  children: OutlineSection[];
}

const MAX_CODE = 2000;

function commandOf(block: CodeBlock): OutlineCommand {
  return { language: block.language || "text", code: block.code.slice(0, MAX_CODE), ...(block.line ? { line: block.line } : {}) };
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

function stepOf(item: PlanItem): OutlineStep {
  return {
    id: item.id,
    text: item.text,
    ...(item.line ? { line: item.line } : {}),
    ...(item.state && item.state.status !== "pending" ? { status: item.state.status } : {}),
    required: item.required,
    commands: item.commands.map(commandOf),
    steps: item.items.map(stepOf),
  };
}

export function outlineOf(document: PlanDocument): OutlineSection[] {
  const rollback = new Set(document.rollback.procedureSectionIds);
  const visit = (section: PlanSection, insideRollback: boolean): OutlineSection => {
    const counts = countItems(section.items);
    const isRollback = insideRollback || rollback.has(section.id);
    return {
      id: section.id,
      title: section.title || section.heading || "(before the first heading)",
      ...(section.line ? { line: section.line } : {}),
      offset: section.offset?.raw,
      items: counts.items,
      checked: counts.checked,
      commands: counts.commands + section.codeBlocks.length,
      isRollback,
      steps: section.items.map(stepOf),
      sectionCommands: section.codeBlocks.map(commandOf),
      children: section.sections.map((child) => visit(child, isRollback)),
    };
  };
  return document.sections.map((section) => visit(section, false));
}

/** The plan fields the header gives, as the plan will have them. */
export interface OutlineHeader {
  environment: string | null;
  window: string | null;
  lengthMinutes: number | null;
  lead: string | null;
  changeTicket: string | null;
}

export interface OutlineTable {
  id: string;
  kind: PlanTable["kind"];
  header: string[];
  rows: string[][];
  /** Rows beyond those shown. */
  more: number;
}

export interface OutlineGate {
  id: string;
  kind: PlanDocument["gates"][number]["kind"];
  label: string | null;
  decisionMaker: string | null;
  roles: string[];
}

export interface OutlineExtras {
  header: OutlineHeader;
  tables: OutlineTable[];
  gates: OutlineGate[];
  triggers: { text: string; mode: string }[];
}

const TABLE_ROWS_SHOWN = 8;
const TABLE_COLUMNS: { [K in PlanTable["kind"]]: [string, (row: Extract<PlanTable, { kind: K }>["rows"][number]) => string | undefined][] } = {
  timeline: [["Time", (row) => row.time ?? row.offset?.raw], ["Activity", (row) => row.activity], ["Duration", (row) => row.duration], ["Owner", (row) => row.owner]],
  risks: [["Risk", (row) => row.risk], ["Probability", (row) => row.probability], ["Impact", (row) => row.impact], ["Mitigation", (row) => row.mitigation]],
  contacts: [["Role", (row) => row.role], ["Name", (row) => row.name], ["Email", (row) => row.email], ["Phone", (row) => row.phone]],
  monitoring: [["Window", (row) => row.window], ["Frequency", (row) => row.frequency], ["Owner", (row) => row.owner], ["Checks", (row) => row.checks]],
  generic: [],
};

function tableOf(table: PlanTable): OutlineTable {
  let header: string[];
  let rows: string[][];
  if (table.kind === "generic") {
    header = table.header;
    rows = table.rows;
  } else {
    const columns = TABLE_COLUMNS[table.kind] as [string, (row: unknown) => string | undefined][];
    header = columns.map(([label]) => label);
    rows = (table.rows as unknown[]).map((row) => columns.map(([, read]) => read(row) ?? ""));
  }
  return { id: table.id, kind: table.kind, header, rows: rows.slice(0, TABLE_ROWS_SHOWN), more: Math.max(0, rows.length - TABLE_ROWS_SHOWN) };
}

/** Everything besides the sections: the header's plan fields, tables, gates and rollback triggers. */
export function outlineExtrasOf(document: PlanDocument): OutlineExtras {
  const columns = planColumnsOf(document);
  const time = timeColumnsOf(document);
  return {
    header: {
      environment: columns.environment,
      window: columns.windowStartText,
      lengthMinutes: time.expectedDurationMinutes,
      lead: columns.deployLead,
      changeTicket: columns.changeTicket,
    },
    tables: document.tables.map(tableOf),
    gates: document.gates.map((gate) => ({ id: gate.id, kind: gate.kind, label: gate.label ?? null, decisionMaker: gate.decisionMaker ?? null, roles: gate.roles.map((role) => role.role) })),
    triggers: document.rollback.triggers.map((trigger) => ({ text: trigger.text, mode: trigger.mode })),
  };
}

