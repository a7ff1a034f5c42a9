import { normalizeKey } from "@/lib/import/field-line";

/**
 * Tables are recognised by what their header cells mean, not by exact words: "When",
 * "Time" and "T" are all the time column of a timeline. Each kind lists its columns in
 * matching order (more specific first, so "Check Frequency" is a frequency, not a check).
 */

export type TableKind = "metadata" | "signoff" | "risks" | "monitoring" | "timeline" | "contacts";

type ColumnRule = [column: string, pattern: RegExp];

const RULES: Record<TableKind, ColumnRule[]> = {
  metadata: [
    ["key", /^(field|property|key|attribute|parameter|setting|item|name)$/],
    ["value", /^(value|values|details?|info|information|description|setting)$/],
  ],
  signoff: [
    ["signed", /^(approved|signed|sign-?off|status|done|approval|[✓✔])$/],
    ["date", /date|when|signed at|time/],
    ["signature", /signature/],
    ["role", /role|approver role|function|team|sign-?off by|approver|signatory/],
    ["name", /name|person|signed by|who/],
  ],
  risks: [
    ["probability", /probab|likelihood|chance/],
    ["impact", /impact|severity|consequence|effect|level|rating/],
    ["mitigation", /mitigat|contingen|countermeasure|response|prevention|plan|action/],
    ["owner", /owner|who|responsible|assignee/],
    ["risk", /risk|hazard|threat|issue|concern|failure/],
  ],
  monitoring: [
    ["frequency", /frequen|interval|how often|cadence|every|cycle/],
    ["owner", /owner|who|responsible|on-?call|assignee/],
    ["window", /window|period|phase|time ?frame|when|time|duration|stage/],
    ["checks", /check|metric|focus|what|activit|monitor|signal|dashboard|action|task/],
  ],
  timeline: [
    ["duration", /duration|length|estimate|\best\b|time taken|how long|^mins?$|^minutes$/],
    ["time", /^(t|time|when|offset|start|start time|at|eta|clock|timestamp|schedule|t[+-]?|time \(.*\)|time [a-z]+|planned time)$/],
    ["activity", /step|activit|task|action|description|what|event|milestone|item|phase|stage/],
    ["owner", /owner|who|responsible|assignee|assigned|lead|team|\bby\b|executor|performed/],
    ["status", /status|state|done|complete|check/],
  ],
  contacts: [
    ["order", /^(#|no|order|level|tier|priority|seq|sequence|escalation|escalation level|escalation order|step)$/],
    ["email", /e-?mail|\bmail\b/],
    ["phone", /phone|mobile|cell|\btel\b|pager|number/],
    ["responsibility", /responsibilit|area|scope|escalate for|handles|covers|purpose|when to (call|contact)/],
    ["role", /role|position|title|function|team|department|dept/],
    ["name", /name|person|contact|who|individual|engineer|on-?call/],
  ],
};

/** Column index for each recognised column; unrecognised columns are listed as extra. */
export interface ColumnMap {
  columns: Map<string, number>;
  extra: number[];
}

export function mapColumns(kind: TableKind, header: string[]): ColumnMap {
  const columns = new Map<string, number>();
  const extra: number[] = [];
  header.forEach((cell, index) => {
    const key = normalizeKey(cell);
    const rule = RULES[kind].find(([column, pattern]) => !columns.has(column) && pattern.test(key));
    if (rule) columns.set(rule[0], index);
    else extra.push(index);
  });
  return { columns, extra };
}

export interface TableContext {
  inSignoff: boolean;
  inContacts: boolean;
}

function qualifies(kind: TableKind, has: (column: string) => boolean, columnCount: number, context: TableContext): boolean {
  switch (kind) {
    case "metadata":
      return columnCount === 2 && has("key") && has("value");
    case "signoff":
      // A bare Role/Name table is a sign-off list under a sign-off heading, unless that
      // heading is (also) about contacts.
      return has("role") && (has("signature") || has("signed") || (context.inSignoff && (!context.inContacts || has("date"))));
    case "risks":
      return has("risk") && (has("probability") || has("impact") || has("mitigation"));
    case "monitoring":
      return has("frequency") && (has("window") || has("checks"));
    case "timeline":
      return has("activity") && (has("time") || has("duration"));
    case "contacts":
      return (has("role") || has("name")) && (has("email") || has("phone") || has("responsibility") || has("order") || (has("role") && has("name")));
  }
}

// Ties go to the earlier kind: a Field/Value table is metadata even though "Name" could be
// a contact column.
const PRIORITY: TableKind[] = ["metadata", "signoff", "risks", "monitoring", "timeline", "contacts"];

export function classifyTable(header: string[], context: TableContext): { kind: TableKind; map: ColumnMap } | undefined {
  let best: { kind: TableKind; map: ColumnMap; score: number } | undefined;
  for (const kind of PRIORITY) {
    const map = mapColumns(kind, header);
    if (!qualifies(kind, (column) => map.columns.has(column), header.length, context)) continue;
    const score = map.columns.size;
    if (!best || score > best.score) best = { kind, map, score };
  }
  return best && { kind: best.kind, map: best.map };
}

/** A row's cell for a recognised column; blank cells ("", "-", "—") read as undefined. */
export function cell(row: string[], map: ColumnMap, column: string): string | undefined {
  const index = map.columns.get(column);
  if (index === undefined) return undefined;
  const value = (row[index] ?? "").trim();
  return value === "" || /^[-–—]$/.test(value) ? undefined : value;
}
