import type { ItemState, ItemStatus, Metric } from "@/lib/plan-document/schema";
import { parseMetric } from "@/lib/import/metric-text";
import { foldUserText } from "@/lib/import/fold-user-text";
import { parenthesisedValue, valueToEnd, valueToEndWithout } from "@/lib/import/linear-scan";

/**
 * What an item's text says about the item. The text itself is kept as written; these flags
 * are derived from it, and the exporter appends a marker only when a flag is not already
 * implied by the text, so parse → export → parse is stable.
 */

export interface ItemTextFacts {
  required: boolean;
  critical: boolean;
  expected?: string;
  assignee?: string;
  metric?: Metric;
}

// "(optional)", "if applicable", "(if needed)", "(if schema changes affect tasks)": all mean
// the step may legitimately not apply.
// The "(if …)" form is checked apart: it only needs a ")" somewhere after "(if ".
const OPTIONAL = /\(\s*optional\s*\)|\[\s*optional\s*\]|^\s*optional\s*:|\bif applicable\b|\bif needed\b|\bif required\b/i;
const OPTIONAL_IF = /\(\s*if\s/i;

function isOptional(text: string): boolean {
  if (OPTIONAL.test(text)) return true;
  const conditional = OPTIONAL_IF.exec(text);
  return conditional !== null && text.lastIndexOf(")") >= conditional.index + conditional[0].length;
}

// Markers, not the adjective: "No critical bugs" is an ordinary item, "CRITICAL: …",
// "(critical)" and "⚠️ …" are not.
const CRITICAL = [/\bCRITICAL\b/, /[([]\s*critical\s*[)\]]/i, /^\s*(?:\*\*)?critical(?:\*\*)?\s*[:!—–-]/i, /⚠|🚨|❗|‼|🔴/u];

// Each reads "keyword … value"; see linear-scan.ts for why they are not single regexes.
const EXPECTED: ((text: string) => string | undefined)[] = [
  (text) => parenthesisedValue(text, /\(\s*expected(?: result)?\s*:/gi),
  (text) => valueToEnd(text, /\bexpected(?: result)?\s*:/gi),
  (text) => valueToEnd(text, /(?:→|->|=>)\s*expect(?:ed)?(?: result)?\s*:?/gi),
];

const ASSIGNEE: ((text: string) => string | undefined)[] = [
  (text) => parenthesisedValue(text, /\(\s*(?:owner|assignee|assigned to|responsible|who)\s*:/gi),
  (text) => valueToEndWithout(text, /\b(?:owner|assignee|assigned to)\s*:/gi, ";,()"),
  // "@nadia.petrova": a handle may hold dots, but a sentence's full stop after it is not part of it.
  (text) => /(?:^|[\s(])@([A-Za-z][\w-]*(?:\.[\w-]+)*)/.exec(text)?.[1],
];

function firstCapture(text: string, readers: ((text: string) => string | undefined)[]): string | undefined {
  for (const read of readers) {
    // "(owner: @dba)" and "@dba" name the same person.
    const value = read(text)?.trim().replace(/^@(?=\S)/, "");
    if (value) return value;
  }
  return undefined;
}

export function analyzeItemText(text: string): ItemTextFacts {
  const expected = firstCapture(text, EXPECTED);
  const assignee = firstCapture(text, ASSIGNEE);
  const metric = parseMetric(text);
  return {
    required: !isOptional(text),
    critical: CRITICAL.some((pattern) => pattern.test(text)),
    ...(expected ? { expected } : {}),
    ...(assignee ? { assignee } : {}),
    ...(metric ? { metric } : {}),
  };
}

/*
 * State suffix: " — done by Lee at 2026-11-22 10:00 UTC; measured: 180 ms; note: slow", with
 * "; outside target" after the measured value of a step done although it missed its target.
 * Markdown task lists have only two boxes, so every state but done exports as "[ ]" and the
 * suffix says which: the word is bold for skipped, failed and n/a, and skipped and n/a items
 * are struck through ("- [ ] ~~Warm caches~~ — **skipped** by Lee …"), which reads right on
 * GitHub and is read back as the same state. The unit after a measured value is for the
 * reader; the item's metric keeps the unit.
 */

const STATUS_WORDS: [ItemStatus, string][] = [
  ["done", "done"],
  ["skipped", "skipped"],
  ["failed", "failed"],
  ["not_applicable", "n/a"],
  ["pending", "pending"],
];

// The suffix sits on the text's last line. Candidates start where a white-space run starts,
// and the "by" name cannot end in white space before " at", so no two parts of the pattern
// can match the same text and each candidate is read in time linear in what follows it.
const SUFFIX_START = /(?<!\s)\s+[—–]\s+(?:\*\*)?(done|skipped|failed|n\/a|not applicable|pending)(?:\*\*)?/gi;
// The unit cannot start with a digit, ".", "-" or ";", so it never shares text with the number or what follows.
const SUFFIX_DETAILS =
  /(?:\s+by\s+(.+?))?(?:(?<!\s)\s+at\s+(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?)\s*(?:UTC|Z)?)?(?:;\s*measured:\s*(-?\d+(?:\.\d+)?)(?:\s*[^\s;\d.-][^\s;]*)?)?(?:;\s*outside target)?(?:;\s*note:\s*(.*))?$/iy;

function matchStateSuffix(text: string): { index: number; word: string; details: RegExpExecArray } | undefined {
  let lineStart = text.lastIndexOf("\n");
  while (lineStart > 0 && /\s/.test(text[lineStart - 1] ?? "")) lineStart -= 1;
  SUFFIX_START.lastIndex = Math.max(0, lineStart);
  for (let start = SUFFIX_START.exec(text); start; start = SUFFIX_START.exec(text)) {
    SUFFIX_DETAILS.lastIndex = start.index + start[0].length;
    const details = SUFFIX_DETAILS.exec(text);
    if (details && start[1]) return { index: start.index, word: start[1], details };
  }
  return undefined;
}

export interface StateSuffix {
  text: string;
  state: ItemState;
}

export function parseStateSuffix(text: string): StateSuffix | undefined {
  const match = matchStateSuffix(text);
  if (!match) return undefined;
  const word = match.word.toLowerCase();
  const status = STATUS_WORDS.find(([, label]) => label === word)?.[0] ?? (word === "not applicable" ? "not_applicable" : undefined);
  const [, by, at, measured, note] = match.details;
  // A bare " — done" is too likely to be prose; only read it with who/when details.
  if (!status || (status === "done" && !by && !at && measured === undefined && note === undefined)) return undefined;
  const state: ItemState = { status };
  if (by) state.by = by.trim();
  if (at) state.at = new Date(`${at.replace(" ", "T")}${at.length === 16 ? ":00" : ""}Z`).toISOString();
  if (measured !== undefined) state.measuredValue = Number(measured);
  if (note !== undefined && note.trim() !== "") state.note = note.trim();
  return { text: text.slice(0, match.index).trimEnd(), state };
}

function formatAt(iso: string): string {
  const date = new Date(iso);
  const text = date.toISOString();
  const seconds = text.slice(17, 19);
  return `${text.slice(0, 10)} ${text.slice(11, 16)}${seconds === "00" ? "" : `:${seconds}`} UTC`;
}

const EMPHASIZED: ReadonlySet<ItemStatus> = new Set(["skipped", "failed", "not_applicable"]);
const STRUCK: ReadonlySet<ItemStatus> = new Set(["skipped", "not_applicable"]);

/** "~~Warm caches~~" for a skipped or not-applicable item (one line, not already struck); else the text. */
export function strikeForState(text: string, state: ItemState | undefined): string {
  if (!state || !STRUCK.has(state.status) || text === "" || text.includes("\n") || text.includes("~~")) return text;
  return `~~${text}~~`;
}

/** The text inside the strike-through the exporter puts on skipped and not-applicable items. */
export function unstrikeForState(text: string, state: ItemState | undefined): string {
  if (!state || !STRUCK.has(state.status)) return text;
  const inner = text.slice(2, -2);
  return text.length > 4 && text.startsWith("~~") && text.endsWith("~~") && !inner.includes("~~") && !inner.includes("\n") ? inner : text;
}

/**
 * The suffix for a state, or "" when the checkbox alone says it all ([x] by "import"). `unit`
 * follows a measured value; `outsideTarget` says in words that a done step missed its target
 * (the importer skips the words: the value and the target say it again).
 */
export function formatStateSuffix(state: ItemState, unit = "", outsideTarget = false): string {
  const isPlainImport = state.status === "done" && state.by === "import" && !state.at && state.note === undefined && state.measuredValue === undefined;
  if (isPlainImport) return "";
  if (state.status === "pending" && !state.by && !state.at && state.note === undefined && state.measuredValue === undefined) return "";
  const word = STATUS_WORDS.find(([status]) => status === state.status)?.[1] ?? state.status;
  let suffix = EMPHASIZED.has(state.status) ? ` — **${word}**` : ` — ${word}`;
  if (state.by) suffix += ` by ${foldUserText(state.by)}`;
  if (state.at) suffix += ` at ${formatAt(state.at)}`;
  if (state.measuredValue !== undefined) suffix += `; measured: ${state.measuredValue}${measuredUnit(unit)}`;
  if (state.measuredValue !== undefined && outsideTarget) suffix += "; outside target";
  if (state.note !== undefined) suffix += `; note: ${foldUserText(state.note)}`;
  return suffix;
}

/** " ms", "%" (no space before a percent sign), or "" when the unit would not read back. */
function measuredUnit(unit: string): string {
  if (unit === "" || /[\s;]/.test(unit) || /^[\d.-]/.test(unit)) return "";
  return unit === "%" ? "%" : ` ${unit}`;
}
