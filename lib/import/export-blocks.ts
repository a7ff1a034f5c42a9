import type { CodeBlock, CommsTemplate, Field, Gate, PlanItem, PlanTable } from "@/lib/plan-document/schema";
import { templateNameMeta } from "@/lib/import/comms-templates";
import { looksLikeRole } from "@/lib/import/heading-context";
import { isDoneOutsideTarget } from "@/lib/plan-document/metric";
import { analyzeItemText, formatStateSuffix, strikeForState } from "@/lib/import/item-text";
import { BLANK } from "@/lib/import/placeholders";
import { foldUserText } from "@/lib/import/fold-user-text";
import { planningFieldLines } from "@/lib/import/item-planning-fields";

/**
 * Markdown for the pieces of a PlanDocument, written in the forms the parser reads back
 * into the same structure (see parse-plan-markdown.ts for the rules).
 */

export type BlockKind = "heading" | "paragraph" | "caption" | "list" | "code" | "table" | "raw";

export interface Block {
  kind: BlockKind;
  text: string;
}

export function fieldValue(field: Field): string {
  if (field.options) return field.options.map((option) => `[${option.selected ? "x" : " "}] ${option.label}`).join(" ");
  return field.value === "" ? BLANK : field.value;
}

export function fieldLines(fields: { key: string; value: string }[] | Field[]): Block | undefined {
  if (fields.length === 0) return undefined;
  return { kind: "paragraph", text: fields.map((field) => `**${field.key}**: ${fieldValue(field)}`).join("\n") };
}

function indent(text: string, spaces: number): string {
  const pad = " ".repeat(spaces);
  return text
    .split("\n")
    .map((line) => (line === "" ? "" : pad + line))
    .join("\n");
}

export function fence(block: Pick<CodeBlock, "language" | "meta" | "code">): string {
  const longestRun = Math.max(2, ...[...block.code.matchAll(/`{3,}/g)].map((match) => match[0].length));
  const marks = "`".repeat(longestRun + 1);
  const info = block.meta ? `${block.language} ${block.meta}` : block.language;
  return `${marks}${info}\n${block.code}${block.code === "" ? "" : "\n"}${marks}`;
}

/** Appends markers for flags the text does not already imply ("(optional)", "(critical)" …). */
function itemText(item: PlanItem, includeState: boolean): string {
  const facts = analyzeItemText(item.text);
  const derivedAssignee = facts.assignee ?? (item.group !== undefined && looksLikeRole(item.group) ? item.group : undefined);
  let text = item.text;
  if (!item.required && facts.required) text += " (optional)";
  if (item.critical && !facts.critical) text += " (critical)";
  if (item.expected !== undefined && item.expected !== facts.expected) text += ` (expected: ${item.expected})`;
  if (item.assignee !== undefined && item.assignee !== derivedAssignee) text += ` (owner: ${item.assignee})`;
  if (includeState && item.state) text = strikeForState(text, item.state) + formatStateSuffix(item.state, item.metric?.unit, isDoneOutsideTarget(item.metric, item.state.status.toUpperCase(), item.state.measuredValue));
  return text;
}

function itemMarkdown(item: PlanItem, includeState: boolean): string {
  const done = includeState && item.state?.status === "done";
  const lines = [`- [${done ? "x" : " "}] ${indent(itemText(item, includeState), 2).trimStart()}`];
  const planning = planningFieldLines(item);
  if (planning !== undefined) lines.push("", indent(planning, 2));
  // Blank lines keep details and commands out of the item's first paragraph.
  if (item.details !== undefined) lines.push("", indent(item.details, 2));
  for (const command of item.commands) lines.push("", indent(fence(command), 2));
  for (const child of item.items) lines.push(indent(itemMarkdown(child, includeState), 2));
  return lines.join("\n");
}

/** Items as task lists; a change of `group` starts a new list under a "**Group**:" caption. */
export function itemBlocks(items: PlanItem[], includeState: boolean): Block[] {
  const blocks: Block[] = [];
  let current: { group: string | undefined; lines: string[] } | undefined;
  const flush = () => {
    if (current) blocks.push({ kind: "list", text: current.lines.join("\n") });
  };
  for (const item of items) {
    if (!current || current.group !== item.group) {
      flush();
      current = { group: item.group, lines: [] };
      if (item.group !== undefined) blocks.push({ kind: "caption", text: `**${item.group}**:` });
    }
    current.lines.push(itemMarkdown(item, includeState));
  }
  flush();
  return blocks;
}

function escapeCell(text: string | undefined): string {
  return (text ?? "").replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function markdownTable(header: string[], rows: string[][]): Block {
  const lines = [
    `| ${header.map(escapeCell).join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${header.map((_, index) => escapeCell(row[index])).join(" | ")} |`),
  ];
  return { kind: "table", text: lines.join("\n") };
}

type Column<Row> = [header: string, value: (row: Row) => string | undefined, always: boolean];

/** A table as a grid of cells: what the export writes, and what the editor shows and sends back. */
export interface TableGrid {
  header: string[];
  rows: string[][];
}

function typedGrid<Row extends { extra: Field[] }>(rows: Row[], columns: Column<Row>[]): TableGrid {
  const used = columns.filter(([, value, always]) => always || rows.some((row) => value(row) !== undefined));
  const extraKeys: string[] = [];
  for (const row of rows) for (const field of row.extra) if (!extraKeys.includes(field.key)) extraKeys.push(field.key);
  const header = [...used.map(([name]) => name), ...extraKeys];
  const body = rows.map((row) => [
    ...used.map(([, value]) => value(row) ?? ""),
    ...extraKeys.map((key) => row.extra.find((field) => field.key === key)?.value ?? ""),
  ]);
  return { header, rows: body };
}

const blankable = (value: string | undefined) => (value === "" ? BLANK : value);
const asWritten = (value: string | undefined) => value;

/**
 * The grid of a table, with its known columns first under their usual names and any other
 * columns after them. `blank` writes a contact cell declared blank: as a fill-in line in the
 * export, as an empty cell in the editor.
 */
export function tableGrid(table: PlanTable, blank: (value: string | undefined) => string | undefined = asWritten): TableGrid {
  switch (table.kind) {
    case "timeline":
      return typedGrid(table.rows, [
        ["Time", (row) => row.time, true],
        ["Activity", (row) => row.activity, true],
        ["Duration", (row) => row.duration, true],
        ["Owner", (row) => row.owner, false],
        ["Status", (row) => row.status, false],
      ]);
    case "risks":
      return typedGrid(table.rows, [
        ["Risk", (row) => row.risk, true],
        ["Probability", (row) => row.probability, true],
        ["Impact", (row) => row.impact, true],
        ["Mitigation", (row) => row.mitigation, true],
        ["Owner", (row) => row.owner, false],
      ]);
    case "monitoring":
      return typedGrid(table.rows, [
        ["Window", (row) => row.window, true],
        ["Frequency", (row) => row.frequency, true],
        ["Checks", (row) => row.checks, true],
        ["Owner", (row) => row.owner, false],
      ]);
    case "contacts":
      return typedGrid(table.rows, [
        ["Order", (row) => (row.order === undefined ? undefined : String(row.order)), false],
        ["Role", (row) => blank(row.role), true],
        ["Name", (row) => blank(row.name), true],
        ["Email", (row) => blank(row.email), false],
        ["Phone", (row) => blank(row.phone), false],
        ["Responsibility", (row) => blank(row.responsibility), false],
      ]);
    case "generic":
      return { header: table.header, rows: table.rows };
  }
}

export function tableBlock(table: PlanTable): Block {
  const grid = tableGrid(table, blankable);
  return markdownTable(grid.header, grid.rows);
}

/** `defaultName`: the name importing would give it where it is written; another name is written in the fence. */
export function templateBlock(template: CommsTemplate, defaultName: string): Block {
  const headers = [
    ...(template.audience !== undefined ? [`To: ${template.audience}`] : []),
    ...(template.subject !== undefined ? [`Subject: ${template.subject}`] : []),
  ];
  const code = headers.length > 0 ? `${headers.join("\n")}\n\n${template.body}` : template.body;
  const meta = template.name === defaultName ? undefined : templateNameMeta(template.name);
  return { kind: "code", text: fence({ language: "text", code, ...(meta ? { meta } : {}) }) };
}

/**
 * Roles of a gate outside a sign-off section (where "Role: ____" lines would read as plain
 * items) go in a table with Role and Approved columns, which is read as sign-offs anywhere.
 */
function roleTable(gate: Gate, includeState: boolean): Block {
  const withDate = gate.roles.some((role) => role.signedAt !== undefined);
  const header = ["Role", "Signed By", ...(withDate ? ["Date"] : []), "Approved"];
  const rows = gate.roles.map((role) => [
    `${role.role}${role.required ? "" : " (optional)"}`,
    includeState ? foldUserText(role.signedBy) : "",
    ...(withDate ? [includeState ? (role.signedAt ?? "") : ""] : []),
    includeState && role.signed ? "✓" : "",
  ]);
  return markdownTable(header, rows);
}

/**
 * A gate's decision line, then its roles in order: a role with its own checklist (items
 * grouped under the role's name) as a bold caption and those items, any other role as a
 * "Role: _____" sign-off line (or a table row outside sign-off sections).
 */
export function gateBlocks(gate: Gate, roleItems: Map<string, PlanItem[]>, includeState: boolean, inSignoffSection: boolean): Block[] {
  const blocks: Block[] = [];
  if (gate.decisionOptions.length > 0) {
    const options = gate.decisionOptions.map((option) =>
      includeState && gate.decision !== undefined ? `[${option === gate.decision ? "x" : " "}] ${option}` : option,
    );
    // The maker goes in the label, "**Decision (CAB chair)**", unless its own emphasis or
    // parentheses would end the bold or the parentheses early: then on a line of its own.
    const maker = gate.decisionMaker;
    const inLabel = maker !== undefined && !/[*_()]/.test(maker);
    const label = inLabel ? ` (${maker === "" ? BLANK : maker})` : "";
    blocks.push({ kind: "paragraph", text: `**Decision${label}**: ${options.join(" / ")}` });
    if (maker !== undefined && !inLabel) blocks.push({ kind: "paragraph", text: `**Decision Maker**: ${maker}` });
  } else if (gate.decisionMaker !== undefined) {
    blocks.push({ kind: "paragraph", text: `**Decision Maker**: ${gate.decisionMaker === "" ? BLANK : gate.decisionMaker}` });
  }
  if (!inSignoffSection) {
    if (gate.roles.length > 0) blocks.push(roleTable(gate, includeState));
    return blocks;
  }
  let lines: string[] = [];
  let labelled = false;
  const flush = () => {
    if (lines.length === 0) return;
    if (gate.label !== undefined && !labelled) blocks.push({ kind: "caption", text: `**${gate.label}**:` });
    labelled = true;
    blocks.push({ kind: "list", text: lines.join("\n") });
    lines = [];
  };
  for (const role of gate.roles) {
    const items = roleItems.get(role.role);
    if (items && items.length > 0) {
      flush();
      blocks.push(...itemBlocks(items, includeState));
      continue;
    }
    const signed = includeState && role.signed;
    const by = includeState && role.signedBy !== "" ? foldUserText(role.signedBy) : BLANK;
    const date = role.signedAt === undefined ? "" : ` Date: ${includeState && role.signedAt !== "" ? role.signedAt : BLANK}`;
    lines.push(`- [${signed ? "x" : " "}] ${role.role}${role.required ? "" : " (optional)"}: ${by}${date}`);
  }
  flush();
  return blocks;
}
