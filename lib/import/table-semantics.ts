import { normalizeKey } from "@/lib/import/field-line";
import { type ValueShape, columnShape, shapeOf } from "@/lib/import/value-shapes";

/**
 * Tables are recognised by what their header cells mean, not by exact words: "When",
 * "Time", "Start (UTC)" and "Uhrzeit" are all the time column of a timeline. Each kind lists
 * its columns in matching order (more specific first, so "Check Frequency" is a frequency,
 * not a check). A header note in parentheses ("Time (CET)", "Duration (min)") is matched
 * without it as well as with it.
 *
 * When the header alone does not make a kind, the values decide with it: a column of times
 * of day or T± offsets is a timeline's time, one of durations its duration, one of e-mail
 * addresses or phone numbers a contact column (see value-shapes.ts). Such a guess is weak:
 * the caller says so in the warnings.
 */

export type TableKind = "metadata" | "signoff" | "risks" | "monitoring" | "timeline" | "contacts" | "checklist";

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
    ["duration", /duration|length|estimate|\best\b|time taken|how long|^mins?$|^minutes$|^takes$|^took$|time ?box|budget|allowed|^dauer$|^span$/],
    ["time", /^(t|time|when|offset|start|starts|start time|begin|begins|kick-?off|slot|at|eta|clock|timestamp|schedule|t[+-]?|time \(.*\)|time [a-z]+|planned time|planned start|local time|hh:mm|zeit|uhrzeit|beginn|start ?zeit)$/],
    ["activity", /step|activit|task|action|description|what|event|milestone|item|phase|stage|work|schritt|aufgabe|taetigkeit|tatigkeit|massnahme|ablauf/],
    ["owner", /owner|who|responsible|assignee|assigned|lead|team|\bby\b|executor|performed|driver|verantwortlich|^wer$|zustandig|zustaendig/],
    ["status", /status|state|done|complete|check|result|outcome|ergebnis|erledigt/],
  ],
  contacts: [
    ["order", /^(#|no|order|level|tier|priority|seq|sequence|escalation|escalation level|escalation order|step)$/],
    ["email", /e-?mail|\bmail\b/],
    ["phone", /phone|mobile|cell|\btel\b|pager|number|telefon|handy|mobil/],
    ["responsibility", /responsibilit|area|scope|escalate for|handles|covers|purpose|when to (call|contact)/],
    ["role", /role|position|title|function|team|department|dept|rolle|funktion/],
    ["name", /name|person|contact|who|individual|engineer|on-?call|ansprechpartner/],
  ],
  // A checklist written as a table: one check per row, perhaps who does it and a box to tick.
  checklist: [
    ["done", /^(done|ok|checked|complete|completed|status|erledigt|x)$/],
    ["owner", /^(owner|who|responsible|assignee|by|wer|verantwortlich)$/],
    ["item", /^(checks?|steps?|tasks?|items?|actions?|todo|to do|what|checkpoint|verification|prufung|pruefung|aufgabe|schritt)$/],
  ],
};

/** Column index for each recognised column; unrecognised columns are listed as extra. */
export interface ColumnMap {
  columns: Map<string, number>;
  extra: number[];
}

/** A header cell's matching keys: as written, and without a note in parentheses ("Start (UTC)" → "start"). */
function headerKeys(cell: string): string[] {
  // A tick as a header ("✓") is the "done" column; normalising would leave nothing of it.
  const text = cell.replace(/[✓✔☑✅]/g, " done ");
  const full = normalizeKey(text);
  const bare = normalizeKey(withoutParenthesised(text));
  return bare !== "" && bare !== full ? [bare, full] : [full];
}

/**
 * The text with each parenthesised part (nested ones included) replaced by a space, by a plain
 * scan: a pattern such as /\([^)]*\)/g rescans to the end from every "(" of a run that never
 * closes, which is quadratic on a header cell of "((((…".
 */
export function withoutParenthesised(text: string): string {
  let depth = 0;
  let kept = "";
  for (const char of text) {
    if (char === "(") {
      if (depth === 0) kept += " ";
      depth += 1;
    } else if (char === ")" && depth > 0) depth -= 1;
    else if (depth === 0) kept += char;
  }
  return kept;
}

export function mapColumns(kind: TableKind, header: string[]): ColumnMap {
  const columns = new Map<string, number>();
  const extra: number[] = [];
  header.forEach((cell, index) => {
    const keys = headerKeys(cell);
    const rule = RULES[kind].find(([column, pattern]) => !columns.has(column) && keys.some((key) => pattern.test(key)));
    if (rule) columns.set(rule[0], index);
    else extra.push(index);
  });
  return { columns, extra };
}

/** Which value shapes can stand for a column the header did not name, per kind. */
const SHAPE_COLUMNS: Partial<Record<TableKind, [column: string, shapes: ValueShape[]][]>> = {
  timeline: [["time", ["clock", "offset"]], ["duration", ["duration"]], ["status", ["status"]], ["activity", ["text"]]],
  contacts: [["email", ["email"]], ["phone", ["phone"]], ["name", ["person"]]],
};

/**
 * The header's map completed from the values: each column the header left unnamed takes
 * the first still-missing column its values' shape can stand for. Returns the columns so
 * inferred, by their header text.
 */
function completeFromValues(kind: TableKind, map: ColumnMap, header: string[], rows: string[][]): { map: ColumnMap; inferred: string[] } {
  const rules = SHAPE_COLUMNS[kind];
  if (!rules || rows.length === 0) return { map, inferred: [] };
  const columns = new Map(map.columns);
  const extra: number[] = [];
  const inferred: string[] = [];
  for (const index of map.extra) {
    const shape = columnShape(rows, index);
    const rule = shape && rules.find(([column, shapes]) => !columns.has(column) && shapes.includes(shape));
    if (rule) {
      columns.set(rule[0], index);
      inferred.push(`"${header[index] ?? ""}" (${shape === "text" ? "free text" : `${describeShape(shape)}`} → ${rule[0]})`);
    } else extra.push(index);
  }
  return { map: { columns, extra }, inferred };
}

function describeShape(shape: ValueShape): string {
  const names: Record<ValueShape, string> = {
    clock: "times of day",
    offset: "T± offsets",
    duration: "durations",
    percent: "percentages",
    email: "e-mail addresses",
    phone: "phone numbers",
    person: "names",
    status: "status words",
    text: "free text",
  };
  return names[shape];
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
    case "checklist":
      // Every column accounted for: a wider table says more than a list of checks can hold.
      return has("item") && (has("done") || has("owner")) && columnCount <= 3;
  }
}

// Ties go to the earlier kind: a Field/Value table is metadata even though "Name" could be
// a contact column.
const PRIORITY: TableKind[] = ["metadata", "signoff", "risks", "monitoring", "timeline", "contacts", "checklist"];

/**
 * Whether the rows can be read as the kind without losing a cell: a checklist table becomes
 * items, so every row needs its check, and its box column may hold only ticks and status
 * words ("✓", "done", "pending"), nothing a list item would have no place for.
 */
function valuesFit(kind: TableKind, map: ColumnMap, rows: string[][]): boolean {
  if (kind !== "checklist") return true;
  const item = map.columns.get("item") ?? -1;
  const done = map.columns.get("done");
  return rows.every((row) => {
    const box = done === undefined ? "" : (row[done] ?? "").trim();
    return (row[item] ?? "").trim() !== "" && (box === "" || shapeOf(box) === "status");
  });
}

export interface TableClassification {
  kind: TableKind;
  map: ColumnMap;
  /** Columns recognised by their values rather than their header. */
  inferred: string[];
  /** The kind itself rests on those values (the header alone made no kind): a weak guess, worth a warning. */
  weak: boolean;
}

/**
 * The kind of table a header (and, when the header is not enough, its rows' values) makes.
 * The header decides first; values complete it only when no kind qualifies on the header
 * alone, so a table that reads clearly is never re-read from its values.
 */
export function classifyTable(header: string[], context: TableContext, rows: string[][] = []): TableClassification | undefined {
  let best: { kind: TableKind; map: ColumnMap; score: number } | undefined;
  for (const kind of PRIORITY) {
    const map = mapColumns(kind, header);
    if (!qualifies(kind, (column) => map.columns.has(column), header.length, context)) continue;
    const score = map.columns.size;
    if (!best || score > best.score) best = { kind, map, score };
  }
  if (best && !valuesFit(best.kind, best.map, rows)) best = undefined;
  if (best) {
    // The header decided; its unnamed columns may still be named by their values ("Reach" holding phone numbers).
    const completed = completeFromValues(best.kind, best.map, header, rows);
    return { kind: best.kind, map: completed.map, inferred: completed.inferred, weak: false };
  }
  let guess: (TableClassification & { score: number }) | undefined;
  for (const kind of PRIORITY) {
    const completed = completeFromValues(kind, mapColumns(kind, header), header, rows);
    if (completed.inferred.length === 0) continue;
    if (!qualifies(kind, (column) => completed.map.columns.has(column), header.length, context)) continue;
    // A guess from values must explain every column: one left over may mean the table is something else.
    if (completed.map.extra.length > 0 || !valuesFit(kind, completed.map, rows)) continue;
    const score = completed.map.columns.size;
    if (!guess || score > guess.score) guess = { kind, map: completed.map, inferred: completed.inferred, weak: true, score };
  }
  return guess && { kind: guess.kind, map: guess.map, inferred: guess.inferred, weak: true };
}

/** A row's cell for a recognised column; blank cells ("", "-", "—") read as undefined. */
export function cell(row: string[], map: ColumnMap, column: string): string | undefined {
  const index = map.columns.get(column);
  if (index === undefined) return undefined;
  const value = (row[index] ?? "").trim();
  return value === "" || /^[-–—]$/.test(value) ? undefined : value;
}
